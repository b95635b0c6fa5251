// API keys: scopes decide what a key may do; each key has its own rate limit (429 with Retry-After), counted in
// the database so every process shares it.
import { describe, expect, it } from "vitest";
import { createApiKey } from "../../src/accounts/api-keys.ts";
import { API_KEY_RATE } from "../../src/accounts/api-rate-limit.ts";
import { ownerFixture } from "../helpers/owner-fixture.ts";

describe("API key scopes", () => {
  it("a read key reads but cannot write; a revoked key is refused", async () => {
    const f = await ownerFixture({ env: { ALLOW_PRIVATE_TARGETS: "1" } });
    const { key: readKey } = await createApiKey(f.deps, f.owner.id, "reader", ["read"]);
    const as =
      (key: string, init: RequestInit = {}) =>
      (path: string) =>
        f.app.request(path, {
          ...init,
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        });
    expect((await as(readKey)("/api/webhooks")).status).toBe(200);
    const body = JSON.stringify({ url: "http://127.0.0.1:9/h", events: ["lead.created"] });
    const denied = await as(readKey, { method: "POST", body })("/api/webhooks");
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { detail: string }).detail).toMatch(/'write' scope/);
    expect((await as(f.key, { method: "POST", body })("/api/webhooks")).status).toBe(201);
    expect((await as("crn_unknownkey0123456789")("/api/webhooks")).status).toBe(401);
  });
});

describe("API key rate limit", () => {
  it("answers 429 with Retry-After past the limit, per key, and lets the key in again after the window", async () => {
    const f = await ownerFixture();
    const { key: other } = await createApiKey(f.deps, f.owner.id, "other");
    const get = (key: string) => f.app.request("/api/me", { headers: { authorization: `Bearer ${key}` } });
    let last: Response | undefined;
    for (let i = 0; i < API_KEY_RATE.limit; i++) {
      last = await get(f.key);
      expect(last.status).toBe(200);
    }
    expect(last!.headers.get("ratelimit-remaining")).toBe("0");
    f.clock.advance(20_000);
    const refused = await get(f.key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("40");
    expect(refused.headers.get("content-type")).toMatch(/problem\+json/);
    // Another key of the same owner has its own budget.
    expect((await get(other)).status).toBe(200);
    f.clock.advance(40_000);
    const again = await get(f.key);
    expect(again.status).toBe(200);
    expect(again.headers.get("ratelimit-remaining")).toBe(String(API_KEY_RATE.limit - 1));
  });

  it("does not apply to the public booking API or the API description", async () => {
    const f = await ownerFixture();
    const r = await f.app.request("/api/openapi.json");
    expect(r.headers.get("ratelimit-limit")).toBeNull();
    const pub = await f.app.request("/api/public/jean/premier-echange");
    expect(pub.headers.get("ratelimit-limit")).toBeNull();
  });
});
