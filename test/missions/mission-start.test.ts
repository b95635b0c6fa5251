// A mission created "planned" becomes active on its start date in the owner's zone (Paris here; the tests run
// in Auckland), through the tick: once, after downtime too, moved by a later start date, never once cancelled.
import { afterEach, describe, expect, it } from "vitest";
import { hasStarted, latestTodayOnEarth } from "../../src/missions/mission-start.ts";
import { tick } from "../../src/platform/tick.ts";
import { invoicingFixture } from "../invoicing/api-fixture.ts";
import { storedEvents, subscribeAll } from "../webhooks/atomic-helpers.ts";
import type { Receiver } from "../webhooks/receiver.ts";

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe("when a planned mission has started (pure)", () => {
  it("on its start date in the owner's zone, not the server's nor UTC's", () => {
    const paris = { startDate: "2027-05-03", timeZone: "Europe/Paris" };
    expect(hasStarted(paris, Date.parse("2027-05-02T21:59:59Z"))).toBe(false);
    expect(hasStarted(paris, Date.parse("2027-05-02T22:00:00Z"))).toBe(true);
    expect(hasStarted({ ...paris, timeZone: "Pacific/Auckland" }, Date.parse("2027-05-02T12:00:00Z"))).toBe(
      true,
    );
    expect(hasStarted(paris, Date.parse("2027-06-01T00:00:00Z"))).toBe(true);
  });

  it("no owner anywhere is past the latest date on Earth", () => {
    const now = Date.parse("2027-05-02T10:30:00Z");
    expect(latestTodayOnEarth(now)).toBe("2027-05-03");
    expect(hasStarted({ startDate: "2027-05-04", timeZone: "Pacific/Kiritimati" }, now)).toBe(false);
  });
});

async function plannedMissions() {
  const f = await invoicingFixture({ env: { ALLOW_PRIVATE_TARGETS: "1" } });
  receiver = await subscribeAll(f);
  const create = async (title: string) =>
    (
      await f.json<{ id: string; status: string }>(
        "/api/missions",
        {
          body: {
            clientId: f.clientId,
            title,
            dailyRateCents: 60_000,
            currency: "EUR",
            startDate: "2027-05-03",
            source: "malt",
            billingMode: "monthly",
          },
        },
        201,
      )
    ).id;
  const status = async (id: string) => (await f.json<{ status: string }>(`/api/missions/${id}`)).status;
  const patch = (id: string, body: Record<string, unknown>) =>
    f.json(`/api/missions/${id}`, { method: "PATCH", body }, 200);
  const startedIds = async () => (await storedEvents(f, "mission.started")).map((d) => d.id);
  return { ...f, create, status, patch, startedIds };
}

describe("planned missions start through the tick", () => {
  it("at midnight in Paris, once, with mission.started delivered; later ticks change nothing", async () => {
    const f = await plannedMissions();
    const id = await f.create("Audit");
    expect(await f.status(id)).toBe("planned");
    f.clock.set("2027-05-02T21:59:00Z");
    expect((await tick(f.deps)).missions.started).toBe(0);
    expect(await f.status(id)).toBe("planned");

    f.clock.set("2027-05-02T22:00:00Z");
    const [first, second] = await Promise.all([tick(f.deps), tick(f.deps)]);
    expect(first.missions.started + second.missions.started).toBe(1);
    expect(await f.status(id)).toBe("active");
    f.clock.advance(3_600_000);
    expect((await tick(f.deps)).missions.started).toBe(0);
    expect(await f.startedIds()).toEqual([id]);
    const delivered = receiver!.received.filter((e) => e.type === "mission.started");
    expect(delivered.map((e) => e.data)).toMatchObject([{ id, status: "active", startDate: "2027-05-03" }]);
    expect(delivered.every((e) => e.signatureOk)).toBe(true);
    await f.settle();
  });

  it("after the server was down for days: started at the first tick, once", async () => {
    const f = await plannedMissions();
    const id = await f.create("Audit");
    f.clock.set("2027-05-19T08:00:00Z");
    expect((await tick(f.deps)).missions.started).toBe(1);
    expect((await tick(f.deps)).missions.started).toBe(0);
    expect(await f.startedIds()).toEqual([id]);
    await f.settle();
  });

  it("a start date moved later before it arrived moves the start; a cancelled mission never starts", async () => {
    const f = await plannedMissions();
    const moved = await f.create("Moved");
    const cancelled = await f.create("Cancelled");
    await f.patch(moved, { startDate: "2027-05-10" });
    await f.patch(cancelled, { status: "cancelled" });

    f.clock.set("2027-05-03T06:00:00Z");
    await tick(f.deps);
    expect([await f.status(moved), await f.status(cancelled)]).toEqual(["planned", "cancelled"]);
    f.clock.set("2027-05-10T06:00:00Z");
    await tick(f.deps);
    expect([await f.status(moved), await f.status(cancelled)]).toEqual(["active", "cancelled"]);
    expect(await f.startedIds()).toEqual([moved]);
    await f.settle();
  });

  it("a planned mission whose start date is edited to today starts at once, reported once", async () => {
    const f = await plannedMissions();
    const id = await f.create("Audit");
    await f.patch(id, { startDate: "2027-04-02" });
    expect(await f.status(id)).toBe("active");
    expect((await tick(f.deps)).missions.started).toBe(0);
    expect(await f.startedIds()).toEqual([id]);
    await f.settle();
  });
});
