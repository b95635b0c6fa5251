// ICS subscriptions against a local feed server: busy times reach the public slots, conditional GETs,
// a 5 MB feed, and hostile feeds that fail clearly while the last good busy times stay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlockedTargetError } from "../../src/calendars/network/address-policy.ts";
import { calendarLimits } from "../../src/calendars/network/fetch-policy.ts";
import { nodeRequest } from "../../src/calendars/network/node-request.ts";
import { tick } from "../../src/platform/tick.ts";
import { type IcsServer, startIcsServer } from "../peers/ics-server.ts";
import { bigFeed, fixture } from "./feeds.ts";
import { ALL_MONDAY, calendarOwner, connect, mondaySlots, syncNow, syncRuns } from "./helpers.ts";

let feeds: IcsServer;
beforeAll(async () => {
  feeds = await startIcsServer();
});
afterAll(async () => {
  await feeds.close();
});

describe("ICS feed subscriptions", () => {
  it("turns an Outlook feed's busy event into missing slots, and reads an unchanged feed with a 304", async () => {
    feeds.set("/outlook.ics", { body: fixture("outlook-windows-zones.ics") });
    const f = await calendarOwner();
    expect(await mondaySlots(f)).toEqual(ALL_MONDAY);
    const connection = await connect(f, {
      type: "ics",
      url: feeds.url("/outlook.ics"),
      name: "Client Outlook",
    });
    expect(connection).toMatchObject({ status: "active", lastError: null, sync: { status: "ok" } });
    // 10:00–10:30 Paris is busy: with 10-minute buffers the 09:30, 10:00 and 10:30 slots go; lunch is FREE.
    expect(await mondaySlots(f)).toEqual(["09:00", "11:00", "11:30"]);

    const again = await syncNow(f, connection.id);
    expect(again.sync.status).toBe("ok");
    expect(feeds.hits("/outlook.ics")).toEqual({ total: 2, notModified: 1 });
    expect(await mondaySlots(f)).toEqual(["09:00", "11:00", "11:30"]);
  });

  it("syncs a 5 MB gzip-served feed of 6,000 events", async () => {
    const body = bigFeed(6000, Date.parse("2027-03-30T06:00:00Z"), 5 * 1024 * 1024);
    expect(body.length).toBeGreaterThan(5 * 1024 * 1024);
    feeds.set("/big.ics", { body, gzip: true });
    const f = await calendarOwner();
    const connection = await connect(f, { type: "ics", url: feeds.url("/big.ics") });
    expect(connection.sync).toMatchObject({ status: "ok", events: 6000 });
    expect(connection.busyIntervals).toBe(6000);
  });

  it("keeps the last good busy times when the feed turns hostile, says why, and recovers", async () => {
    feeds.set("/flaky.ics", { body: fixture("outlook-windows-zones.ics") });
    feeds.set("/steady.ics", { body: fixture("all-day.ics") });
    const f = await calendarOwner();
    const flaky = await connect(f, { type: "ics", url: feeds.url("/flaky.ics") });
    const steady = await connect(f, { type: "ics", url: feeds.url("/steady.ics") });
    const before = await mondaySlots(f);
    expect(before).toEqual(["09:00", "11:00", "11:30"]);

    const attempts: [Parameters<IcsServer["set"]>[1], RegExp][] = [
      [{ body: fixture("garbage.ics") }, /not a readable calendar/],
      [{ body: "<html>Please sign in</html>", contentType: "text/html" }, /web page, not a calendar/],
      [{ status: 404, body: "gone" }, /HTTP 404/],
      [{ body: "BEGIN:VCALENDAR\r\n", endlessBytes: 12 * 1024 * 1024 }, /larger than 10485760 bytes/],
      [{ body: bigFeed(40, Date.parse("2027-04-01T06:00:00Z")), dripMs: 300 }, /did not answer in time/],
    ];
    const timeout = calendarLimits.timeoutMs;
    calendarLimits.timeoutMs = 1000;
    try {
      for (const [route, message] of attempts) {
        feeds.set("/flaky.ics", route);
        const { sync, connection } = await syncNow(f, flaky.id, "?full=1");
        expect(sync.status).toBe("error");
        expect(connection.status).toBe("error");
        expect(connection.lastError).toMatch(message);
        expect(connection.busyIntervals).toBe(3);
        expect(await mondaySlots(f)).toEqual(before);
      }
      // The scheduler's tick: the broken feed fails again, the other one syncs as if nothing happened.
      f.clock.advance(24 * 3_600_000);
      await tick(f.deps);
      expect((await syncRuns(f, steady.id)).map((r) => r.status)).toEqual(["completed", "waiting"]);
      expect(await syncRuns(f, flaky.id)).toMatchObject([
        { status: "waiting", waitingOn: "retry", lastError: expect.stringMatching(/did not answer in time/) },
      ]);
      const listed = (await (await f.api("/api/calendars")).json()) as {
        items: { id: string; status: string }[];
      };
      expect(listed.items.find((c) => c.id === steady.id)?.status).toBe("active");
    } finally {
      calendarLimits.timeoutMs = timeout;
    }
    feeds.set("/flaky.ics", {
      body: fixture("outlook-windows-zones.ics")
        .replace("20270329T100000", "20270329T090000")
        .replace("20270329T103000", "20270329T093000"),
    });
    const healed = await syncNow(f, flaky.id);
    expect(healed.connection).toMatchObject({ status: "active", lastError: null });
    // the busy block moved from 10:00 to 09:00
    expect(await mondaySlots(f, "2027-03-29")).toEqual(["10:00", "10:30", "11:00", "11:30"]);
  });
});

describe("a long sync", () => {
  it("shows its progress while it runs, and a second sync of the same calendar is refused until it ends", async () => {
    feeds.set("/slow.ics", { body: bigFeed(60, Date.parse("2027-03-30T06:00:00Z")), dripMs: 40 });
    const f = await calendarOwner();
    const created = await f.api("/api/calendars", { body: { type: "ics", url: feeds.url("/outlook.ics") } });
    const { id } = (await created.json()) as { id: string };
    await f.api(`/api/calendars/${id}`, { method: "PATCH", body: { url: feeds.url("/slow.ics") } });
    const running = f.api(`/api/calendars/${id}/sync`, { method: "POST" });
    let seen: { syncing: boolean; progress: { phase?: string } | null } | undefined;
    for (let i = 0; i < 100 && !seen?.syncing; i++) {
      await new Promise((r) => setTimeout(r, 20));
      seen = (await (await f.api(`/api/calendars/${id}`)).json()) as typeof seen;
    }
    expect(seen).toMatchObject({ syncing: true, progress: { phase: "downloading" } });
    const second = await f.api(`/api/calendars/${id}/sync`, { method: "POST" });
    expect(second.status).toBe(409);
    expect((await running).status).toBe(200);
    const done = (await (await f.api(`/api/calendars/${id}`)).json()) as {
      syncing: boolean;
      busyIntervals: number;
    };
    expect(done).toMatchObject({ syncing: false, busyIntervals: 60 });
  });
});

describe("feeds may not reach private addresses unless allowed", () => {
  it("refuses private and local URLs at creation with a 422 naming the field", async () => {
    const f = await calendarOwner({ env: { ALLOW_PRIVATE_TARGETS: "0" } });
    for (const url of [
      "http://127.0.0.1:9/cal.ics",
      "http://localhost/cal.ics",
      "http://169.254.169.254/x.ics",
      "http://[::1]/x",
    ]) {
      const r = await f.api("/api/calendars", { body: { type: "ics", url } });
      expect(r.status, url).toBe(422);
      const problem = (await r.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors[0]).toMatchObject({ path: "url" });
      expect(problem.errors[0]!.message).toMatch(/private or local/);
    }
    expect((await (await f.api("/api/calendars")).json()) as { items: unknown[] }).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it("checks the address a name resolves to at connect time, so DNS cannot smuggle in loopback", async () => {
    const request = nodeRequest(
      new URL(feeds.url("/outlook.ics").replace("127.0.0.1", "localhost")),
      { method: "GET", headers: new Headers(), body: null },
      { allowPrivate: false, timeoutMs: 2000, maxBytes: 1000 },
      AbortSignal.timeout(2000),
    );
    await expect(request).rejects.toBeInstanceOf(BlockedTargetError);
  });
});
