import { describe, expect, it } from "vitest";
import { recordOptOut } from "../../src/missions/client-opt-out.ts";
import {
  checkInDraftEmail,
  checkInDraftText,
  checkInEmail,
} from "../../src/missions/emails/check-in-emails.ts";
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

const NAME = "re-engagement";
const ENDED = Date.parse("2027-05-07T08:00:00Z");
// Four months after the 7 May end, at 09:00 Paris (UTC+2).
const DUE = Date.parse("2027-09-07T07:00:00Z");

/** A mission billed by its platform, without rating link, so only the check-in speaks. */
async function ended(options: { client?: Record<string, unknown>; settings?: unknown } = {}) {
  const f = await missionFixture({
    mission: { billingMode: "platform", startDate: "2027-04-01" },
    ...(options.client ? { client: options.client } : {}),
  });
  if (options.settings)
    await f.json("/api/settings/workflows", { method: "PUT", body: options.settings }, 200);
  f.clock.set(ENDED);
  await f.json(`/api/missions/${f.missionId}`, { method: "PATCH", body: { status: "ended" } }, 200);
  await tick(f.deps);
  return f;
}

async function at(f: Fixture, when: number, ticks = 1) {
  f.clock.set(when);
  for (let i = 0; i < ticks; i++) await tick(f.deps);
}

async function drafted(f: Fixture): Promise<string> {
  const [draft] = await workflowMails(f, NAME);
  if (!draft) throw new Error("no check-in draft");
  return linkPath(draft.text, "/r/check-in/");
}

describe("re-engagement", () => {
  it("drafts a check-in for the owner four months after the end; the client gets it only once approved", async () => {
    const f = await ended();
    await at(f, DUE - 60_000);
    expect(await workflowMails(f, NAME)).toEqual([]);
    await at(f, DUE + 30_000, 3);
    await at(f, DUE + 10 * DAY);
    const [draft, ...none] = await workflowMails(f, NAME);
    expect(none).toEqual([]);
    expect(draft).toMatchObject({ toAddress: "jean@example.com", locale: "fr" });
    expect(draft!.subject).toBe(`Reprendre contact avec ${CLIENT.name}\u00a0?`);
    expect(flat(draft!.text)).toContain("Voilà 4 mois que nous avons terminé la mission");

    const path = await drafted(f);
    const owner = new BrowserSession(f);
    const page = await (await owner.get(path)).text();
    expect(page).toMatch(/<textarea[^>]*name="message"[^>]*>Bonjour,/);
    expect((await owner.post(path, { message: "Coucou" })).status).toBe(403);
    const empty = await owner.post(path, { message: "  " }, { csrfFrom: path });
    expect(empty.status).toBe(422);
    const text = "Bonjour Marie,\n\nUn nouveau projet en vue\u00a0? Je suis disponible en octobre.\n\nJean";
    expect((await owner.post(path, { message: text }, { csrfFrom: path })).status).toBe(303);
    expect(await (await owner.get(path)).text()).toContain("Je suis disponible en octobre.");
    // A second click (the form still open in another tab) changes nothing.
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    expect((await owner.post(path, { _csrf: csrf, message: "Autre chose" })).status).toBe(303);
    await tick(f.deps);
    await tick(f.deps);

    const toClient = (await workflowMails(f, NAME)).filter((m) => m.toAddress === CLIENT.billingEmail);
    expect(toClient).toHaveLength(1);
    expect(toClient[0]!.subject).toBe("Des nouvelles de Jean Dupont");
    expect(toClient[0]!.text).toContain("Je suis disponible en octobre.");
    expect(toClient[0]!.text).not.toContain("Autre chose");
    expect(toClient[0]!.headers?.["List-Unsubscribe"]).toContain("/r/opt-out/");
    expect(toClient[0]!.headers?.["Reply-To"]).toBe("jean@example.com");
    expect((await runsOf(f, NAME))[0]?.status).toBe("completed");
  });

  it("follows the owner's setting: two months, or none at all", async () => {
    const f = await missionFixture();
    expect(await f.json("/api/settings/workflows")).toEqual({ reEngagementMonths: 4 });
    const bad = await f.api("/api/settings/workflows", { method: "PUT", body: { reEngagementMonths: 2.5 } });
    expect(bad.status).toBe(422);

    const two = await ended({ settings: { reEngagementMonths: 2 } });
    await at(two, Date.parse("2027-07-07T06:59:00Z"));
    expect(await workflowMails(two, NAME)).toEqual([]);
    await at(two, Date.parse("2027-07-07T07:00:30Z"));
    expect(await workflowMails(two, NAME)).toHaveLength(1);

    const off = await ended({ settings: { reEngagementMonths: 0 } });
    expect((await runsOf(off, NAME))[0]?.status).toBe("completed");
    await at(off, DUE + DAY);
    expect(await workflowMails(off, NAME)).toEqual([]);
  });

  it("skips the check-in when the client works with the owner again, opted out, or the moment is long gone", async () => {
    const again = await ended();
    again.clock.set("2027-08-01T08:00:00Z");
    await again.json(
      "/api/missions",
      {
        body: {
          title: "Suite",
          dailyRateCents: 60_000,
          startDate: "2027-08-02",
          source: "direct",
          billingMode: "monthly",
          clientId: again.clientId,
        },
      },
      201,
    );

    const optedOut = await ended();
    await recordOptOut(optedOut.deps, optedOut.owner.id, optedOut.clientId);

    const stale = await ended();
    for (const f of [again, optedOut]) await at(f, DUE + 30_000);
    await at(stale, DUE + 31 * DAY);
    for (const f of [again, optedOut, stale]) {
      expect(await workflowMails(f, NAME)).toEqual([]);
      expect((await runsOf(f, NAME))[0]?.status).toBe("completed");
    }
  });

  it("writes the draft in the client's language, and its link expires after thirty days", async () => {
    const f = await ended({ client: { ...CLIENT, locale: "en" } });
    await at(f, DUE + 30_000);
    const [draft] = await workflowMails(f, NAME);
    expect(draft!.locale).toBe("fr"); // to the owner
    expect(flat(draft!.text)).toContain("It has been 4 months since we finished");
    const path = await drafted(f);
    await at(f, DUE + 30 * DAY + 60_000);
    expect((await runsOf(f, NAME))[0]?.status).toBe("completed");
    expect((await new BrowserSession(f).get(path)).status).toBe(410);
    expect((await mails(f)).filter((m) => m.toAddress === CLIENT.billingEmail)).toEqual([]);
  });
});

describe("check-in emails", () => {
  it("render in French and English with every variable filled", () => {
    for (const locale of ["fr", "en"] as const)
      for (const months of [1, 4]) {
        const draft = checkInDraftText({ locale, ownerName: "Jean", missionTitle: "API", months });
        expect(draft).not.toMatch(/\{\w+\}/);
        const owner = checkInDraftEmail({
          locale,
          clientName: "ACME",
          clientEmail: "a@acme.test",
          missionTitle: "API",
          months,
          draft,
          approveUrl: "https://x.test/r/check-in/t",
          expiresOn: "2027-10-07",
        });
        const client = checkInEmail({
          locale,
          owner: { name: "Jean", email: "jean@example.com" },
          text: draft,
          optOutUrl: "https://x.test/r/opt-out/t",
        });
        for (const mail of [owner, client]) expect(`${mail.subject}${mail.text}`).not.toMatch(/\{\w+\}/);
      }
  });
});
