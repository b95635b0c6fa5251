// The same app inside workerd over D1: health, first-run setup, login, an API-key call.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

const BASE = "http://creneau.test";

function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function csrf(path: string, cookie = ""): Promise<{ token: string; cookie: string }> {
  const response = await SELF.fetch(`${BASE}${path}`, { headers: cookie ? { cookie } : {} });
  const html = await response.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error(`no csrf token on ${path}: ${response.status}`);
  return { token, cookie: [cookie, cookiesFrom(response)].filter(Boolean).join("; ") };
}

describe("Créneau in workerd with D1", () => {
  it("answers /healthz after checking the database", async () => {
    const response = await SELF.fetch(`${BASE}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("sets up the owner, signs in, creates an API key and calls the API with it", async () => {
    const first = await SELF.fetch(`${BASE}/`, { redirect: "manual" });
    expect(first.headers.get("location")).toBe("/setup");

    const setup = await csrf("/setup");
    const created = await SELF.fetch(`${BASE}/setup`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: setup.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        _csrf: setup.token,
        name: "Léa Martin",
        email: "lea@example.com",
        handle: "lea",
        timeZone: "Europe/Paris",
        locale: "fr",
        password: "a long enough password",
        passwordConfirm: "a long enough password",
      }),
    });
    expect(created.status).toBe(303);
    expect(created.headers.get("location")).toBe("/dashboard");

    const again = await SELF.fetch(`${BASE}/setup`);
    expect(again.status).toBe(404);

    const login = await csrf("/login");
    const signedIn = await SELF.fetch(`${BASE}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: login.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        _csrf: login.token,
        email: "lea@example.com",
        password: "a long enough password",
      }),
    });
    expect(signedIn.status).toBe(303);
    const session = [login.cookie, cookiesFrom(signedIn)].join("; ");
    const dashboard = await SELF.fetch(`${BASE}/dashboard`, { headers: { cookie: session } });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain("Bonjour Léa Martin");

    const keys = await csrf("/dashboard/api-keys", session);
    const keyPage = await SELF.fetch(`${BASE}/dashboard/api-keys`, {
      method: "POST",
      headers: { cookie: keys.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: keys.token, name: "zapier", scopes: "read,write" }),
    });
    expect(keyPage.status).toBe(201);
    const key = /<code>(crn_[^<]+)<\/code>/.exec(await keyPage.text())?.[1];
    expect(key).toBeTruthy();

    const me = await SELF.fetch(`${BASE}/api/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ handle: "lea", email: "lea@example.com" });

    const bad = await SELF.fetch(`${BASE}/api/me`, {
      headers: { authorization: "Bearer crn_not_a_real_key" },
    });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
  });
});
