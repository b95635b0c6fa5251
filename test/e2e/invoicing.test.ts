// The invoicing chain as people meet it, in Chromium against a real server process: the owner records a
// mission and a month's days, sends them; the client approves from the emailed link; the owner issues the
// invoice and records the payment. Every page passes axe and is saved as a screenshot.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { Temporal } from "temporal-polyfill";
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
import { cleanEnv } from "../helpers/env.ts";
import { type ServerProcess, startServer } from "../helpers/server-process.ts";
import { BUSINESS, CLIENT } from "../invoicing/api-fixture.ts";

const exec = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, "../../src/cli.ts");
const OWNER = {
  name: "Camille Martin",
  email: "camille@example.com",
  password: "a long and happy passphrase",
};

let browser: Browser;
let server: ServerProcess;
let key: string;
let owner: Page;

async function cli(...args: string[]): Promise<string> {
  const { stdout } = await exec(process.execPath, [CLI, ...args], {
    env: { ...cleanEnv(), DATA_DIR: server.dataDir, BASE_URL: server.baseUrl, LOG_LEVEL: "warn" },
  });
  return stdout.trim();
}

async function api<T>(route: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${server.baseUrl}${route}`, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: { authorization: `Bearer ${key}`, ...(init.body ? { "content-type": "application/json" } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  expect(response.ok, `${route}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

async function heading(page: Page): Promise<string> {
  return ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").replace(/\s+/g, " ").trim();
}

async function check(page: Page, name: string, mobile = false): Promise<void> {
  await checkA11y(page, name);
  if (mobile) expect(await horizontalOverflow(page), name).toEqual([]);
  await screenshot(page, `invoicing-${name}`);
}

// The server runs on the real clock: the month reported is last month, in Paris.
const today = Temporal.Now.plainDateISO("Europe/Paris");
const month = today.toPlainYearMonth().subtract({ months: 1 });
const monthStart = month.toPlainDate({ day: 1 }).toString();

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer();
  await cli(
    "init",
    "--handle",
    "camille",
    "--name",
    OWNER.name,
    "--email",
    OWNER.email,
    "--password",
    OWNER.password,
    "--timezone",
    "Europe/Paris",
  );
  key = await cli("api-key", "create", "--name", "e2e");
  await api("/api/settings/business", { method: "PUT", body: BUSINESS });
  await api("/api/clients", { body: CLIENT });
});

afterAll(async () => {
  await owner?.context().close();
  await browser?.close();
  await server?.stop();
});

describe("mission → activity report → client approval → invoice → payment", () => {
  it("creates a mission from the dashboard", async () => {
    owner = await newPage(browser, { viewport: DESKTOP });
    await owner.goto(`${server.baseUrl}/login`);
    await owner.getByLabel("E-mail", { exact: true }).fill(OWNER.email);
    await owner.getByLabel("Mot de passe", { exact: true }).fill(OWNER.password);
    await Promise.all([
      owner.waitForURL("**/dashboard"),
      owner.getByRole("button", { name: "Se connecter" }).click(),
    ]);

    await owner.getByRole("navigation").getByRole("link", { name: "Missions" }).click();
    await owner.waitForURL("**/dashboard/missions");
    expect(await heading(owner)).toBe("Missions");
    await owner.getByLabel("Intitulé").fill("Refonte de l'API <facturation>");
    await owner.getByLabel("Taux journalier HT (€)").fill("650");
    await owner.getByLabel("Début", { exact: true }).fill(monthStart);
    await owner.getByLabel("Origine").selectOption("malt");
    await check(owner, "1-missions");
    await Promise.all([
      owner.waitForURL("**/dashboard/missions/*"),
      owner.getByRole("button", { name: "Créer" }).click(),
    ]);
    expect(await heading(owner)).toBe("Refonte de l'API <facturation>");
  });

  it("fills last month's days from the prefilled grid and sends them to the client", async () => {
    await owner
      .getByRole("link", { name: new RegExp(`^\\p{L}+ ${month.year}$`, "u") })
      .last()
      .click();
    const checked = owner.locator('input[type=radio][value="1"]:checked');
    const prefilled = await checked.count();
    expect(prefilled).toBeGreaterThan(15);
    // The first worked day becomes a half day.
    const firstDay = (await checked.first().getAttribute("name"))!.slice(2);
    await owner.locator(`input[name="d-${firstDay}"][value="0.5"]`).check();
    await check(owner, "2-mission-days");
    await owner.setViewportSize(MOBILE);
    await check(owner, "3-mission-days-mobile", true);
    await owner.setViewportSize(DESKTOP);

    await Promise.all([
      owner.waitForURL("**done=sent**"),
      owner.getByRole("button", { name: "Enregistrer et envoyer au client" }).click(),
    ]);
    await expect(owner.getByRole("status").first().textContent()).resolves.toContain(CLIENT.billingEmail);
    await check(owner, "4-report-sent");
  });

  it("lets the client approve from the emailed link, on a phone", async () => {
    const outbox = await api<{ items: { id: string; to: { address: string }[]; why: string }[] }>(
      "/api/outbox",
    );
    const sent = outbox.items.find((m) => m.why === "activity-report.submit")!;
    expect(sent.to[0]!.address).toBe(CLIENT.billingEmail);
    const { text } = await api<{ text: string }>(`/api/outbox/${sent.id}`);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/r\/[\w.-]+)/.exec(text)![1]!;

    const client = await newPage(browser, { viewport: MOBILE });
    await client.goto(link);
    expect(await heading(client)).toMatch(/^Activité de /);
    await check(client, "5-client-review-mobile", true);
    await client.getByRole("button", { name: "Valider" }).click();
    await expect(client.getByRole("status").textContent()).resolves.toContain("Vous avez validé");
    await check(client, "6-client-approved-mobile", true);
    await client.context().close();
  });

  it("issues the drafted invoice and records its payment", async () => {
    await owner.getByRole("navigation").getByRole("link", { name: "Factures" }).click();
    await owner.waitForURL("**/dashboard/invoices");
    await expect(owner.locator("tbody tr").count()).resolves.toBe(1);
    await expect(owner.locator("tbody .badge").textContent()).resolves.toBe("brouillon");
    await check(owner, "7-invoices-draft");
    await owner.locator("tbody").getByRole("link", { name: "brouillon", exact: true }).click();
    expect(await heading(owner)).toContain("Brouillon de facture");
    await check(owner, "8-invoice-draft");

    await Promise.all([
      owner.waitForURL("**done=issued"),
      owner.getByRole("button", { name: "Émettre la facture" }).click(),
    ]);
    const number = `F-${today.year}-0001`;
    expect(await heading(owner)).toContain(`Facture ${number}`);
    await check(owner, "9-invoice-issued");

    const invoiceId = new URL(owner.url()).pathname.split("/").pop()!;
    const invoice = await api<{ totals: { grossCents: number } }>(`/api/invoices/${invoiceId}`);
    const gross = invoice.totals.grossCents;
    await owner
      .getByLabel("Montant reçu (€)")
      .fill(`${Math.trunc(gross / 100)},${String(gross % 100).padStart(2, "0")}`);
    await owner.getByLabel("Moyen (virement, chèque…)").fill("virement");
    await Promise.all([
      owner.waitForURL("**done=payment"),
      owner.getByRole("button", { name: "Enregistrer le paiement" }).click(),
    ]);
    await expect(owner.locator("h1 .badge").textContent()).resolves.toBe("payée");
    await check(owner, "10-invoice-paid");
    await owner.setViewportSize(MOBILE);
    await check(owner, "11-invoice-paid-mobile", true);
    await owner.setViewportSize(DESKTOP);

    const pdf = await fetch(`${server.baseUrl}/api/invoices/${invoiceId}/pdf`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const list = await api<{ items: { paymentStatus: string; number: string }[] }>("/api/invoices");
    expect(list.items).toEqual([expect.objectContaining({ number, paymentStatus: "paid" })]);
  });

  it("shows the billing identity form", async () => {
    await owner.goto(`${server.baseUrl}/dashboard/settings/business`);
    expect(await heading(owner)).toBe("Identité de facturation");
    await check(owner, "12-business-settings");
  });
});
