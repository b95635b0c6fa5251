// Every list endpoint pages with a cursor and filters by what people search by; pages never skip or repeat
// rows, even rows that share a sort value.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pageSorted } from "../../src/platform/http/pagination.ts";
import { enqueueMail } from "../../src/platform/mail/outbox.ts";
import { deliveryDeps } from "../../src/platform/mail/send.ts";
import { DISCOVERY, ownerFixture } from "../helpers/owner-fixture.ts";
import { CLIENT, invoicingFixture, MISSION } from "../invoicing/api-fixture.ts";

type Page = { items: { id: string; [k: string]: unknown }[]; nextCursor: string | null };

async function allPages(api: (p: string) => Promise<Response>, path: string): Promise<Page["items"][]> {
  const pages: Page["items"][] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const r = await api(`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(r.status, path).toBe(200);
    const body = (await r.json()) as Page;
    pages.push(body.items);
    cursor = body.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

describe("list pagination and filters", () => {
  it("pages in memory by (key, id), stable when keys tie", () => {
    const rows = ["c", "a", "e", "b", "d"].map((id) => ({ id, key: id < "c" ? 1 : 2 }));
    const first = pageSorted(rows, { limit: 2, direction: "asc" }, (r) => r);
    expect(first.items.map((r) => r.id)).toEqual(["a", "b"]);
    const cursor = JSON.parse(Buffer.from(first.nextCursor!, "base64url").toString()) as [number, string];
    const second = pageSorted(
      rows,
      { limit: 2, direction: "asc", cursor: { key: cursor[0], id: cursor[1] } },
      (r) => r,
    );
    expect(second.items.map((r) => r.id)).toEqual(["c", "d"]);
    expect(pageSorted(rows, { limit: 5, direction: "desc" }, (r) => r).items.map((r) => r.id)).toEqual([
      "e",
      "d",
      "c",
      "b",
      "a",
    ]);
  });

  it("booking links: pages and the active filter", async () => {
    const f = await ownerFixture();
    for (const slug of ["a1", "a2", "a3"]) {
      f.clock.advance(1000);
      expect((await f.api("/api/event-types", { body: { ...DISCOVERY, slug } })).status).toBe(201);
    }
    const paused = ((await (await f.api("/api/event-types?limit=1")).json()) as Page).items[0]!;
    await f.api(`/api/event-types/${paused.id}`, { method: "PATCH", body: { active: false } });
    const pages = await allPages(f.api, "/api/event-types?limit=2");
    expect(pages.map((p) => p.map((e) => e.slug))).toEqual([
      ["premier-echange", "a1"],
      ["a2", "a3"],
    ]);
    const active = ((await (await f.api("/api/event-types?active=true")).json()) as Page).items;
    expect(active.map((e) => e.slug)).toEqual(["a1", "a2", "a3"]);
    expect((await f.api("/api/event-types?cursor=garbage")).status).toBe(422);
  });

  it("clients by name with a search; missions by start with source and client filters", async () => {
    const f = await invoicingFixture({ mission: { source: "comet" } });
    for (const name of ["Zeta", "Alpha", "Mu"])
      await f.json("/api/clients", { body: { ...CLIENT, name, billingEmail: `${name}@example.fr` } }, 201);
    const pages = await allPages(f.api, "/api/clients?limit=2");
    expect(pages.flat().map((c) => c.name)).toEqual(["Alpha", "Mu", CLIENT.name, "Zeta"]);
    expect(pages).toHaveLength(2);
    const found = ((await (await f.api("/api/clients?q=zeta")).json()) as Page).items;
    expect(found.map((c) => c.name)).toEqual(["Zeta"]);

    for (const [startDate, source] of [
      ["2027-01-01", "malt"],
      ["2027-02-01", "malt"],
    ])
      await f.json("/api/missions", { body: { ...MISSION, clientId: f.clientId, startDate, source } }, 201);
    const missions = await allPages(f.api, "/api/missions?limit=1");
    expect(missions.flat().map((m) => m.startDate)).toEqual(["2027-03-01", "2027-02-01", "2027-01-01"]);
    const malt = ((await (await f.api("/api/missions?source=Malt")).json()) as Page).items;
    expect(malt.map((m) => m.startDate)).toEqual(["2027-02-01", "2027-01-01"]);
  });

  it("outbox and workflow runs: keyset cursors that do not skip rows created in the same millisecond", async () => {
    const f = await ownerFixture();
    for (let i = 0; i < 5; i++)
      await enqueueMail(deliveryDeps(f.deps), {
        ownerId: f.owner.id,
        idempotencyKey: `k${i}`,
        why: i % 2 ? "workflow:test" : "booking.confirmation",
        to: { address: "a@example.org" },
        subject: `m${i}`,
        html: "<p>x</p>",
        text: "x",
        locale: "fr",
      });
    const pages = await allPages(f.api, "/api/outbox?limit=2");
    expect(pages).toHaveLength(3);
    expect(new Set(pages.flat().map((m) => m.id)).size).toBe(5);
    const legacy = (await (await f.api(`/api/outbox?cursor=${f.clock.now() + 1}`)).json()) as Page;
    expect(legacy.items).toHaveLength(5);
    const workflowMail = ((await (await f.api("/api/outbox?why=workflow:")).json()) as Page).items;
    expect(workflowMail.map((m) => m.subject).sort()).toEqual(["m1", "m3"]);

    for (let i = 0; i < 3; i++)
      await f.deps.database.run(sql`INSERT INTO workflow_runs (id, owner_id, workflow, key, input, status, attempts, created_at, updated_at)
        VALUES (${`run${i}`}, ${f.owner.id}, 'booking-reminders', ${`b${i}`}, '{}', 'waiting', 0, 1000, 1000)`);
    const runs = await allPages(f.api, "/api/workflows/runs?limit=2");
    expect(runs.flat().map((r) => r.id)).toEqual(["run2", "run1", "run0"]);
    const one = ((await (await f.api("/api/workflows/runs?key=b1")).json()) as Page).items;
    expect(one.map((r) => r.id)).toEqual(["run1"]);
  });
});
