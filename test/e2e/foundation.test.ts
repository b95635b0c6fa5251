// The foundation as a person meets it, in Chromium against a real server process, in French and in English:
// first-run setup, sign out and in, API keys, the outbox. Every page passes axe and is saved as a screenshot.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkA11y,
  DESKTOP,
  horizontalOverflow,
  launchBrowser,
  MOBILE,
  newPage,
  screenshot,
} from "../helpers/browser.ts";
import { type ServerProcess, startServer } from "../helpers/server-process.ts";

interface Journey {
  lang: "fr" | "en";
  browserLocale: string;
  timezoneId: string;
  owner: { name: string; email: string; handle: string; timeZone: string; password: string };
  labels: {
    name: string;
    email: string;
    handle: string;
    timeZone: string;
    locale: string;
    password: string;
    passwordConfirm: string;
    keyName: string;
  };
  text: {
    setup: string;
    hello: string;
    login: string;
    loginButton: string;
    logout: string;
    loginFailed: string;
    apiKeysNav: string;
    apiKeys: string;
    createKey: string;
    scopeReadWrite: string;
    newKeyShown: string;
    outboxNav: string;
    outbox: string;
  };
}

const JOURNEYS: Journey[] = [
  {
    lang: "fr",
    browserLocale: "fr-FR",
    timezoneId: "Europe/Paris",
    owner: {
      name: "Jean Dupont",
      email: "jean@example.com",
      handle: "jean",
      timeZone: "Europe/Paris",
      password: "correct horse battery staple",
    },
    labels: {
      name: "Votre nom",
      email: "E-mail",
      handle: "Identifiant public",
      timeZone: "Fuseau horaire",
      locale: "Langue",
      password: "Mot de passe",
      passwordConfirm: "Confirmez le mot de passe",
      keyName: "Nom de la clé",
    },
    text: {
      setup: "Bienvenue sur Créneau",
      hello: "Bonjour Jean Dupont",
      login: "Connexion",
      loginButton: "Se connecter",
      logout: "Se déconnecter",
      loginFailed: "E-mail ou mot de passe incorrect.",
      apiKeysNav: "Clés d'API",
      apiKeys: "Clés d'API",
      createKey: "Créer une clé",
      scopeReadWrite: "Lecture et écriture",
      newKeyShown: "Copiez cette clé maintenant",
      outboxNav: "E-mails envoyés",
      outbox: "E-mails envoyés",
    },
  },
  {
    lang: "en",
    browserLocale: "en-US",
    timezoneId: "America/New_York",
    owner: {
      name: "Jane Doe",
      email: "jane@example.com",
      handle: "jane",
      timeZone: "America/New_York",
      password: "a long and happy passphrase",
    },
    labels: {
      name: "Your name",
      email: "Email",
      handle: "Public handle",
      timeZone: "Time zone",
      locale: "Language",
      password: "Password",
      passwordConfirm: "Confirm the password",
      keyName: "Key name",
    },
    text: {
      setup: "Welcome to Créneau",
      hello: "Hello Jane Doe",
      login: "Sign in",
      loginButton: "Sign in",
      logout: "Sign out",
      loginFailed: "Wrong email or password.",
      apiKeysNav: "API keys",
      apiKeys: "API keys",
      createKey: "Create key",
      scopeReadWrite: "Read and write",
      newKeyShown: "Copy this key now",
      outboxNav: "Sent emails",
      outbox: "Sent emails",
    },
  },
];

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function heading(page: Page): Promise<string> {
  return ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim();
}

async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || "");
}

describe.each(JOURNEYS)("foundation in a $browserLocale browser", (journey) => {
  const { labels, text, owner, lang } = journey;
  let server: ServerProcess;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await page?.context().close();
    await server?.stop();
  });

  it("sends the first visit to setup, and the keyboard-driven form creates the owner", async () => {
    page = await newPage(browser, {
      locale: journey.browserLocale,
      timezoneId: journey.timezoneId,
      viewport: MOBILE,
    });
    await page.goto(`${server.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe("/setup");
    expect(await heading(page)).toBe(text.setup);
    expect(await page.locator("html").getAttribute("lang")).toBe(lang);
    await checkA11y(page, `${lang} setup (mobile)`);
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, `${lang}-1-setup-mobile`);

    // Each field is found by its label, and Tab walks them in reading order.
    const order = [
      ["f-name", labels.name],
      ["f-email", labels.email],
      ["f-handle", labels.handle],
      ["f-timeZone", labels.timeZone],
      ["f-locale", labels.locale],
      ["f-password", labels.password],
      ["f-passwordConfirm", labels.passwordConfirm],
    ] as const;
    await page.getByLabel(labels.name, { exact: true }).focus();
    for (const [id, label] of order) {
      expect(await focusedId(page)).toBe(id);
      expect(await page.getByLabel(label, { exact: true }).getAttribute("id")).toBe(id);
      await page.keyboard.press("Tab");
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("submit");

    await page.getByLabel(labels.name, { exact: true }).fill(owner.name);
    await page.getByLabel(labels.email, { exact: true }).fill(owner.email);
    await page.getByLabel(labels.handle, { exact: true }).fill(owner.handle);
    await page.getByLabel(labels.timeZone, { exact: true }).selectOption(owner.timeZone);
    // The language select starts on the browser's language.
    expect(await page.getByLabel(labels.locale, { exact: true }).inputValue()).toBe(lang);
    await page.getByLabel(labels.password, { exact: true }).fill(owner.password);
    const confirm = page.getByLabel(labels.passwordConfirm, { exact: true });
    await confirm.fill(owner.password);
    await Promise.all([page.waitForURL("**/dashboard"), confirm.press("Enter")]);

    expect(await heading(page)).toBe(text.hello);
    await expect(page.getByRole("link", { name: `${server.baseUrl}/${owner.handle}` }).count()).resolves.toBe(
      1,
    );
    await checkA11y(page, `${lang} dashboard (mobile)`);
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, `${lang}-2-dashboard-mobile`);
  });

  it("signs out, refuses a wrong password with a message, and signs in again", async () => {
    await Promise.all([page.waitForURL("**/login"), page.getByRole("button", { name: text.logout }).click()]);
    await page.context().close();
    page = await newPage(browser, {
      locale: journey.browserLocale,
      timezoneId: journey.timezoneId,
      viewport: DESKTOP,
    });
    // Signed out for real: the dashboard sends us back to the sign-in page.
    await page.goto(`${server.baseUrl}/dashboard`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await heading(page)).toBe(text.login);
    await checkA11y(page, `${lang} login`);
    await screenshot(page, `${lang}-3-login`);

    await page.getByLabel(labels.email, { exact: true }).fill(owner.email);
    await page.getByLabel(labels.password, { exact: true }).fill("not the password at all");
    await page.getByRole("button", { name: text.loginButton }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBe(text.loginFailed);
    expect(new URL(page.url()).pathname).toBe("/login");
    // The email stays typed, so only the password needs retyping.
    expect(await page.getByLabel(labels.email, { exact: true }).inputValue()).toBe(owner.email);
    await checkA11y(page, `${lang} login with error`);
    await screenshot(page, `${lang}-4-login-error`);

    await page.getByLabel(labels.password, { exact: true }).fill(owner.password);
    await Promise.all([
      page.waitForURL("**/dashboard"),
      page.getByRole("button", { name: text.loginButton }).click(),
    ]);
    expect(await heading(page)).toBe(text.hello);
    await checkA11y(page, `${lang} dashboard`);
    await screenshot(page, `${lang}-5-dashboard`);
  });

  it("creates an API key that is shown once and opens the API", async () => {
    await page.getByRole("navigation").getByRole("link", { name: text.apiKeysNav }).click();
    await page.waitForURL("**/dashboard/api-keys");
    expect(await heading(page)).toBe(text.apiKeys);
    await checkA11y(page, `${lang} API keys (empty)`);

    await page.getByLabel(labels.keyName, { exact: true }).fill("zapier");
    await page.getByRole("button", { name: text.createKey }).click();
    const secret = page.getByRole("status");
    await expect(secret.textContent()).resolves.toContain(text.newKeyShown);
    const key = ((await secret.locator("code").textContent()) ?? "").trim();
    expect(key).toMatch(/^crn_[\w-]{30,}$/);
    await checkA11y(page, `${lang} API keys (new key)`);
    await screenshot(page, `${lang}-6-api-key-created`);

    const me = await fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ handle: owner.handle });

    // Shown once: the list keeps the name and prefix, never the key itself.
    await page.goto(`${server.baseUrl}/dashboard/api-keys`);
    const html = await page.content();
    expect(html).toContain("zapier");
    expect(html).toContain(key.slice(0, 10));
    expect(html).not.toContain(key);
    expect(await page.getByRole("status").count()).toBe(0);
    await expect(page.getByRole("cell", { name: text.scopeReadWrite }).count()).resolves.toBe(1);
    await checkA11y(page, `${lang} API keys (list)`);
    await screenshot(page, `${lang}-7-api-keys`);

    // On a phone the table scrolls inside its frame; the page itself does not.
    await page.setViewportSize(MOBILE);
    await screenshot(page, `${lang}-7-api-keys-mobile`);
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.setViewportSize(DESKTOP);
  });

  it("shows the outbox page", async () => {
    await page.getByRole("navigation").getByRole("link", { name: text.outboxNav }).click();
    await page.waitForURL("**/dashboard/outbox");
    expect(await heading(page)).toBe(text.outbox);
    await checkA11y(page, `${lang} outbox`);
    await screenshot(page, `${lang}-8-outbox`);

    // The same page on a phone: the navigation and content must fit the width.
    await page.setViewportSize(MOBILE);
    await page.reload();
    expect(await horizontalOverflow(page)).toEqual([]);
    await checkA11y(page, `${lang} outbox (mobile)`);
    await screenshot(page, `${lang}-9-outbox-mobile`);
  });
});
