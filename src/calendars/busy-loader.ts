// The slot engine's view of calendars: the cached busy times of every connection, broken ones included
// (their last good sync still says when the owner is away).
import type { AppDeps } from "../platform/deps.ts";
import type { BusyLoader } from "../scheduling/availability.ts";
import { busyBetween } from "./busy-store.ts";

export function calendarBusyLoader(deps: Pick<AppDeps, "database">): BusyLoader {
  return (ownerId, fromMs, toMs) => busyBetween(deps.database, ownerId, fromMs, toMs);
}
