// Where the slot engine gets calendar busy times: the intervals calendar sync keeps per connection.
import { calendarBusyLoader } from "../calendars/busy-loader.ts";
import type { AppDeps } from "../platform/deps.ts";
import type { BusyLoader } from "./availability.ts";

export function busyLoaderFor(deps: AppDeps): BusyLoader {
  return calendarBusyLoader(deps);
}
