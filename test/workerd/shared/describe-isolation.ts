// Several owners on one deployment: owner B, signed in with a session and holding an API key, goes through
// EVERY route the app has (read from the Hono router, so a new route is covered the day it is added) with
// owner A's ids, and through every list with its own. Nothing of A's may appear in any answer, every
// request naming one of A's things must be refused, and A's data must be exactly as before.
import { describe, expect, it } from "vitest";
import type { Runtime } from "./describe-app.ts";
import { type AppFetch, expectJson, type OwnerClient, signUp, uniqueHandle } from "./http-client.ts";
import { attackBody, isPublicRoute, namesVictim, substitute } from "./isolation-routes.ts";
import { type SeededOwner, seedOwner } from "./seed-owner.ts";

export interface RouteInfo {
  method: string;
  path: string;
}

/**
 * A's emails still on their way (delivered after the responses that queued them) would change the snapshot
 * by themselves: wait until none is queued untried or being sent.
 */
async function emailsSettled(seed: SeededOwner): Promise<void> {
  for (let wait = 0; wait < 100; wait++) {
    const { items } = await expectJson<{ items: { status: string; attempts: number }[] }>(
      seed.owner.api("/api/outbox?limit=100"),
      200,
    );
    if (!items.some((m) => m.status === "sending" || (m.status === "queued" && m.attempts === 0))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("A's emails were still on their way after 5 s");
}

/** Everything A can read about itself through the API, to compare before and after B's visit. */
async function snapshot(seed: SeededOwner): Promise<Record<string, unknown>> {
  const { ids } = seed;
  const paths = [
    "/api/me",
    "/api/event-types",
    `/api/event-types/${ids.eventType}`,
    "/api/bookings",
    `/api/bookings/${ids.booking}`,
    "/api/leads",
    `/api/leads/${ids.lead}`,
    "/api/lead-settings",
    "/api/clients",
    `/api/clients/${ids.client}`,
    "/api/missions",
    `/api/missions/${ids.mission}`,
    `/api/missions/${ids.mission}/activity-reports`,
    "/api/invoices",
    `/api/invoices/${ids.invoice}`,
    `/api/invoices/${ids.draftInvoice}`,
    `/api/invoices/${ids.invoice}/payments`,
    "/api/settings/business",
    "/api/settings/calendars",
    "/api/calendars",
    "/api/outbox",
    "/api/workflows/runs",
    "/api/webhooks",
    `/api/webhooks/${ids.webhook}`,
  ];
  const state: Record<string, unknown> = {};
  for (const path of paths) state[path] = await expectJson(seed.owner.api(path), 200);
  const keys = await (await seed.owner.page("/dashboard/api-keys")).text();
  state.apiKeys = [...keys.matchAll(/\/dashboard\/api-keys\/([^/"]+)\/revoke/g)].map((m) => m[1]);
  // Calendars are synced in the background; their timestamps move on their own, their identity must not.
  state["/api/calendars"] = (
    state["/api/calendars"] as { items?: { id: string; name: string }[] }
  ).items?.map((c) => [c.id, c.name]);
  return state;
}

async function visit(fetch: AppFetch, attacker: OwnerClient, route: RouteInfo, path: string, body: unknown) {
  if (route.path.startsWith("/api/")) {
    const method = route.method;
    return fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${attacker.key}`,
        ...(method === "GET" || method === "DELETE" ? {} : { "content-type": "application/json" }),
      },
      body: method === "GET" || method === "DELETE" ? undefined : JSON.stringify(body ?? {}),
    });
  }
  if (route.method === "GET") return attacker.page(path);
  return attacker.form(path, (body as Record<string, string> | undefined) ?? {});
}

export function describeOwnerIsolation(
  runtime: Runtime,
  makeFetch: () => AppFetch,
  routes: () => RouteInfo[],
  peersUrl: () => string,
): void {
  describe(`owners on one deployment (${runtime})`, () => {
    it("never see nor change each other's data, through any route of the API or the dashboard", async () => {
      const fetch = makeFetch();
      const victim = await seedOwner(fetch, await signUp(fetch, uniqueHandle("alice")), peersUrl());
      const attacker = await signUp(fetch, uniqueHandle("bob"));
      await emailsSettled(victim);
      const before = await snapshot(victim);
      const leaks: string[] = [];
      const accepted: string[] = [];
      const broken: string[] = [];
      let visited = 0;
      for (const route of routes()) {
        if (isPublicRoute(route)) continue;
        const path = substitute(route.path, victim.ids);
        if (path === null) continue;
        const response = await visit(fetch, attacker, route, path, attackBody(route, victim.ids));
        visited++;
        const text = await response.text();
        const label = `${route.method} ${path} → ${response.status}`;
        if (text.includes(victim.marker) || text.includes(victim.owner.email)) leaks.push(label);
        // A request that names one of A's things must be refused, whatever the method.
        const refused = response.status >= 400 && response.status < 500;
        // References to A's things inside B's own requests (an invoice for A's mission…) as well.
        const pointsAtVictim = namesVictim(route.path) || attackBody(route, victim.ids) !== undefined;
        if (pointsAtVictim && !refused) accepted.push(label);
        // No route may break on this runtime either (a Node-only API reached on Workers answers 500).
        if (response.status >= 500) broken.push(label);
      }
      expect(leaks, "answers that showed A's data to B").toEqual([]);
      expect(accepted, "requests on A's things that B got through").toEqual([]);
      expect(broken, "routes that failed with a server error").toEqual([]);
      expect(visited).toBeGreaterThan(120);
      expect(await snapshot(victim)).toEqual(before);
    });

    it("runs only the caller's due work on POST /api/workflows/tick: A's tick sends none of B's emails", async () => {
      const fetch = makeFetch();
      const a = await signUp(fetch, uniqueHandle("ticka"));
      const b = await signUp(fetch, uniqueHandle("tickb"));
      // B declines a lead without emailing, then asks for automatic decline emails: the next tick owes that
      // prospect an email. Due work of B's, waiting for a tick.
      const prospect = `declined-${b.handle}@example.org`;
      const lead = await expectJson<{ id: string }>(
        b.api("/api/leads", { body: { name: "Dé Cliné", email: prospect } }),
        201,
      );
      await expectJson(b.api(`/api/leads/${lead.id}/decline`, { body: { sendEmail: false } }), 200);
      await expectJson(b.api("/api/lead-settings", { method: "PUT", body: { declineEmail: "auto" } }), 200);
      const smtpTo = async (address: string) =>
        (await expectJson<{ to: string | null }[]>(globalThis.fetch(`${peersUrl()}/smtp`), 200)).filter((m) =>
          m.to?.includes(address),
        );
      const outboxTo = async (owner: OwnerClient, address: string) =>
        (
          await expectJson<{ items: { to: { address: string }[]; status: string }[] }>(
            owner.api("/api/outbox"),
            200,
          )
        ).items.filter((m) => m.to[0]?.address === address);

      const byA = await expectJson<{ leadDeclines: { sent: number } }>(
        a.api("/api/workflows/tick", { method: "POST" }),
        200,
      );
      expect(byA.leadDeclines.sent).toBe(0);
      expect(await outboxTo(b, prospect)).toEqual([]);
      expect(await smtpTo(prospect)).toEqual([]);

      const byB = await expectJson<{ leadDeclines: { sent: number } }>(
        b.api("/api/workflows/tick", { method: "POST" }),
        200,
      );
      expect(byB.leadDeclines.sent).toBe(1);
      expect((await outboxTo(b, prospect)).map((m) => m.status)).toEqual(["sent"]);
      expect(await smtpTo(prospect)).toHaveLength(1);
    });
  });
}
