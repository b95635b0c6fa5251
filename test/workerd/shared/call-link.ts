// The booking link the D1 booking tests book on: a 30-minute "call" open around the clock, and the starts
// it offers three days from now (past the hour of notice, within the horizon, whatever the time of day).
import { type AppFetch, expectJson, type OwnerClient, signUp, uniqueHandle } from "./http-client.ts";

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

/** A new owner with that "call" link. */
export async function ownerWithCallLink(fetch: AppFetch, handlePrefix: string): Promise<OwnerClient> {
  const owner = await signUp(fetch, uniqueHandle(handlePrefix));
  await expectJson(owner.api("/api/event-types", { body: CALL_LINK }), 201);
  return owner;
}

/** Books the n-th start of callStarts as a prospect would (201 expected). */
export async function bookCall(
  fetch: AppFetch,
  handle: string,
  index: number,
  prospect: { email: string; name?: string },
): Promise<void> {
  const start = (await callStarts(fetch, handle))[index];
  await expectJson(
    fetch(`/api/public/${handle}/call/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        start,
        timeZone: "Europe/Paris",
        name: prospect.name ?? "Prospect",
        email: prospect.email,
        answers: {},
      }),
    }),
    201,
  );
}
