// A sync started from a page runs after the response, so the page can show its progress.
import type { AppContext } from "../platform/http/context.ts";
import { syncConnection } from "./sync.ts";

export function syncInBackground(c: AppContext, id: string, full = false): void {
  const deps = c.get("deps");
  deps.defer(syncConnection(deps, id, { dueOnly: false, full }));
}
