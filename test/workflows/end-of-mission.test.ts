import { describe, expect, it } from "vitest";
import {
  type FinalInvoiceOutcome,
  finalInvoiceEmail,
} from "../../src/missions/emails/final-invoice-email.ts";
import { ratingEmail } from "../../src/missions/emails/rating-emails.ts";
import { ratingPlatform } from "../../src/missions/rating-policy.ts";
import { tick } from "../../src/platform/tick.ts";
import { BrowserSession } from "../helpers/browser-session.ts";
import { CLIENT } from "../invoicing/api-fixture.ts";
import {
  DAY,
  type Fixture,
  flat,
  linkPath,
  mails,
  missionFixture,
  runsOf,
  workflowMails,
} from "./mission-workflow-fixture.ts";

const NAME = "end-of-mission";
const MALT = "https://www.malt.fr/profile/jeandupont";
const ENDED = Date.parse("2027-05-07T08:00:00Z");
const REQUEST = ENDED + 3 * DAY;

interface Invoice {
  id: string;
  status: string;
  number: string | null;
  missionId: string;
  periodStart: string;
  periodEnd: string;
  totals: { netCents: number };
}

/** A mission billed at the end, from 1 April, with days reported in April and May, ended on 7 May. */
async function ended(mission: Record<string, unknown> = {}, reportDays = true) {
  const f = await missionFixture({
    mission: { billingMode: "end", startDate: "2027-04-01", ratingUrl: MALT, ...mission },
  });
  const reports = `/api/missions/${f.missionId}/activity-reports`;
  if (reportDays) {
    const april = [1, 2, 5].map((d) => ({ date: `2027-04-0${d}`, fraction: 1 }));
    await f.json(reports, { body: { month: "2027-04", days: april } }, 201);
    await f.json(reports, { body: { month: "2027-05", days: [{ date: "2027-05-03", fraction: 0.5 }] } }, 201);
  }
  f.clock.set(ENDED);
  await f.json(`/api/missions/${f.missionId}`, { method: "PATCH", body: { status: "ended" } }, 200);
  await tick(f.deps);
  return f;
}

async function at(f: Fixture, when: number, ticks = 1) {
  f.clock.set(when);
  for (let i = 0; i < ticks; i++) await tick(f.deps);
}

const clientMails = async (f: Fixture) =>
  (await workflowMails(f, NAME)).filter((m) => m.toAddress === CLIENT.billingEmail);

describe("end-of-mission", () => {
  it("issues and sends the whole mission's invoice at once, then tells the owner — never twice", async () => {
    const f = await ended();
    await tick(f.deps);
    await tick(f.deps);
    const { items } = await f.json<{ items: Invoice[] }>(`/api/invoices?missionId=${f.missionId}`);
    expect(items).toHaveLength(1);
    // 3 days in April and half a day in May at 600 €.
    expect(items[0]).toMatchObject({
      status: "issued",
      number: "F-2027-0001",
      periodStart: "2027-04-01",
      periodEnd: "2027-05-07",
    });
    expect(items[0]!.totals.netCents).toBe(210_000);
    const sent = await mails(f, "invoice.send");
    expect(sent.map((m) => [m.toAddress, m.attachments?.[0]?.filename])).toEqual([
      [CLIENT.billingEmail, "F-2027-0001.pdf"],
    ]);
    const told = await workflowMails(f, NAME);
    expect(told.map((m) => [m.toAddress, m.subject])).toEqual([
      ["jean@example.com", `Facture finale F-2027-0001 envoyée à ${CLIENT.name}`],
    ]);
    // The final invoice has its payment reminders like any other.
    expect((await runsOf(f, "invoice-dunning")).map((r) => r.key)).toEqual([items[0]!.id]);
  });

  it("asks for the rating three days later, reminds at +4 and +15 days, each once, worded for the platform", async () => {
    const f = await ended();
    await at(f, REQUEST - 60_000);
    expect(await clientMails(f)).toEqual([]);
    await at(f, REQUEST + 30_000, 3);
    const [request] = await clientMails(f);
    expect(request!.subject).toBe(
      `Votre avis sur la mission «\u00a0Refonte de l'API de facturation\u00a0» avec Jean Dupont`,
    );
    expect(flat(request!.text)).toContain("laisser une recommandation sur Malt");
    expect(request!.text).toContain(MALT);
    expect(request!.headers?.["List-Unsubscribe"]).toContain("/r/opt-out/");

    await at(f, REQUEST + 4 * DAY - 60_000);
    expect(await clientMails(f)).toHaveLength(1);
    await at(f, REQUEST + 4 * DAY + 30_000, 2);
    await at(f, REQUEST + 15 * DAY + 30_000, 2);
    await at(f, REQUEST + 60 * DAY);
    const all = await clientMails(f);
    expect(all.map((m) => m.subject.split("\u00a0")[0])).toEqual([
      "Votre avis sur la mission «",
      "Rappel",
      "Rappel",
    ]);
    expect(flat(all[2]!.text)).toContain("dernier message");
    expect((await runsOf(f, NAME))[0]?.status).toBe("completed");
  });

  it("stops as soon as the owner marks the rating received", async () => {
    const f = await ended();
    await at(f, REQUEST + 30_000);
    f.clock.advance(DAY);
    const mission = await f.json(
      `/api/missions/${f.missionId}`,
      { method: "PATCH", body: { ratingReceived: true } },
      200,
    );
    expect(mission).toMatchObject({
      ratingReceived: true,
      ratingReceivedAt: new Date(f.clock.now()).toISOString(),
    });
    expect(
      (await f.api(`/api/missions/${f.missionId}`, { method: "PATCH", body: { ratingReceived: "yes" } }))
        .status,
    ).toBe(422);
    await tick(f.deps);
    expect((await runsOf(f, NAME))[0]?.status).toBe("completed");
    await at(f, REQUEST + 16 * DAY);
    expect(await clientMails(f)).toHaveLength(1);
  });

  it("for a mission billed monthly, issues the last report's invoice once the client approved it", async () => {
    const f = await missionFixture({ mission: { ratingUrl: "https://www.linkedin.com/in/jeandupont" } });
    f.clock.set("2027-04-16T08:00:00Z");
    const base = `/api/missions/${f.missionId}`;
    await f.json(base, { method: "PATCH", body: { status: "ended" } }, 200);
    await tick(f.deps);
    // The last month's report is prepared and the owner asked to check it, as every month.
    const ask = await workflowMails(f, "monthly-activity-report");
    expect(ask.map((m) => m.subject)).toEqual([
      "Dernier compte rendu de la mission «\u00a0Refonte de l'API de facturation\u00a0» à vérifier",
    ]);
    expect((await f.json<{ totalDays: number }>(`${base}/activity-reports/2027-04`)).totalDays).toBe(12);
    expect(await mails(f, "invoice.send")).toEqual([]);

    f.clock.set("2027-04-16T09:00:00Z");
    const { reviewUrl } = await f.json<{ reviewUrl: string }>(
      `${base}/activity-reports/2027-04/submit`,
      { method: "POST" },
      200,
    );
    await tick(f.deps);
    f.clock.set("2027-04-19T09:00:00Z");
    const path = new URL(reviewUrl).pathname;
    await new BrowserSession(f).post(path, { decision: "approve" }, { csrfFrom: path });
    await tick(f.deps);
    await tick(f.deps);

    const { items } = await f.json<{ items: Invoice[] }>(`/api/invoices?missionId=${f.missionId}`);
    expect(items.map((i) => [i.status, i.periodStart, i.periodEnd])).toEqual([
      ["issued", "2027-04-01", "2027-04-16"],
    ]);
    expect((await mails(f, "invoice.send")).map((m) => m.toAddress)).toEqual([CLIENT.billingEmail]);
    const request = Date.parse("2027-04-22T09:00:00Z");
    await at(f, request - 60_000);
    expect(await clientMails(f)).toEqual([]);
    await at(f, request + 30_000);
    expect(flat((await clientMails(f))[0]!.text)).toContain("écrire une recommandation sur LinkedIn");
  });

  it("invoices nothing for a mission billed by its platform, but still asks for the rating", async () => {
    const f = await ended({ billingMode: "platform" }, false);
    await at(f, REQUEST + 30_000);
    expect((await f.json<{ items: Invoice[] }>(`/api/invoices?missionId=${f.missionId}`)).items).toEqual([]);
    expect((await workflowMails(f, NAME)).map((m) => m.toAddress)).toEqual([CLIENT.billingEmail]);
  });

  it("tells the owner why the final invoice was not issued, and sends no rating request without a link", async () => {
    const f = await ended({ ratingUrl: null }, false);
    await at(f, REQUEST + 16 * DAY);
    const told = await workflowMails(f, NAME);
    expect(told.map((m) => m.toAddress)).toEqual(["jean@example.com"]);
    expect(told[0]!.subject).toContain("à faire vous-même");
    expect(flat(told[0]!.text)).toContain("Aucun jour déclaré");
    expect((await runsOf(f, NAME))[0]?.status).toBe("completed");
  });

  it("reopening the mission stops its end-of-mission and check-in runs", async () => {
    const f = await ended({ billingMode: "platform" }, false);
    await f.json(
      `/api/missions/${f.missionId}`,
      { method: "PATCH", body: { status: "active", endDate: null } },
      200,
    );
    for (const workflow of [NAME, "re-engagement"])
      expect((await runsOf(f, workflow)).map((r) => r.status)).toEqual(["cancelled"]);
    await at(f, REQUEST + 16 * DAY);
    expect(await workflowMails(f, NAME)).toEqual([]);
  });

  it("a client who opts out through the List-Unsubscribe link gets no more reminders", async () => {
    const f = await ended({ billingMode: "platform", ratingUrl: "https://g.page/r/jean/review" }, false);
    await at(f, REQUEST + 30_000);
    const [request] = await clientMails(f);
    expect(flat(request!.text)).toContain("laisser un avis Google");
    const path = linkPath(request!.headers!["List-Unsubscribe"]!.split(",")[0]!.slice(1, -1), "/r/opt-out/");
    const client = new BrowserSession(f);
    const page = await (await client.get(path)).text();
    expect(page).toContain("Jean Dupont");
    expect((await client.post(path, {})).status).toBe(403);
    expect((await client.post(path, {}, { csrfFrom: path })).status).toBe(303);
    expect(await (await client.get(path)).text()).toContain("est noté");
    await at(f, REQUEST + 16 * DAY);
    expect(await clientMails(f)).toHaveLength(1);
  });

  it("skips a rating request that would leave over a month late", async () => {
    const f = await ended({ billingMode: "platform" }, false);
    await at(f, REQUEST + 31 * DAY);
    expect(await workflowMails(f, NAME)).toEqual([]);
    expect((await runsOf(f, NAME))[0]?.status).toBe("completed");
  });
});

describe("rating wording and end-of-mission emails", () => {
  it("names the platform from the link, else from the mission's source", () => {
    expect(ratingPlatform("direct", "https://www.malt.fr/profile/x")).toBe("malt");
    expect(ratingPlatform("malt", "https://www.linkedin.com/in/x")).toBe("linkedin");
    expect(ratingPlatform("referral", "https://g.page/r/abc/review")).toBe("google");
    expect(ratingPlatform("comet", "https://example.org/review")).toBe("comet");
    expect(ratingPlatform("direct", "https://example.org/review")).toBe("other");
  });

  it("render every variant in French and English with every variable filled", () => {
    const owner = { name: "Jean", email: "jean@example.com" };
    for (const locale of ["fr", "en"] as const) {
      for (const platform of ["malt", "comet", "linkedin", "google", "other"] as const)
        for (const kind of ["request", "reminder", "last-reminder"] as const) {
          const mail = ratingEmail({
            locale,
            kind,
            platform,
            owner,
            missionTitle: "API",
            ratingUrl: MALT,
            optOutUrl: "https://x.test/o",
          });
          expect(`${mail.subject}${mail.text}`).not.toMatch(/\{\w+\}/);
        }
      const outcomes: FinalInvoiceOutcome[] = [
        { kind: "issued", invoiceId: "i", number: "F-1", grossCents: 100, to: "a@b.c" },
        { kind: "problem", reason: "no-days" },
        { kind: "problem", reason: "already-invoiced" },
        { kind: "problem", reason: "not-approved" },
        { kind: "problem", reason: "refused", detail: "seller.siren: is required" },
      ];
      for (const outcome of outcomes) {
        const mail = finalInvoiceEmail({
          locale,
          clientName: "ACME",
          missionTitle: "API",
          outcome,
          missionUrl: "https://x.test/m",
        });
        expect(`${mail.subject}${mail.text}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
