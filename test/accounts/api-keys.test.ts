import { describe, expect, it } from "vitest";
import { createApiKey } from "../../src/accounts/api-keys.ts";
import { apiKeys, owners } from "../../src/platform/db/schema.ts";
import { BrowserSession, OWNER, setUpOwner } from "../helpers/browser-session.ts";
import { createTestApp } from "../helpers/test-app.ts";

async function ownerApp() {
  const t = createTestApp();
  const browser = new BrowserSession(t);
  await setUpOwner(browser);
  const owner = (await t.deps.database.db.select().from(owners).get())!;
  return { t, browser, owner };
}

describe("API keys", () => {
  it("are shown once, stored hashed, and authenticate /api calls", async () => {
    const { t, browser } = await ownerApp();
    const page = await browser.post(
      "/dashboard/api-keys",
      { name: "n8n", scopes: "read,write" },
      { csrfFrom: "/dashboard/api-keys" },
    );
    expect(page.status).toBe(201);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const key = String(/<code>(crn_[^<]+)<\/code>/.exec(await page.text())?.[1]);
    const stored = await t.deps.database.db.select().from(apiKeys).get();
    expect(stored?.keyHash).not.toContain(key);
    expect(JSON.stringify(stored)).not.toContain(key);
    const me = await t.app.request("/api/me", { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ handle: OWNER.handle });
    const list = await (await browser.get("/dashboard/api-keys")).text();
    expect(list).not.toContain(key);
    expect(list).toContain(key.slice(0, 10));
  });

  it("record when they were last used", async () => {
    const { t, owner } = await ownerApp();
    const { key } = await createApiKey(t.deps, owner.id, "script");
    await t.app.request("/api/me", { headers: { authorization: `Bearer ${key}` } });
    expect((await t.deps.database.db.select().from(apiKeys).get())?.lastUsedAt).toBe(t.clock.now());
  });

  it("stop working once revoked", async () => {
    const { t, browser, owner } = await ownerApp();
    const { id, key } = await createApiKey(t.deps, owner.id, "old");
    const revoked = await browser.post(
      `/dashboard/api-keys/${id}/revoke`,
      {},
      { csrfFrom: "/dashboard/api-keys" },
    );
    expect(revoked.status).toBe(303);
    const response = await t.app.request("/api/me", { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(401);
  });

  it("cannot be revoked by another owner", async () => {
    const { t, owner } = await ownerApp();
    const { id } = await createApiKey(t.deps, owner.id, "mine");
    await t.deps.database.db
      .insert(owners)
      .values({ ...owner, id: "other", handle: "other", email: "other@example.com" });
    const other = await t.deps.database.db.select().from(owners).all();
    expect(other).toHaveLength(2);
    const { revokeApiKey } = await import("../../src/accounts/store.ts");
    expect(await revokeApiKey(t.deps.database, "other", id, t.clock.now())).toBe(false);
  });

  it("answer 401 problems for missing, malformed and unknown keys", async () => {
    const { t } = await ownerApp();
    for (const authorization of [undefined, "Basic abc", "Bearer ", "Bearer crn_unknown_key_value"]) {
      const response = await t.app.request("/api/me", { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ type: "/problems/unauthorized", status: 401 });
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it("with only the read scope cannot write", async () => {
    const { t, owner } = await ownerApp();
    const { key } = await createApiKey(t.deps, owner.id, "reporting", ["read"]);
    expect((await t.app.request("/api/me", { headers: { authorization: `Bearer ${key}` } })).status).toBe(
      200,
    );
    const write = await t.app.request("/api/outbox", {
      method: "POST",
      headers: { authorization: `Bearer ${key}` },
    });
    expect(write.status).toBe(403);
  });
});
