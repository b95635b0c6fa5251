// When a planned mission starts: on its start date in the owner's zone, whatever the server's zone. Pure.
import { dateInZone } from "./plain-date.ts";

/** Nowhere is later than UTC+14: a mission dated after today there has not started for any owner. */
export function latestTodayOnEarth(nowMs: number): string {
  return dateInZone(nowMs, "Pacific/Kiritimati");
}

/** Started on its first day, or any day after it (a tick that comes late after downtime). */
export function hasStarted(mission: { startDate: string; timeZone: string }, nowMs: number): boolean {
  return mission.startDate <= dateInZone(nowMs, mission.timeZone);
}
