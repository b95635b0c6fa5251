// Where the slot engine gets calendar busy times. Calendar sync replaces this with its cached intervals.
import type { AppDeps } from "../platform/deps.ts";
import { type BusyLoader, noBusyTimes } from "./availability.ts";

export function busyLoaderFor(_deps: AppDeps): BusyLoader {
  return noBusyTimes;
}
