// A prospect in New York with a French phone books the owner's default link, then cancels through the
// manage link from the confirmation email; the owner then looks at the dashboard pages. Real server process,
// Chromium, axe on every page, phone-size screenshots in test/e2e/screenshots/.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
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
import { cleanEnv } from "../helpers/env.ts";
import { type ServerProcess, startServer } from "../helpers/server-process.ts";

const CLI = path.resolve(import.meta.dirname, "../../src/cli.ts");
const OWNER = {
  handle: "jean",
  name: "Jean Dupont",
  email: "jean@example.com",
  password: "correct horse battery staple",
};
const PROSPECT = { name: "Alice Martin", email: "alice@example.org" };

let browser: Browser;
let server: ServerProcess;

beforeAll(async () => {
  server = await startServer();
  const init = spawnSync(
    process.execPath,
    [
      CLI,
      "init",
      "--handle",
      OWNER.handle,
      "--name",
      OWNER.name,
      "--email",
      OWNER.email,
      "--password",
      OWNER.password,
      "--timezone",
      "Europe/Paris",
    ],
    { env: { ...cleanEnv(), DATA_DIR: server.dataDir, BASE_URL: server.baseUrl }, encoding: "utf8" },
  );
  expect(init.status, init.stderr).toBe(0);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function check(page: Page, label: string, name: string): Promise<void> {
  await checkA11y(page, label);
  expect(await horizontalOverflow(page), label).toEqual([]);
  await screenshot(page, name);
}

/**
 * A link from an email written to DATA_DIR/outbox (no SMTP_URL in tests), e.g. the manage link. Booking emails
 * are delivered after the response, so the file may take a moment to appear (or be complete).
 */
async function linksFromEmail(to: string, pathPrefix: string, about = ""): Promise<string[]> {
  const dir = path.join(server.dataDir, "outbox");
  const deadline = Date.now() + 5_000;
  for (;;) {
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".eml")) : [];
    for (const file of files) {
      const mail = await simpleParser(readFileSync(path.join(dir, file)));
      const recipient = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      if (recipient?.value[0]?.address !== to || !mail.text?.includes(about)) continue;
      const links = (mail.text ?? "").match(new RegExp(`${server.baseUrl}${pathPrefix}[\\w.-]+`, "g"));
      if (links) return [...new Set(links)];
    }
    if (Date.now() > deadline) throw new Error(`No email to ${to} with a link to ${pathPrefix}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function linkFromEmail(to: string, pathPrefix: string, about = ""): Promise<string> {
  return (await linksFromEmail(to, pathPrefix, about))[0]!;
}

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const newYorkTime = (iso: string) =>
  new Intl.DateTimeFormat("fr-FR", {
    timeZone: "America/New_York",
    hour: "2-digit",
    minute: "2-digit",
  }).format(Date.parse(iso));

describe("booking as a prospect in New York with a French browser", () => {
  let page: Page;
  let chosen = "";

  afterAll(async () => {
    await page?.context().close();
  });

  it("shows the questions, then the errors next to the fields", async () => {
    page = await newPage(browser, { locale: "fr-FR", timezoneId: "America/New_York", viewport: MOBILE });
    await page.goto(`${server.baseUrl}/${OWNER.handle}/premier-echange`);
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Premier échange");
    // The script filled in the zone the browser reports.
    expect(await page.locator('input[name="timeZone"]').inputValue()).toBe("America/New_York");
    await check(page, "booking form", "booking-1-form-mobile");

    await page.getByRole("button", { name: "Continuer" }).click();
    await page.waitForSelector("#error-summary");
    expect(await page.getByLabel("Votre nom").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Votre nom").fill(PROSPECT.name);
    await page.getByLabel("TJM proposé (€ HT / jour)").fill("650");
    await check(page, "booking form with errors", "booking-2-form-errors-mobile");
  });

  it("picks a time shown in New York time", async () => {
    await page.getByLabel("Votre e-mail").fill(PROSPECT.email);
    await page.getByLabel("Entreprise").fill("ACME");
    expect(await page.getByLabel("TJM proposé (€ HT / jour)").inputValue()).toBe("650");
    await page.getByLabel("Durée de la mission (en mois)").fill("6");
    await page.getByLabel("Stack technique").fill("TypeScript, Node.js");
    await page.getByLabel("Télétravail").selectOption("remote");
    await page.getByLabel("Comment m'avez-vous connu ?").selectOption("malt");
    await Promise.all([
      page.waitForURL("**/slots?**"),
      page.getByRole("button", { name: "Continuer" }).click(),
    ]);

    expect(await page.getByLabel("Fuseau horaire").inputValue()).toBe("America/New_York");
    const first = page.locator('input[name="start"]').first();
    chosen = (await first.getAttribute("value")) ?? "";
    expect(chosen).toMatch(/-0[45]:00$/);
    const label = await page.locator(`label[for="${await first.getAttribute("id")}"]`).innerText();
    expect(label).toBe(newYorkTime(chosen));
    expect(await page.getByText("Les horaires suivent une grille fixe.").count()).toBe(1);
    await check(page, "slot picker", "booking-3-slots-mobile");

    // The zone picker re-renders on change (the script submits it); Paris is six hours ahead.
    await Promise.all([
      page.waitForURL("**timeZone=Europe%2FParis**"),
      page.getByLabel("Fuseau horaire").selectOption("Europe/Paris"),
    ]);
    expect(await page.locator('input[name="start"]').first().getAttribute("value")).toMatch(/\+0[12]:00$/);
    await Promise.all([
      page.waitForURL("**timeZone=America%2FNew_York**"),
      page.getByLabel("Fuseau horaire").selectOption("America/New_York"),
    ]);

    await page.locator(`input[name="start"][value="${chosen}"]`).check();
    await Promise.all([
      page.waitForURL("**/bookings/**"),
      page.getByRole("button", { name: "Réserver cet horaire" }).click(),
    ]);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("C'est réservé");
    const details = await page.locator("dl.details").innerText();
    expect(details).toContain(newYorkTime(chosen));
    expect(details).toMatch(/UTC−[45]/);
    expect(details).toContain("Heure de Jean Dupont");
    await check(page, "confirmation", "booking-4-confirmed-mobile");
  });

  it("cancels through the manage link from the email", async () => {
    const link = await linkFromEmail(PROSPECT.email, "/bookings/");
    expect(new URL(page.url()).pathname).toBe(new URL(link).pathname);
    await page.goto(link);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Votre rendez-vous");
    await page.getByRole("link", { name: "Choisir un autre horaire" }).click();
    await page.waitForURL("**/reschedule**");
    expect(await page.getByLabel("Fuseau horaire").inputValue()).toBe("America/New_York");
    await check(page, "reschedule", "booking-6-reschedule-mobile");
    await page.goto(link);
    await page.getByLabel("Raison (facultatif)").fill("Un empêchement de dernière minute.");
    await Promise.all([
      page.waitForURL("**done=cancelled**"),
      page.getByRole("button", { name: "Annuler le rendez-vous" }).click(),
    ]);
    expect(await page.getByRole("status").innerText()).toContain("Le rendez-vous est annulé.");
    expect(await page.locator("dl.details").innerText()).toContain("Annulé");
    await check(page, "cancelled booking", "booking-5-cancelled-mobile");
  });
});

describe("the owner's pages", () => {
  let page: Page;

  afterAll(async () => {
    await page?.context().close();
  });

  it("opens the one-click cancel link from the new-booking email without changing anything", async () => {
    // A second booking, through the public API, so the owner has something to act on.
    const slots = await fetch(
      `${server.baseUrl}/api/public/${OWNER.handle}/premier-echange/slots?from=${today()}&to=${inDays(40)}&timeZone=Europe/Paris`,
    );
    const start = Object.values(
      ((await slots.json()) as { slots: Record<string, { start: string }[]> }).slots,
    )[0]![0]!.start;
    const answers = {
      company: "Globex",
      "daily-rate": 60_000,
      "duration-months": 4,
      stack: "Go",
      remote: "hybrid",
      source: "linkedin",
    };
    const created = await fetch(`${server.baseUrl}/api/public/${OWNER.handle}/premier-echange/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        start,
        timeZone: "Europe/Paris",
        name: "Bob <b>Durand</b>",
        email: "bob@example.org",
        answers,
      }),
    });
    expect(created.status).toBe(201);
    page = await newPage(browser, { locale: "fr-FR", timezoneId: "Europe/Paris", viewport: MOBILE });
    await page.goto(await linkFromEmail(OWNER.email, "/m/bookings/", "Bob <b>Durand</b>"));
    const heading = await page.getByRole("heading", { level: 1 }).innerText();
    expect(heading.startsWith("Annuler ce rendez-vous")).toBe(true);
    expect(await page.getByLabel("Message à Bob <b>Durand</b>").inputValue()).toContain(
      "Merci pour votre intérêt.",
    );
    await check(page, "owner one-click cancel", "owner-1-cancel-link-mobile");
  });

  it("opens the one-click links of a request awaiting approval: approve, or decline kindly", async () => {
    const key = spawnSync(process.execPath, [CLI, "api-key", "create", "--name", "e2e"], {
      env: { ...cleanEnv(), DATA_DIR: server.dataDir, BASE_URL: server.baseUrl },
      encoding: "utf8",
    }).stdout.trim();
    const weekdays = ["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["09:00", "18:00"]]]);
    const eventType = await fetch(`${server.baseUrl}/api/event-types`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({
        slug: "sur-demande",
        title: "Entretien sur demande",
        durationMinutes: 30,
        timeZone: "Europe/Paris",
        weeklyHours: Object.fromEntries(weekdays),
        horizonDays: 30,
        requiresConfirmation: true,
      }),
    });
    expect(eventType.status, await eventType.clone().text()).toBe(201);
    const slots = await fetch(
      `${server.baseUrl}/api/public/${OWNER.handle}/sur-demande/slots?from=${today()}&to=${inDays(20)}&timeZone=Europe/Paris`,
    );
    const start = Object.values(
      ((await slots.json()) as { slots: Record<string, { start: string }[]> }).slots,
    )[0]![0]!.start;
    const created = await fetch(`${server.baseUrl}/api/public/${OWNER.handle}/sur-demande/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        start,
        timeZone: "Europe/Paris",
        name: "Carole Petit",
        email: "carole@example.org",
        answers: {},
      }),
    });
    expect(created.status).toBe(201);
    const { booking } = (await created.json()) as { booking: { id: string; status: string } };
    expect(booking.status).toBe("pending");

    const links = await linksFromEmail(OWNER.email, "/m/bookings/", "Carole Petit");
    expect(links).toHaveLength(2);
    const headings: string[] = [];
    for (const link of links) {
      await page.goto(link);
      const heading = await page.getByRole("heading", { level: 1 }).innerText();
      headings.push(heading);
      if (heading.startsWith("Décliner")) {
        await check(page, "owner one-click decline of a pending request", "owner-2-decline-request-mobile");
      } else {
        await check(page, "owner one-click approval", "owner-3-approve-request-mobile");
      }
    }
    expect(headings.some((h) => h.startsWith("Décliner cette demande"))).toBe(true);
    expect(headings.some((h) => !h.startsWith("Décliner"))).toBe(true);
    // Opening the links changed nothing (mail scanners open links): the request still waits for the owner.
    const after = await fetch(`${server.baseUrl}/api/bookings/${booking.id}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(((await after.json()) as { status: string }).status).toBe("pending");
  });

  it("signs in and sees the booking links, the editor and the bookings", async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel("E-mail").fill(OWNER.email);
    await page.getByLabel("Mot de passe").fill(OWNER.password);
    await Promise.all([
      page.waitForURL("**/dashboard"),
      page.getByRole("button", { name: "Se connecter" }).click(),
    ]);

    await page.getByRole("navigation").getByRole("link", { name: "Liens de réservation" }).click();
    await page.waitForURL("**/dashboard/event-types");
    expect(await page.getByRole("textbox", { name: "Adresse publique · Premier échange" }).inputValue()).toBe(
      `${server.baseUrl}/${OWNER.handle}/premier-echange`,
    );
    await check(page, "booking links", "dashboard-1-links-mobile");

    await page.getByRole("link", { name: "Modifier Premier échange" }).click();
    await page.waitForURL("**/dashboard/event-types/*");
    await check(page, "editor", "dashboard-2-editor-mobile");
    await page.setViewportSize(DESKTOP);
    await screenshot(page, "dashboard-2-editor");
    await page.setViewportSize(MOBILE);

    await page.getByRole("navigation").getByRole("link", { name: "Rendez-vous" }).click();
    await page.waitForURL("**/dashboard/bookings");
    // Opening the one-click link changed nothing: Bob's booking is still confirmed.
    expect(await page.locator("tbody tr", { hasText: "Bob <b>Durand</b>" }).innerText()).toContain(
      "Confirmé",
    );
    await page.setViewportSize(DESKTOP);
    await check(page, "bookings (desktop)", "dashboard-3-bookings");
    await page.setViewportSize(MOBILE);
    await page.getByLabel("Statut").selectOption("cancelled");
    await Promise.all([
      page.waitForURL("**status=cancelled**"),
      page.getByRole("button", { name: "Filtrer" }).click(),
    ]);
    expect(await page.locator("tbody").innerText()).toContain(PROSPECT.name);
    await check(page, "bookings", "dashboard-4-bookings-filtered-mobile");
  });
});
