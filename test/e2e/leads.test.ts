// Leads in Chromium against a real server: a lead moves across the board with the keyboard alone (the
// board has no script), and every leads and insights page passes axe and fits a phone.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
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

const exec = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, "../../src/cli.ts");
const PASSWORD = "correct horse battery staple";

async function creneau(server: ServerProcess, ...args: string[]): Promise<string> {
  const { stdout } = await exec(process.execPath, [CLI, ...args], {
    env: { ...cleanEnv(), DATA_DIR: server.dataDir, BASE_URL: server.baseUrl, LOG_LEVEL: "silent" },
  });
  return stdout.trim();
}

let browser: Browser;
let server: ServerProcess;
let key: string;
const leadIds: Record<string, string> = {};

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  await creneau(
    server,
    "init",
    "--handle",
    "jean",
    "--name",
    "Jean Dupont",
    "--email",
    "jean@example.com",
    "--password",
    PASSWORD,
    "--timezone",
    "Europe/Paris",
  );
  key = await creneau(server, "api-key", "create", "--name", "e2e");
  const leads = [
    {
      name: "Alice Martin",
      email: "alice@example.org",
      source: "malt",
      company: "Acme",
      answers: { dailyRateCents: 65_000, durationMonths: 6, skills: "TypeScript, React" },
    },
    {
      name: "Bruno Petit",
      email: "bruno@example.org",
      source: "linkedin",
      answers: { dailyRateCents: 40_000 },
    },
    { name: "Chloé Dubois", source: "referral" },
  ];
  for (const body of leads) {
    const response = await fetch(`${server.baseUrl}/api/leads`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    leadIds[body.name] = ((await response.json()) as { id: string }).id;
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(viewport: { width: number; height: number }): Promise<Page> {
  const page = await newPage(browser, { viewport });
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel("E-mail", { exact: true }).fill("jean@example.com");
  await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
  await Promise.all([
    page.waitForURL("**/dashboard"),
    page.getByLabel("Mot de passe", { exact: true }).press("Enter"),
  ]);
  return page;
}

const columnOf = (page: Page, name: string) =>
  page.evaluate((who) => {
    const card = [...document.querySelectorAll(".lead-card")].find((c) => c.textContent?.includes(who));
    return card?.closest(".board > li")?.querySelector("h2 span")?.textContent ?? null;
  }, name);

describe("the lead board in Chromium", () => {
  it("moves a lead to the next column with the keyboard alone, without JavaScript", async () => {
    const page = await signIn(DESKTOP);
    await page.context().route("**/*.js", (route) => route.abort());
    await page.goto(`${server.baseUrl}/dashboard/leads/board`);
    expect(await columnOf(page, "Alice Martin")).toBe("Nouveau");
    await checkA11y(page, "board");
    await screenshot(page, "leads-1-board");

    // Tab to Alice's "Move to" menu, pick the stage with the arrow keys, Tab to "Move", press Enter.
    const select = page.getByLabel("Déplacer Alice Martin vers", { exact: true });
    await select.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await select.inputValue()).toBe("call_done");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Déplacer");
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get("moved") === leadIds["Alice Martin"]),
      page.keyboard.press("Enter"),
    ]);

    expect(await columnOf(page, "Alice Martin")).toBe("Appel fait");
    expect(await page.getByRole("status").first().textContent()).toContain(
      "Alice Martin est passé à l'étape «\u00a0Appel fait\u00a0».",
    );
    expect(new URL(page.url()).hash).toBe(`#lead-${leadIds["Alice Martin"]}`);
    await checkA11y(page, "board after a move");
    await screenshot(page, "leads-2-board-moved");

    const lead = (await (
      await fetch(`${server.baseUrl}/api/leads/${leadIds["Alice Martin"]}`, {
        headers: { authorization: `Bearer ${key}` },
      })
    ).json()) as {
      stage: string;
      timeline: { kind: string; data: { by: string } }[];
    };
    expect(lead.stage).toBe("call_done");
    expect(lead.timeline[0]).toMatchObject({ kind: "stage.changed", data: { by: "owner" } });
    await page.context().close();
  });

  it("every leads and insights page passes axe, and fits a phone without sideways scrolling", async () => {
    const page = await signIn(MOBILE);
    const pages = [
      ["leads-3-list-mobile", "/dashboard/leads"],
      ["leads-4-board-mobile", "/dashboard/leads/board"],
      ["leads-5-lead-mobile", `/dashboard/leads/${leadIds["Alice Martin"]}`],
      ["leads-6-quick-add-mobile", "/dashboard/leads/new"],
      ["leads-7-import-mobile", "/dashboard/leads/import"],
      ["leads-8-settings-mobile", "/dashboard/leads/settings"],
      ["leads-9-won-mobile", `/dashboard/leads/${leadIds["Alice Martin"]}/won`],
      ["leads-10-decline-mobile", `/dashboard/leads/${leadIds["Bruno Petit"]}/decline`],
      ["insights-1-mobile", "/dashboard/insights"],
    ] as const;
    for (const [name, url] of pages) {
      const response = await page.goto(`${server.baseUrl}${url}`);
      expect(response?.status(), url).toBe(200);
      await checkA11y(page, url);
      expect(await horizontalOverflow(page), url).toEqual([]);
      await screenshot(page, name);
    }
    await page.context().close();
  });

  it("the insights charts are images with their numbers in a table", async () => {
    const page = await signIn(DESKTOP);
    await page.goto(`${server.baseUrl}/dashboard/insights`);
    const chart = page.getByRole("img", { name: "Entonnoir par canal" });
    expect(await chart.count()).toBe(1);
    expect(await page.getByRole("table").first().getByRole("row").count()).toBe(5);
    await screenshot(page, "insights-2-desktop");
    await page.context().close();
  });
});
