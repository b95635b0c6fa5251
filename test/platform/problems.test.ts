import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { createApiKey } from "../../src/accounts/api-keys.ts";
import { owners } from "../../src/platform/db/schema.ts";
import type { AppEnv } from "../../src/platform/http/context.ts";
import { respondWithError } from "../../src/platform/http/errors.ts";
import { limitBody, requestContext } from "../../src/platform/http/middleware.ts";
import { readJson } from "../../src/platform/http/request-body.ts";
import { BrowserSession, setUpOwner } from "../helpers/browser-session.ts";
import { createTestApp } from "../helpers/test-app.ts";

// A probe route mounted on an app with the production middleware and error handler.
function probeApp() {
  const t = createTestApp();
  const app = new Hono<AppEnv>();
  app.use("*", requestContext(t.deps));
  app.use("*", limitBody(1024));
  app.onError((e, c) => respondWithError(c, e));
  app.post("/api/probe", async (c) =>
    c.json(await readJson(c, z.object({ name: z.string().min(1), count: z.number().int() }))),
  );
  app.get("/api/boom", () => {
    throw new Error("secret internal detail at /home/app/src/x.ts:12");
  });
  return app;
}

async function problem(response: Response) {
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  return (await response.json()) as {
    type: string;
    title: string;
    status: number;
    errors?: { path: string; message: string }[];
    requestId?: string;
  };
}

describe("problem+json", () => {
  it("malformed JSON → 400", async () => {
    const r = await probeApp().request("/api/probe", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(r.status).toBe(400);
    expect((await problem(r)).type).toBe("/problems/bad_request");
  });

  it("wrong content type → 415", async () => {
    const r = await probeApp().request("/api/probe", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hi",
    });
    expect(r.status).toBe(415);
  });

  it("invalid fields → 422 with one error per path", async () => {
    const r = await probeApp().request("/api/probe", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "", count: 1.5 }),
    });
    expect(r.status).toBe(422);
    const body = await problem(r);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(["count", "name"]);
  });

  it("oversized body → 413", async () => {
    const r = await probeApp().request("/api/probe", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "5000" },
      body: JSON.stringify({ name: "x".repeat(5000), count: 1 }),
    });
    expect(r.status).toBe(413);
    expect((await problem(r)).type).toBe("/problems/payload_too_large");
  });

  it("a body of unknown size (streamed, no Content-Length) is counted as it comes: 413 past the limit", async () => {
    const streamed = (text: string) =>
      probeApp().request("/api/probe", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: new Blob([text]).stream(),
        duplex: "half",
      } as RequestInit);
    const over = await streamed(JSON.stringify({ name: "x".repeat(5000), count: 1 }));
    expect(over.status).toBe(413);
    expect((await problem(over)).type).toBe("/problems/payload_too_large");
    const within = await streamed(JSON.stringify({ name: "Ada", count: 2 }));
    expect(within.status).toBe(200);
    expect(await within.json()).toEqual({ name: "Ada", count: 2 });
  });

  it("an unexpected error → 500 without its message or stack, with the request id", async () => {
    const r = await probeApp().request("/api/boom", { headers: { "x-request-id": "req-1234567890" } });
    expect(r.status).toBe(500);
    const body = await problem(r);
    expect(JSON.stringify(body)).not.toContain("secret internal detail");
    expect(body.requestId).toBe("req-1234567890");
    expect(r.headers.get("x-request-id")).toBe("req-1234567890");
  });

  it("unknown route → 404 problem for the API, HTML page for people", async () => {
    const t = createTestApp();
    await setUpOwner(new BrowserSession(t));
    const owner = (await t.deps.database.db.select().from(owners).get())!;
    const { key } = await createApiKey(t.deps, owner.id, "k");
    const api = await t.app.request("/api/nowhere", { headers: { authorization: `Bearer ${key}` } });
    expect(api.status).toBe(404);
    expect((await problem(api)).status).toBe(404);
    const page = await t.app.request("/nowhere/at/all", { headers: { accept: "text/html" } });
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("Page introuvable");
  });

  it("sets security headers on every response", async () => {
    const r = await createTestApp().app.request("/healthz");
    expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(r.headers.get("referrer-policy")).toBe("same-origin");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("x-request-id")).toBeTruthy();
  });

  it("/healthz checks the database", async () => {
    const t = createTestApp();
    expect((await t.app.request("/healthz")).status).toBe(200);
    await t.deps.database.close();
    expect((await t.app.request("/healthz")).status).toBe(503);
  });
});
