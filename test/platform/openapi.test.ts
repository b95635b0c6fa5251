// The OpenAPI document: valid OpenAPI 3.1 (checked by @readme/openapi-parser), covering every /api route the
// app serves, generated from the validators (a change to a schema shows up here), and usable: a client that
// only knows the document builds working requests from it. /api/docs serves Swagger UI from our own origin.
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import {
  bookingCreatedResponse,
  cancelledResponse,
  managedBookingResponse,
  publicEventTypeResponse,
  slotsResponse,
} from "../../src/platform/http/openapi-responses.ts";
import { endpointResponse } from "../../src/webhooks/schemas.ts";
import { DISCOVERY, GOOD_ANSWERS, ownerFixture } from "../helpers/owner-fixture.ts";

type Doc = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};
type Operation = {
  operationId: string;
  parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, unknown>;
  security?: unknown[];
};

async function documentOf(f: Awaited<ReturnType<typeof ownerFixture>>): Promise<Doc> {
  const response = await f.app.request("/api/openapi.json");
  expect(response.status).toBe(200);
  return (await response.json()) as Doc;
}

/** A client generated from the document alone: operationId + arguments → a request (unknown names refused). */
function clientFor(doc: Doc, send: (path: string, init: RequestInit) => Promise<Response>, key: string) {
  const byId = new Map<string, { method: string; path: string; op: Operation }>();
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) byId.set(op.operationId, { method, path, op });
  return async (
    operationId: string,
    args: { path?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {},
  ) => {
    const found = byId.get(operationId);
    if (!found) throw new Error(`no operation ${operationId}`);
    const params = found.op.parameters ?? [];
    for (const name of Object.keys(args.query ?? {}))
      if (!params.some((p) => p.in === "query" && p.name === name))
        throw new Error(`${name} is not a parameter`);
    for (const p of params.filter((p) => p.required && p.in === "query"))
      if (!args.query?.[p.name]) throw new Error(`${p.name} is required`);
    if (found.op.requestBody?.required && args.body === undefined) throw new Error("a body is required");
    const path = found.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(args.path?.[name] ?? ""),
    );
    const url = new URL(path, doc.servers[0]!.url);
    for (const [k, v] of Object.entries(args.query ?? {})) url.searchParams.set(k, v);
    return send(url.pathname + url.search, {
      method: found.method.toUpperCase(),
      headers: {
        ...(found.op.security?.length === 0 ? {} : { authorization: `Bearer ${key}` }),
        ...(args.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: args.body === undefined ? undefined : JSON.stringify(args.body),
    });
  };
}

describe("OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const f = await ownerFixture();
    const doc = await documentOf(f);
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    // The validator does catch mistakes: the same document with a path parameter left undeclared fails.
    const broken = structuredClone(doc);
    delete broken.paths["/api/webhooks/{id}"]!.get!.parameters;
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it("documents every /api route the app serves, and nothing it does not", async () => {
    const f = await ownerFixture();
    const doc = await documentOf(f);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const served = new Set(
      f.app.routes
        .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`)
        .filter((r) => !/ \/api\/(openapi\.json|docs)/.test(r)),
    );
    expect(served.size).toBeGreaterThan(80);
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
    // API.md's owner endpoints, spelled as the contract spells them.
    for (const r of [
      "GET /api/bookings",
      "GET /api/leads",
      "PATCH /api/leads/{id}",
      "POST /api/missions/{id}/activity-reports",
      "POST /api/invoices/{id}/credit-note",
      "POST /api/calendars/{id}/sync",
      "POST /api/workflows/tick",
      "GET /api/outbox",
      "PUT /api/settings/business",
      "POST /api/webhook-deliveries/{id}/replay",
    ])
      expect(documented.has(r), r).toBe(true);
  });

  it("is generated from the validators: their constraints, enums and defaults appear", async () => {
    const f = await ownerFixture();
    const doc = await documentOf(f);
    const leads = doc.paths["/api/leads"]!.get!;
    const limit = leads.parameters!.find((p) => p.name === "limit")!;
    expect(limit.schema).toMatchObject({ type: "integer", maximum: 500, default: 100 });
    const created = doc.paths["/api/webhooks"]!.post!;
    const body = created.requestBody!.content["application/json"]!.schema as {
      required: string[];
      properties: { events: { items: { enum: string[] } } };
    };
    expect(body.required).toEqual(expect.arrayContaining(["url", "events"]));
    expect(body.properties.events.items.enum).toContain("invoice.paid");
    const payment = doc.paths["/api/invoices/{id}/payments"]!.post!.requestBody!.content["application/json"]!
      .schema as { required: string[] };
    expect(payment.required).toEqual(expect.arrayContaining(["amountCents", "date"]));
    expect(doc.paths["/api/public/{handle}/{slug}"]!.get!.security).toEqual([]);
    expect(doc.paths["/api/webhooks/{id}"]!.get!.responses["429"]).toBeDefined();
  });

  it("drives the API through a client that only knows the document", async () => {
    const f = await ownerFixture({ env: { ALLOW_PRIVATE_TARGETS: "1" } });
    const call = clientFor(await documentOf(f), async (path, init) => f.app.request(path, init), f.key);
    const created = await call("createWebhook", {
      body: { url: "http://127.0.0.1:9/hook", events: ["booking.created", "invoice.paid"] },
    });
    expect(created.status).toBe(201);
    const endpoint = endpointResponse.parse(await created.json());
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = await call("listWebhooks", { query: { event: "invoice.paid", limit: "10" } });
    const page = (await listed.json()) as { items: unknown[]; nextCursor: string | null };
    expect(page.items.map((i) => endpointResponse.parse(i).id)).toEqual([endpoint.id]);
    expect(page.nextCursor).toBeNull();
    const none = await call("listWebhooks", { query: { event: "booking.cancelled" } });
    expect(((await none.json()) as { items: unknown[] }).items).toEqual([]);
    const got = await call("getWebhook", { path: { id: endpoint.id } });
    expect(endpointResponse.parse(await got.json()).secret).toBeUndefined();
    const me = await call("getMe");
    expect(((await me.json()) as { handle: string }).handle).toBe("jean");
    await expect(call("listWebhooks", { query: { nope: "1" } })).rejects.toThrow(/not a parameter/);
  });
});

describe("API documentation page", () => {
  it("serves Swagger UI and its assets from our origin, with scripts from 'self' only", async () => {
    const f = await ownerFixture();
    const page = await f.app.request("/api/docs");
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe|https?:)/);
    const html = await page.text();
    expect(html).not.toMatch(/<script>(?!<)/);
    for (const [asset, hash] of [
      ["swagger-ui-bundle.js", "gjRm0bEPMeTmMh5jT2cHccIwCUZSTd8YC+j0d0sXw0MdGEfScduGpSyF3ZSSLkX9"],
      ["swagger-ui.css", "WlYgdmXYOOBWL5apwjDEZwN+U3HmXSSu5R6V5aGxEcf7z+KuRNwBhoxKVN1i3D5I"],
    ] as const) {
      expect(html).toContain(`/api/docs/assets/${asset}`);
      const gz = await f.app.request(`/api/docs/assets/${asset}`, {
        headers: { "accept-encoding": "gzip, br" },
      });
      expect(gz.headers.get("content-encoding")).toBe("gzip");
      const bytes = gunzipSync(Buffer.from(await gz.arrayBuffer()));
      expect(createHash("sha384").update(bytes).digest("base64"), asset).toBe(hash);
      const plain = await f.app.request(`/api/docs/assets/${asset}`);
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(Buffer.from(await plain.arrayBuffer()).equals(bytes)).toBe(true);
    }
    const init = await f.app.request("/api/docs/assets/init.js");
    expect(await init.text()).toContain('url: "/api/openapi.json"');
    expect((await f.app.request("/api/docs/assets/other.js")).status).toBe(404);
  });
});

describe("documented public responses", () => {
  it("match what the public booking API answers (API.md's contract)", async () => {
    const f = await ownerFixture({ now: "2027-03-26T09:00:00Z" });
    expect((await f.api("/api/event-types", { body: DISCOVERY })).status).toBe(201);
    const call = clientFor(await documentOf(f), async (path, init) => f.app.request(path, init), f.key);
    publicEventTypeResponse.parse(
      await (await call("getPublicEventType", { path: { handle: "jean", slug: "discovery" } })).json(),
    );
    const slots = slotsResponse.parse(
      await (
        await call("listSlots", {
          path: { handle: "jean", slug: "discovery" },
          query: { from: "2027-03-29", to: "2027-03-29", timeZone: "Europe/Paris" },
        })
      ).json(),
    );
    const start = slots.slots["2027-03-29"]![0]!.start;
    const booked = await call("createBooking", {
      path: { handle: "jean", slug: "discovery" },
      body: {
        start,
        timeZone: "Europe/Paris",
        name: "Alice",
        email: "alice@example.org",
        answers: GOOD_ANSWERS,
      },
    });
    expect(booked.status).toBe(201);
    const { booking } = bookingCreatedResponse.parse(await booked.json());
    const token = booking.manageUrl.split("/").pop()!;
    managedBookingResponse.parse(await (await call("getManagedBooking", { path: { token } })).json());
    cancelledResponse.parse(await (await call("cancelManagedBooking", { path: { token }, body: {} })).json());
  });
});
