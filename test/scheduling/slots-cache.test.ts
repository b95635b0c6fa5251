// GET …/slots answers are cached in memory: never past a change to bookings, busy times or the event type made
// by any process (the owner's availability version), nor past the moment time alone changes the answer.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite } from "../../src/platform/db/sqlite.ts";
import { computeSlots, computeSlotsUntil, type SlotQuery } from "../../src/scheduling/slots.ts";
import { DISCOVERY, discoveryBooking, ownerFixture } from "../helpers/owner-fixture.ts";
import { createTestApp } from "../helpers/test-app.ts";

// Friday 2027-03-26 09:00 UTC; the first slots are on Monday 29th from 09:00 Paris (07:00 UTC).
const NOW = "2027-03-26T09:00:00Z";
const MONDAY_9 = Date.parse("2027-03-29T07:00:00Z");
const SLOTS = "/api/public/jean/discovery/slots?from=2027-03-29&to=2027-03-31&timeZone=Europe/Paris";

type Slots = { slots: Record<string, { start: string }[]> };
const starts = (body: Slots) => Object.values(body.slots).flatMap((day) => day.map((s) => s.start));

const query = (nowMs: number, minimumNoticeMinutes: number): SlotQuery => ({
  rules: {
    durationMinutes: 30,
    timeZone: "Europe/Paris",
    weeklyHours: { mon: [["09:00", "12:00"]], tue: [["09:00", "12:00"]] },
    dateOverrides: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes,
    horizonDays: 60,
  },
  bookings: [],
  busy: [],
  nowMs,
  from: "2027-03-29",
  to: "2027-03-30",
  visitorTimeZone: "America/New_York",
});

describe("how long a slots answer holds", () => {
  it("until the owner's date turns, when no slot is near the minimum notice", () => {
    const q = query(Date.parse(NOW), 60);
    const { result, validUntilMs } = computeSlotsUntil(q);
    expect(result).toEqual(computeSlots(q));
    // Midnight in Paris (UTC+1 until Sunday's change): the horizon moves a day then.
    expect(validUntilMs).toBe(Date.parse("2027-03-26T23:00:00Z"));
  });

  it("until the first slot falls under the minimum notice, and not a millisecond longer", () => {
    const notice = 3 * 24 * 60; // three days: Monday 09:00 leaves at Friday 09:00 Paris time
    const nowMs = MONDAY_9 - notice * 60_000 - 5 * 60_000;
    const { result, validUntilMs } = computeSlotsUntil(query(nowMs, notice));
    expect(validUntilMs).toBe(MONDAY_9 - notice * 60_000 + 1);
    expect(starts(result)[0]).toBe("2027-03-29T03:00:00-04:00");
    // At that instant the answer has indeed changed: the first slot is gone.
    expect(starts(computeSlots(query(validUntilMs, notice)))[0]).not.toBe("2027-03-29T03:00:00-04:00");
    expect(computeSlots(query(validUntilMs - 1, notice))).toEqual(result);
  });
});

describe("the slots cache over HTTP", () => {
  it("drops a slot as soon as the minimum notice passes it, though the answer was cached", async () => {
    const f = await ownerFixture({ now: "2027-03-29T04:55:00Z" });
    expect(
      (await f.api("/api/event-types", { body: { ...DISCOVERY, minimumNoticeMinutes: 120 } })).status,
    ).toBe(201);
    const first = starts((await (await f.publicApi(SLOTS)).json()) as Slots);
    expect(first[0]).toBe("2027-03-29T09:00:00+02:00");
    f.clock.set("2027-03-29T05:00:01Z"); // 09:00 Paris is now less than two hours away
    const later = starts((await (await f.publicApi(SLOTS)).json()) as Slots);
    expect(later[0]).toBe("2027-03-29T09:30:00+02:00");
  });

  it("shows the event type's new hours right after it is edited", async () => {
    const f = await ownerFixture({ now: NOW });
    const created = (await (await f.api("/api/event-types", { body: DISCOVERY })).json()) as { id: string };
    expect(starts((await (await f.publicApi(SLOTS)).json()) as Slots)).toContain("2027-03-29T09:00:00+02:00");
    const weeklyHours = { mon: [["14:00", "15:00"]] };
    const edited = await f.api(`/api/event-types/${created.id}`, { method: "PATCH", body: { weeklyHours } });
    expect(edited.status).toBe(200);
    const after = starts((await (await f.publicApi(SLOTS)).json()) as Slots);
    expect(after[0]).toBe("2027-03-29T14:00:00+02:00");
  });

  it("never serves an answer older than a booking made by another process on the same database", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "creneau-slots-cache-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, "creneau.sqlite");
    const env = { PUBLIC_POST_LIMIT: "0" };
    const a = await ownerFixture({ now: NOW, env, database: openSqlite(file) });
    expect((await a.api("/api/event-types", { body: DISCOVERY })).status).toBe(201);
    // A second server on the same file: its own connection, its own cache.
    const b = createTestApp({ now: NOW, env, database: openSqlite(file) });
    cleanups.push(
      () => a.deps.database.close(),
      () => b.deps.database.close(),
    );
    expect(starts((await (await a.publicApi(SLOTS)).json()) as Slots)).toContain("2027-03-29T09:00:00+02:00");

    const booked = await b.app.request("/api/public/jean/discovery/bookings", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(discoveryBooking()),
    });
    expect(booked.status).toBe(201);
    await b.settle();
    expect(starts((await (await a.publicApi(SLOTS)).json()) as Slots)).not.toContain(
      "2027-03-29T09:00:00+02:00",
    );
  });
});

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
