// The webhooks API: validation, paging and filters, secret rotation (the next delivery is signed with the new
// secret), another owner's endpoints out of reach, the endpoint cap, deletion.
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/accounts/api-keys.ts";
import { createOwner } from "../../src/accounts/create-owner.ts";
import { emitWebhookEvent } from "../../src/webhooks/emit.ts";
import { MAX_ENDPOINTS } from "../../src/webhooks/manage-endpoints.ts";
import { drain, webhookOwner } from "./helpers.ts";
import { type Receiver, startReceiver } from "./receiver.ts";

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

type Endpoint = { id: string; secret?: string; events: string[]; description: string | null };

describe("webhooks API", () => {
  it("validates, pages, filters, and keeps each owner's endpoints to that owner", async () => {
    const f = await webhookOwner();
    const bad = await f.api("/api/webhooks", {
      body: { url: "http://127.0.0.1:9/h", events: ["booking.exploded"] },
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]!.path).toMatch(/^events/);
    expect((await f.api("/api/webhooks", { body: { url: "http://127.0.0.1:9/h", events: [] } })).status).toBe(
      422,
    );

    const ids: string[] = [];
    for (const [i, events] of [
      ["lead.created"],
      ["invoice.paid"],
      ["lead.created", "invoice.paid"],
    ].entries()) {
      f.clock.advance(1000);
      const r = await f.api("/api/webhooks", { body: { url: `http://127.0.0.1:9/h${i}`, events } });
      expect(r.status).toBe(201);
      expect(r.headers.get("cache-control")).toBe("no-store");
      ids.push(((await r.json()) as Endpoint).id);
    }
    const first = (await (await f.api("/api/webhooks?limit=2")).json()) as {
      items: Endpoint[];
      nextCursor: string;
    };
    expect(first.items.map((e) => e.id)).toEqual([ids[2], ids[1]]);
    const second = (await (await f.api(`/api/webhooks?limit=2&cursor=${first.nextCursor}`)).json()) as {
      items: Endpoint[];
      nextCursor: null;
    };
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    const leads = (await (await f.api("/api/webhooks?event=lead.created")).json()) as { items: Endpoint[] };
    expect(leads.items.map((e) => e.id).sort()).toEqual([ids[0], ids[2]].sort());

    const other = await createOwner(
      f.deps,
      {
        name: "Autre",
        email: "autre@example.com",
        handle: "autre",
        timeZone: "Europe/Paris",
        locale: "fr",
        password: "correct horse battery",
      },
      { firstRunOnly: false },
    );
    const { key } = await createApiKey(f.deps, other.id, "other");
    const as = (path: string, method = "GET") =>
      f.app.request(path, { method, headers: { authorization: `Bearer ${key}` } });
    expect((await as(`/api/webhooks/${ids[0]}`)).status).toBe(404);
    expect((await as(`/api/webhooks/${ids[0]}`, "DELETE")).status).toBe(404);
    expect((await as(`/api/webhooks/${ids[0]}/deliveries`)).status).toBe(404);
    expect(((await (await as("/api/webhooks")).json()) as { items: unknown[] }).items).toEqual([]);
  });

  it("rotates the secret: the next delivery is signed with the new one", async () => {
    const f = await webhookOwner();
    receiver = await startReceiver(() => f.clock.now());
    const created = (await (
      await f.api("/api/webhooks", {
        body: { url: receiver.url(), events: ["lead.created"], description: "CRM" },
      })
    ).json()) as Endpoint;
    const rotated = await f.api(`/api/webhooks/${created.id}`, {
      method: "PATCH",
      body: { rotateSecret: true, description: null, events: ["lead.created", "lead.triaged"] },
    });
    expect(rotated.headers.get("cache-control")).toBe("no-store");
    const after = (await rotated.json()) as Endpoint;
    expect(after.secret).toMatch(/^whsec_/);
    expect(after.secret).not.toBe(created.secret);
    expect(after).toMatchObject({ description: null, events: ["lead.created", "lead.triaged"] });
    receiver.secret = after.secret!;
    await emitWebhookEvent(f.deps, { ownerId: f.owner.id, type: "lead.triaged", resourceId: "l1", data: {} });
    await drain(f.deps);
    expect(receiver.received.map((e) => [e.type, e.signatureOk])).toEqual([["lead.triaged", true]]);
    const fetched = (await (await f.api(`/api/webhooks/${created.id}`)).json()) as Endpoint;
    expect(fetched.secret).toBeUndefined();
  });

  it("caps the number of endpoints, and deleting one deletes its log", async () => {
    const f = await webhookOwner();
    let lastId = "";
    for (let i = 0; i < MAX_ENDPOINTS; i++)
      lastId = (
        (await (
          await f.api("/api/webhooks", {
            body: { url: `http://127.0.0.1:9/h${i}`, events: ["lead.created"] },
          })
        ).json()) as Endpoint
      ).id;
    expect(
      (await f.api("/api/webhooks", { body: { url: "http://127.0.0.1:9/x", events: ["lead.created"] } }))
        .status,
    ).toBe(409);
    await emitWebhookEvent(f.deps, { ownerId: f.owner.id, type: "lead.created", resourceId: "l1", data: {} });
    await drain(f.deps);
    const count = async () =>
      (
        await f.deps.database.all<{ n: number }>(
          sql`SELECT COUNT(*) AS n FROM webhook_deliveries WHERE endpoint_id = ${lastId}`,
        )
      )[0]!.n;
    expect(await count()).toBe(1);
    expect((await f.api(`/api/webhooks/${lastId}`, { method: "DELETE" })).status).toBe(204);
    expect(await count()).toBe(0);
    expect((await f.api(`/api/webhooks/${lastId}`)).status).toBe(404);
  });

  it("holds the cap when many registrations arrive at once", async () => {
    const f = await webhookOwner();
    const answers = await Promise.all(
      Array.from({ length: MAX_ENDPOINTS + 5 }, (_, i) =>
        f.api("/api/webhooks", { body: { url: `http://127.0.0.1:9/c${i}`, events: ["lead.created"] } }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_ENDPOINTS);
    expect(statuses.filter((s) => s === 409)).toHaveLength(5);
  });
});
