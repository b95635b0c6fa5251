// A booking moved away and back to a time it had before: its reminders follow it back, once, and the time it
// left gets none. The scheduler ticks every 10 minutes across the whole period, as node-cron would.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, workflowRuns } from "../../src/platform/db/schema.ts";
import { tick } from "../../src/platform/tick.ts";
import { DISCOVERY, GOOD_ANSWERS, type OwnerFixture, ownerFixture } from "../helpers/owner-fixture.ts";

const HOUR = 3_600_000;
const STEP = 10 * 60_000;
// Friday 09:00 UTC; T1 is Monday 09:00 Paris (07:00 UTC), T2 Tuesday 10:00 Paris (08:00 UTC).
const NOW = "2027-03-26T09:00:00Z";
const T1 = "2027-03-29T09:00:00+02:00";
const T2 = "2027-03-30T10:00:00+02:00";
const T1_MS = Date.parse(T1);
const T2_MS = Date.parse(T2);
const PROSPECT = "alice@example.org";
const OWNER = "jean@example.com";

async function booked(): Promise<{ f: OwnerFixture; id: string; token: string }> {
  const f = await ownerFixture({ now: NOW });
  await f.api("/api/event-types", { body: DISCOVERY });
  const r = await f.publicApi("/api/public/jean/discovery/bookings", {
    body: {
      start: T1,
      timeZone: "Europe/Paris",
      name: "Alice Martin",
      email: PROSPECT,
      answers: GOOD_ANSWERS,
    },
  });
  expect(r.status).toBe(201);
  const { booking } = (await r.json()) as { booking: { id: string; manageUrl: string } };
  return { f, id: booking.id, token: booking.manageUrl.split("/bookings/")[1]! };
}

async function reschedule(f: OwnerFixture, token: string, start: string) {
  const r = await f.publicApi(`/api/public/bookings/${token}/reschedule`, { body: { start } });
  expect(r.status).toBe(200);
}

/** Ticks every 10 minutes from the clock's time up to `untilMs`. */
async function tickUntil(f: OwnerFixture, untilMs: number) {
  while (f.clock.now() < untilMs) {
    await tick(f.deps);
    f.clock.set(Math.min(f.clock.now() + STEP, untilMs));
  }
  await tick(f.deps);
}

async function reminders(f: OwnerFixture) {
  const rows = await f.deps.database.db
    .select()
    .from(outbox)
    .where(eq(outbox.why, "workflow:booking-reminders"))
    .all();
  return rows.map((m) => ({ to: m.toAddress, at: m.createdAt, text: m.text }));
}

async function reminderRuns(f: OwnerFixture) {
  const runs = await f.deps.database.db
    .select()
    .from(workflowRuns)
    .where(eq(workflowRuns.workflow, "booking-reminders"))
    .all();
  return runs.map((r) => `${r.key.split("@")[1]}:${r.status}`).sort();
}

describe("rescheduled back to a time it had before", () => {
  it("gets the day-before and owner reminders once, for that time, and none for the time it left", async () => {
    const { f, id, token } = await booked();
    f.clock.advance(STEP);
    await reschedule(f, token, T2);
    f.clock.advance(STEP);
    await reschedule(f, token, T1);
    expect((await (await f.api(`/api/bookings/${id}`)).json()) as { start: string }).toMatchObject({
      start: "2027-03-29T09:00:00+02:00",
    });

    await tickUntil(f, T2_MS + 2 * HOUR);

    const sent = await reminders(f);
    expect(sent.map(({ to, at }) => ({ to, at }))).toEqual([
      { to: PROSPECT, at: T1_MS - 24 * HOUR },
      { to: OWNER, at: T1_MS - 30 * 60_000 },
    ]);
    // Monday 29 March at 09:00 in the prospect's zone; nothing about Tuesday.
    expect(sent[0]!.text).toMatch(/lundi 29 mars 2027, 09:00/);
    expect(sent.some((m) => /mardi 30 mars/.test(m.text))).toBe(false);
    // T1's run was reopened (not a second one); T2's stays cancelled.
    expect(await reminderRuns(f)).toEqual([`${T1_MS}:completed`, `${T2_MS}:cancelled`]);
  });

  it("does not send the day-before reminder again when it had gone out before the round trip", async () => {
    const { f, token } = await booked();
    await tickUntil(f, T1_MS - 24 * HOUR + 30 * 60_000);
    expect((await reminders(f)).map((m) => m.to)).toEqual([PROSPECT]);

    await reschedule(f, token, T2);
    f.clock.advance(STEP);
    await reschedule(f, token, T1);
    await tickUntil(f, T2_MS + 2 * HOUR);

    expect((await reminders(f)).map(({ to, at }) => ({ to, at }))).toEqual([
      { to: PROSPECT, at: T1_MS - 24 * HOUR },
      { to: OWNER, at: T1_MS - 30 * 60_000 },
    ]);
    expect(await reminderRuns(f)).toEqual([`${T1_MS}:completed`, `${T2_MS}:cancelled`]);
  });
});
