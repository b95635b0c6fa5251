import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { owners, sessions } from "../../src/platform/db/schema.ts";
import { BrowserSession, OWNER, setUpOwner } from "../helpers/browser-session.ts";
import { createTestApp } from "../helpers/test-app.ts";

describe("first-run setup", () => {
  it("redirects the first visit to setup, creates the owner and signs them in", async () => {
    const t = createTestApp();
    const browser = new BrowserSession(t);
    const first = await browser.get("/");
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/setup");
    const created = await setUpOwner(browser);
    expect(created.status).toBe(303);
    expect(created.headers.get("location")).toBe("/dashboard");
    const dashboard = await browser.get("/dashboard");
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain("Bonjour Jean Dupont");
    const row = await t.deps.database.db.select().from(owners).get();
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    expect(row?.passwordHash).not.toContain(OWNER.password);
  });

  it("cannot be reached once an owner exists", async () => {
    const t = createTestApp();
    const browser = new BrowserSession(t);
    await setUpOwner(browser);
    expect((await new BrowserSession(t).get("/setup")).status).toBe(404);
    const token = await new BrowserSession(t).csrfFrom("/login");
    const other = new BrowserSession(t);
    const attempt = await other.post("/setup", {
      ...OWNER,
      handle: "other",
      email: "o@example.com",
      passwordConfirm: OWNER.password,
      _csrf: token,
    });
    expect([403, 404]).toContain(attempt.status);
    expect(await t.deps.database.db.select().from(owners).all()).toHaveLength(1);
  });

  it("shows each invalid field next to its input and keeps what was typed", async () => {
    const t = createTestApp();
    const browser = new BrowserSession(t);
    const response = await setUpOwner(browser, {
      email: "not-an-email",
      handle: "api",
      timeZone: "Mars/Olympus",
      password: "short",
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('id="f-email-error"');
    expect(html).toContain('id="f-handle-error"');
    expect(html).toContain('id="f-timeZone-error"');
    expect(html).toContain('id="f-password-error"');
    expect(html).toContain('value="Jean Dupont"');
    expect(await t.deps.database.db.select().from(owners).all()).toHaveLength(0);
  });

  it("escapes what people type", async () => {
    const t = createTestApp();
    const response = await setUpOwner(new BrowserSession(t), {
      name: '<script>alert("x")</script>',
      email: "bad",
    });
    const html = await response.text();
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;");
  });

  it("speaks English to an English browser", async () => {
    const t = createTestApp();
    const html = await (await new BrowserSession(t, "en-US,en;q=0.8").get("/setup")).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Welcome to Créneau");
  });
});

describe("sign in and out", () => {
  async function withOwner() {
    const t = createTestApp();
    await setUpOwner(new BrowserSession(t));
    return t;
  }

  it("signs in with the right password and out again", async () => {
    const t = await withOwner();
    const browser = new BrowserSession(t);
    const response = await browser.post(
      "/login",
      { email: "JEAN@example.com", password: OWNER.password, next: "/dashboard/api-keys" },
      { csrfFrom: "/login" },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/dashboard/api-keys");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("creneau_session="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await browser.get("/dashboard")).status).toBe(200);
    const out = await browser.post("/logout", {}, { csrfFrom: "/dashboard" });
    expect(out.status).toBe(303);
    const after = await browser.get("/dashboard");
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toBe("/login?next=%2Fdashboard");
  });

  it("refuses a wrong password or an unknown user with the same message", async () => {
    const t = await withOwner();
    const wrong = await new BrowserSession(t).post(
      "/login",
      { email: OWNER.email, password: "nope nope nope" },
      { csrfFrom: "/login" },
    );
    const unknown = await new BrowserSession(t).post(
      "/login",
      { email: "who@example.com", password: "nope nope nope" },
      { csrfFrom: "/login" },
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.text()).toContain("E-mail ou mot de passe incorrect.");
    expect(await unknown.text()).toContain("E-mail ou mot de passe incorrect.");
  });

  it("throttles repeated failures per email, then lets the owner in after the window", async () => {
    const t = await withOwner();
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await new BrowserSession(t).post(
            "/login",
            { email: OWNER.email, password: `wrong-${i}-password` },
            { csrfFrom: "/login" },
          )
        ).status,
      ).toBe(401);
    }
    const blocked = await new BrowserSession(t).post(
      "/login",
      { email: OWNER.email, password: OWNER.password },
      { csrfFrom: "/login" },
    );
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    t.clock.advance(16 * 60_000);
    const ok = await new BrowserSession(t).post(
      "/login",
      { email: OWNER.email, password: OWNER.password },
      { csrfFrom: "/login" },
    );
    expect(ok.status).toBe(303);
  });

  it("sends an expired session back to the login page", async () => {
    const t = await withOwner();
    const browser = new BrowserSession(t);
    await browser.post("/login", { email: OWNER.email, password: OWNER.password }, { csrfFrom: "/login" });
    t.clock.advance(31 * 24 * 3600_000);
    const response = await browser.get("/dashboard");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toContain("/login");
  });

  it("refuses a form without its CSRF token, and one from another site, writing nothing", async () => {
    const t = createTestApp();
    const browser = new BrowserSession(t);
    await browser.get("/setup");
    const missing = await browser.post("/setup", { ...OWNER, passwordConfirm: OWNER.password });
    expect(missing.status).toBe(403);
    const token = await browser.csrfFrom("/setup");
    const crossSite = await browser.post(
      "/setup",
      { ...OWNER, passwordConfirm: OWNER.password, _csrf: token },
      { headers: { origin: "https://evil.example" } },
    );
    expect(crossSite.status).toBe(403);
    const forged = await browser.post("/setup", {
      ...OWNER,
      passwordConfirm: OWNER.password,
      _csrf: "forged.token",
    });
    expect(forged.status).toBe(403);
    expect(await t.deps.database.db.select().from(owners).all()).toHaveLength(0);
  });

  it("changes the password and signs out the other sessions", async () => {
    const t = await withOwner();
    const here = new BrowserSession(t);
    const elsewhere = new BrowserSession(t);
    await here.post("/login", { email: OWNER.email, password: OWNER.password }, { csrfFrom: "/login" });
    await elsewhere.post("/login", { email: OWNER.email, password: OWNER.password }, { csrfFrom: "/login" });
    const wrong = await here.post(
      "/dashboard/settings/password",
      { currentPassword: "not it at all", newPassword: "a brand new password" },
      { csrfFrom: "/dashboard/settings" },
    );
    expect(wrong.status).toBe(422);
    const changed = await here.post(
      "/dashboard/settings/password",
      { currentPassword: OWNER.password, newPassword: "a brand new password" },
      { csrfFrom: "/dashboard/settings" },
    );
    expect(changed.status).toBe(303);
    expect((await here.get("/dashboard")).status).toBe(200);
    expect((await elsewhere.get("/dashboard")).status).toBe(303);
    const owner = await t.deps.database.db.select().from(owners).get();
    expect(
      await t.deps.database.db.select().from(sessions).where(eq(sessions.ownerId, owner!.id)).all(),
    ).toHaveLength(1);
    const relog = await new BrowserSession(t).post(
      "/login",
      { email: OWNER.email, password: "a brand new password" },
      { csrfFrom: "/login" },
    );
    expect(relog.status).toBe(303);
  });

  it("never redirects outside the site after login", async () => {
    const t = await withOwner();
    const response = await new BrowserSession(t).post(
      "/login",
      { email: OWNER.email, password: OWNER.password, next: "//evil.example/x" },
      { csrfFrom: "/login" },
    );
    expect(response.headers.get("location")).toBe("/dashboard");
  });
});
