// The booking link the D1 booking tests book on: a 30-minute "call" open around the clock, and the starts
// it offers three days from now (past the hour of notice, within the horizon, whatever the time of day).
import type { AppFetch } from "./shared/http-client.ts";

const ALWAYS = Object.fromEntries(
  ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [["00:00", "24:00"]]]),
);

export const CALL_LINK = {
  slug: "call",
  title: "Call",
  durationMinutes: 30,
  timeZone: "Europe/Paris",
  weeklyHours: ALWAYS,
  minimumNoticeMinutes: 60,
  horizonDays: 14,
};

/** The starts the owner's "call" link offers three days from now, Paris time, in order. */
export async function callStarts(fetch: AppFetch, handle: string): Promise<string[]> {
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const response = await fetch(
    `/api/public/${handle}/call/slots?from=${day}&to=${day}&timeZone=Europe/Paris`,
  );
  const { slots } = (await response.json()) as { slots: Record<string, { start: string }[]> };
  return (slots[day] ?? []).map((slot) => slot.start);
}
