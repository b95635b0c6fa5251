// Booking on D1 inside workerd: the guarded insert holds under concurrency; a workflow tick runs over D1.
import {
  createExecutionContext,
  createScheduledController,
  env,
  SELF,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/worker.ts";
import { CALL_LINK, callStarts } from "./shared/call-link.ts";

const BASE = "http://creneau.test";

async function ownerKey(handle: string): Promise<string> {
  const cookies = (r: Response) =>
    r.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  const page = await SELF.fetch(`${BASE}/setup`);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const setup = await SELF.fetch(`${BASE}/setup`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookies(page), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      _csrf: token,
      name: "Jean",
      email: `${handle}@example.com`,
      handle,
      timeZone: "Europe/Paris",
      locale: "fr",
      password: "a long enough password",
      passwordConfirm: "a long enough password",
    }),
  });
  const session = `${cookies(page)}; ${cookies(setup)}`;
  const keys = await SELF.fetch(`${BASE}/dashboard/api-keys`, { headers: { cookie: session } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await keys.text())?.[1] ?? "";
  const created = await SELF.fetch(`${BASE}/dashboard/api-keys`, {
    method: "POST",
    headers: { cookie: session, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: csrf, name: "tests", scopes: "read,write" }),
  });
  return /<code>(crn_[^<]+)<\/code>/.exec(await created.text())?.[1] ?? "";
}

describe("bookings on D1", () => {
  it("20 concurrent requests for one slot: exactly one 201, the rest 409; then a tick runs over D1", async () => {
    const key = await ownerKey("jean");
    const auth = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const et = await SELF.fetch(`${BASE}/api/event-types`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify(CALL_LINK),
    });
    expect(et.status).toBe(201);
    const start = (await callStarts((path, init) => SELF.fetch(`${BASE}${path}`, init), "jean"))[10];
    expect(start).toBeTruthy();
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        SELF.fetch(`${BASE}/api/public/jean/call/bookings`, {
          method: "POST",
          headers: { "content-type": "application/json", "cf-connecting-ip": `198.51.100.${i}` },
          body: JSON.stringify({
            start,
            timeZone: "Europe/Paris",
            name: `P${i}`,
            email: `p${i}@example.org`,
            answers: {},
          }),
        }),
      ),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);

    const tick = await SELF.fetch(`${BASE}/api/workflows/tick`, { method: "POST", headers: auth });
    expect(tick.status).toBe(200);
    const runs = (await (await SELF.fetch(`${BASE}/api/workflows/runs`, { headers: auth })).json()) as {
      items: { workflow: string; status: string }[];
    };
    expect(runs.items.map((r) => r.workflow)).toContain("booking-reminders");

    // The Cron Trigger's handler runs the same tick.
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }),
      env as never,
      ctx,
    );
    await waitOnExecutionContext(ctx);
  });
});
