// The response schemas of the OpenAPI document are the truth: one owner goes through every documented
// operation, in-process, through a client that only knows the served document and checks each answer against
// it (status documented, media type declared, JSON body valid for that status's schema). Every documented
// success answer must be met, and error answers (401, 403, 404, 400, 415, 422, 409) must match too.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/accounts/api-keys.ts";
import { workflowRuns } from "../../src/platform/db/schema.ts";
import { type OwnerFixture, ownerFixture } from "../helpers/owner-fixture.ts";
import { type IcsServer, startIcsServer } from "../peers/ics-server.ts";
import { type Receiver, startReceiver } from "../webhooks/receiver.ts";
import {
  type Answer,
  type CallArgs,
  conformanceClient,
  type Doc,
  operationsOf,
  resolveResponse,
} from "./openapi-conformance.ts";
import { ownerScenario } from "./openapi-scenario.ts";

let receiver: Receiver;
let ics: IcsServer;
let f: OwnerFixture;
let doc: Doc;

beforeAll(async () => {
  ics = await startIcsServer();
  f = await ownerFixture({ now: "2027-04-02T09:00:00Z", env: { ALLOW_PRIVATE_TARGETS: "1" } });
  receiver = await startReceiver(() => f.clock.now());
  doc = (await (await f.app.request("/api/openapi.json")).json()) as Doc;
});
afterAll(async () => {
  await receiver?.close();
  await ics?.close();
});

const CONFLICTS_MET_ELSEWHERE = new Set([
  "cancelManagedBooking",
  "syncCalendar",
  "createWebhook",
  "resendUnsentOutbox",
]);

const send = async (path: string, init: RequestInit) => f.app.request(path, init);

describe("documented responses", () => {
  it("declare a schema for every JSON answer and a media type for every download", () => {
    for (const [id, { op }] of operationsOf(doc)) {
      const successes = Object.keys(op.responses).filter((s) => s.startsWith("2"));
      expect(successes.length, id).toBeGreaterThan(0);
      for (const status of successes) {
        const content = resolveResponse(doc, op.responses[status]!).content;
        if (status === "204") {
          expect(content, `${id} 204`).toBeUndefined();
          continue;
        }
        expect(content, `${id} ${status} has no content`).toBeDefined();
        for (const [type, { schema }] of Object.entries(content!)) {
          if (type !== "application/json") continue;
          // A real shape: named properties (or a page of them), never "any object".
          const described = JSON.stringify(schema);
          expect(described, `${id} ${status}`).toMatch(/"properties":\{"/);
        }
      }
      for (const [status, response] of Object.entries(op.responses).filter(([s]) => /^[45]/.test(s)))
        expect(Object.keys(resolveResponse(doc, response).content ?? {}), `${id} ${status}`).toEqual([
          "application/problem+json",
        ]);
    }
  });

  it("match every answer of a tour of the whole API, and every documented success is met", async () => {
    const client = conformanceClient(doc, send, f.key);
    await ownerScenario({ f, call: client.call, receiver, ics, setRunStatus });
    const missing: string[] = [];
    for (const [id, { op }] of client.operations)
      for (const status of Object.keys(op.responses).filter((s) => s.startsWith("2")))
        if (!client.seen.get(id)?.has(Number(status))) missing.push(`${id} ${status}`);
    expect(missing).toEqual([]);
    // A documented conflict is one the code can answer: each is met, but those that need a race, a clock
    // past the notice, the endpoint cap or no mail transport (met by their own suites).
    const unmet = [...client.operations]
      .flatMap(([id, { op }]) => ("409" in op.responses && !client.seen.get(id)?.has(409) ? [id] : []))
      .filter((id) => !CONFLICTS_MET_ELSEWHERE.has(id));
    expect(unmet).toEqual([]);
  });

  it("match the error answers of every operation (no key, read-only key, unknown ids, bad bodies)", async () => {
    const client = conformanceClient(doc, send, f.key);
    const readOnly = (await createApiKey(f.deps, f.owner.id, "read only", ["read"])).key;
    const statuses = new Map<string, number>();
    const probe = async (id: string, kind: string, args: CallArgs) => {
      const answer: Answer = await client.call(id, args);
      statuses.set(`${id} ${kind}`, answer.status);
      return answer;
    };
    for (const [id, { method, path, op }] of client.operations) {
      const unknown = Object.fromEntries(
        [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, name === "month" ? "2027-03" : "nope"]),
      );
      const base = { path: unknown };
      if (op.security?.length !== 0) {
        expect((await probe(id, "no key", { ...base, key: null })).status, id).toBe(401);
        if (method !== "get")
          expect((await probe(id, "read-only", { ...base, key: readOnly })).status, id).toBe(403);
      }
      const needsQuery = op.parameters?.some((p) => p.in === "query" && p.required);
      // Without a body to read first, an unknown id is a 404; with one, what comes first may differ.
      if (path.includes("{") && !needsQuery && !op.requestBody)
        expect((await probe(id, "unknown", base)).status, id).toBe(404);
      if (path.includes("{") && op.requestBody) await probe(id, "unknown", { ...base, body: {} });
      if (op.requestBody) {
        await probe(id, "not json", { ...base, raw: { contentType: "text/plain", text: "hello" } });
        await probe(id, "broken json", { ...base, raw: { contentType: "application/json", text: "{" } });
      }
    }
    // Bodies reach validation on routes without an id to look up first.
    for (const id of ["createEventType", "createLead", "createClient", "createMission", "createInvoice"]) {
      expect((await probe(id, "not json", { raw: { contentType: "text/plain", text: "x" } })).status).toBe(
        415,
      );
      expect(
        (await probe(id, "broken", { raw: { contentType: "application/json", text: "{" } })).status,
      ).toBe(400);
      expect((await probe(id, "invalid", { body: { name: 42, slug: "Ω" } })).status).toBe(422);
    }
    expect(statuses.size).toBeGreaterThan(200);
  });

  it("catch a body that strays from its schema", async () => {
    const strict = structuredClone(doc);
    const meSchema = strict.paths["/api/me"]!.get!.responses["200"] as unknown as {
      content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }>;
    };
    const schema = meSchema.content["application/json"]!.schema;
    delete schema.properties.handle;
    schema.required = schema.required.filter((p) => p !== "handle");
    const client = conformanceClient(strict, send, f.key);
    await expect(client.call("getMe")).rejects.toThrow(/must NOT have additional properties/);
    const fine = conformanceClient(doc, send, f.key);
    expect((await fine.call("getMe")).body).toMatchObject({ handle: "jean" });
  });
});

async function setRunStatus(id: string, status: "failed" | "waiting") {
  await f.deps.database.db
    .update(workflowRuns)
    .set(status === "failed" ? { status, lastError: "SMTP <down>", wakeAt: null } : { status })
    .where(eq(workflowRuns.id, id));
}
