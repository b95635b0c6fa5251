// Triage through every path (defaults, per-link override, qualified/review/declined) and a kind decline:
// the prospect's language, the owner's template, the introduction offered and made only on a yes.
import { describe, expect, it } from "vitest";
import { sendDueDeclineEmails } from "../../src/leads/decline.ts";
import { declineMessage } from "../../src/leads/decline-email.ts";
import { pickPartner } from "../../src/leads/intro-email.ts";
import { effectiveCriteria, parsePartnerLines } from "../../src/leads/lead-settings.ts";
import { introUrl } from "../../src/leads/links.ts";
import { BrowserSession } from "../helpers/browser-session.ts";
import { DISCOVERY, ownerFixture } from "../helpers/owner-fixture.ts";
import type { CapturingTransport } from "../helpers/test-app.ts";
import { apiLead, signedIn } from "./helpers.ts";

const NOW = "2027-03-26T09:00:00Z";
const sentTo = (f: { deps: { transport: unknown } }) => (f.deps.transport as CapturingTransport).sent;

describe("criteria (pure)", () => {
  it("a link's own rules win; what it leaves unset comes from the owner's defaults", () => {
    const defaults = {
      minDailyRateCents: 60_000,
      minDurationMonths: 3,
      requiredSkills: ["TypeScript"],
      remote: "required" as const,
    };
    expect(
      effectiveCriteria(defaults, { minDailyRateCents: 50_000, remote: "any", onDecline: "block" }),
    ).toEqual({
      minDailyRateCents: 50_000,
      minDurationMonths: 3,
      requiredSkills: ["TypeScript"],
      remote: "any",
      onDecline: "block",
    });
    expect(effectiveCriteria(defaults, undefined)).toMatchObject({
      minDailyRateCents: 60_000,
      onDecline: "flag",
    });
  });

  it("reads partners one per line, and points at the one whose skills fit the project", () => {
    const { partners, errors } = parsePartnerLines(
      "Marie Curie <marie@example.org> Java, Spring Boot\n\nnot a partner\nLéo <leo@example.org> React, Node",
    );
    expect(partners.map((p) => p.name)).toEqual(["Marie Curie", "Léo"]);
    expect(errors).toEqual([{ line: 3, text: "not a partner" }]);
    expect(pickPartner(partners, "Spring, Java 17")?.name).toBe("Marie Curie");
    expect(pickPartner(partners, ["ReactJS", "NodeJS"])?.name).toBe("Léo");
    expect(pickPartner(partners, undefined)?.name).toBe("Marie Curie");
    expect(pickPartner([], "Java")).toBeUndefined();
  });

  it("fills the template in the prospect's language, with no hole when there is no reason", () => {
    const reasons = ["The daily rate offered (€450) is below my minimum (€600)."];
    const en = declineMessage({
      locale: "en",
      template: "",
      prospectName: "Ann",
      ownerName: "Jean",
      reasons,
    });
    expect(en).toContain("Hello Ann,");
    expect(en).toContain("- The daily rate offered (€450) is below my minimum (€600).");
    expect(en.endsWith("Jean")).toBe(true);
    const custom = declineMessage({
      locale: "fr",
      template: "Bonjour {name},\n\n{reasons}\n\n{owner}",
      prospectName: "Ann",
      ownerName: "Jean",
      reasons: [],
    });
    expect(custom).toBe("Bonjour Ann,\n\nJean");
  });
});

describe("triage at capture", () => {
  it("qualified, review and declined against the owner's defaults from the settings page", async () => {
    const f = await ownerFixture({ now: NOW });
    const session = await signedIn(f);
    const saved = await session.post(
      "/dashboard/leads/settings",
      {
        minDailyRate: "550",
        minDurationMonths: "3",
        requiredSkills: "TypeScript, React",
        excludedSkills: "PHP",
        remote: "required",
        earliestStartDate: "",
        declineEmail: "manual",
        templateFr: "",
        templateEn: "",
        partners: "",
      },
      { csrfFrom: "/dashboard/leads/settings" },
    );
    expect(saved.status).toBe(303);
    const verdict = async (answers: Record<string, unknown>) => {
      const id = await apiLead(f, { name: "X", answers });
      return ((await (await f.api(`/api/leads/${id}`)).json()) as { verdict: string }).verdict;
    };
    expect(
      await verdict({
        dailyRateCents: 60_000,
        durationMonths: 6,
        skills: "TypeScript, React",
        remote: "remote",
      }),
    ).toBe("qualified");
    expect(
      await verdict({ dailyRateCents: 60_000, durationMonths: 6, skills: "TypeScript", remote: "hybrid" }),
    ).toBe("review");
    expect(await verdict({ dailyRateCents: 60_000 })).toBe("review");
    expect(
      await verdict({
        dailyRateCents: 40_000,
        durationMonths: 6,
        skills: "TypeScript, React",
        remote: "remote",
      }),
    ).toBe("declined");
    expect(
      await verdict({
        dailyRateCents: 60_000,
        durationMonths: 6,
        skills: "PHP, React, TypeScript",
        remote: "remote",
      }),
    ).toBe("declined");
  });

  it("refuses unreadable settings field by field and keeps the old ones", async () => {
    const f = await ownerFixture({ now: NOW });
    const session = await signedIn(f);
    const response = await session.post(
      "/dashboard/leads/settings",
      {
        minDailyRate: "lots",
        minDurationMonths: "3",
        requiredSkills: "",
        excludedSkills: "",
        remote: "any",
        earliestStartDate: "",
        declineEmail: "auto",
        templateFr: "",
        templateEn: "",
        partners: "nobody here",
      },
      { csrfFrom: "/dashboard/leads/settings" },
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain("Un montant, par exemple 600.");
    expect(page).toContain("Lignes non reconnues\u00a0: 1");
    expect(
      ((await (await f.api("/api/lead-settings")).json()) as { declineEmail: string }).declineEmail,
    ).toBe("manual");
  });
});

describe("declining", () => {
  async function declinedLead(locale: "fr" | "en", partners: unknown[] = []) {
    const f = await ownerFixture({ now: NOW });
    await f.api("/api/lead-settings", {
      method: "PUT",
      body: { criteria: { minDailyRateCents: 60_000 }, partners },
    });
    const id = await apiLead(f, {
      name: "Ann Lee",
      email: "ann@example.org",
      locale,
      company: "Initech",
      answers: { dailyRateCents: 45_000, skills: "Java, Spring" },
    });
    sentTo(f).length = 0;
    return { f, id };
  }

  it("sends the owner's message in the prospect's language, once, and records it", async () => {
    const { f, id } = await declinedLead("en");
    const session = await signedIn(f);
    const form = await (await session.get(`/dashboard/leads/${id}/decline`)).text();
    expect(form).toContain("Hello Ann Lee,");
    expect(form).toContain("The daily rate offered (€450) is below my minimum (€600).");
    expect(form).toContain('lang="en"');
    const edited = "Hello Ann,\n\nThank you, but the rate is too low for me.\n\nJean";
    const response = await session.post(
      `/dashboard/leads/${id}/decline`,
      { from: "new", send: "1", message: edited },
      { csrfFrom: `/dashboard/leads/${id}/decline` },
    );
    expect(response.headers.get("location")).toBe(`/dashboard/leads/${id}?done=declinedEmailed`);
    expect(sentTo(f)).toHaveLength(1);
    const mail = sentTo(f)[0]!;
    expect(mail.to.address).toBe("ann@example.org");
    expect(mail.subject).toBe("Your project with Jean Dupont");
    expect(mail.text).toContain("Thank you, but the rate is too low for me.");
    expect(mail.text).not.toContain("introduce");
    const lead = (await (await f.api(`/api/leads/${id}`)).json()) as {
      stage: string;
      timeline: { kind: string }[];
    };
    expect(lead.stage).toBe("declined");
    expect(lead.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["stage.changed", "decline.emailed"]),
    );
    // Declining through the API now sends nothing more.
    await f.api(`/api/leads/${id}/decline`, { body: {} });
    expect(sentTo(f)).toHaveLength(1);
  });

  it("declines without an email when asked, or when the person has no address", async () => {
    const { f, id } = await declinedLead("fr");
    const response = await f.api(`/api/leads/${id}/decline`, { body: { sendEmail: false } });
    expect((await response.json()) as { stage: string; emailed: boolean }).toMatchObject({
      stage: "declined",
      emailed: false,
    });
    const noEmail = await apiLead(f, { name: "Anonyme" });
    const other = await f.api(`/api/leads/${noEmail}/decline`, { body: {} });
    expect(((await other.json()) as { emailed: boolean }).emailed).toBe(false);
    // Only the owner heard of the new lead; neither prospect got anything.
    expect(sentTo(f).map((m) => m.to.address)).toEqual(["jean@example.com"]);
  });

  it("offers an introduction only when there are partners; the partner hears of the prospect only after a yes", async () => {
    const { f, id } = await declinedLead("fr", [
      { name: "Léo Front", email: "leo@partners.example", skills: ["React"] },
      { name: "Marie Back", email: "marie@partners.example", skills: ["Java", "Spring Boot"], locale: "en" },
    ]);
    await f.api(`/api/leads/${id}/decline`, { body: {} });
    const decline = sentTo(f)[0]!;
    expect(decline.text).toContain("Oui, mettez-moi en relation");
    const link = /http:\/\/localhost:3000(\/leads\/intro\/[^\s]+)/.exec(decline.text)![1]!;
    const prospect = new BrowserSession(f);
    const offer = await prospect.get(link);
    expect(offer.status).toBe(200);
    const offerPage = await offer.text();
    expect(offerPage).toContain("Une mise en relation avec Marie Back");
    expect(sentTo(f)).toHaveLength(1);
    // A POST without the page's CSRF token does nothing.
    expect((await prospect.post(link, {})).status).toBe(403);
    expect(sentTo(f)).toHaveLength(1);
    const token = /name="_csrf" value="([^"]+)"/.exec(offerPage)![1]!;
    const yes = await prospect.post(link, { _csrf: token });
    expect(yes.status).toBe(303);
    expect(await (await prospect.get(`${link}?done=1`)).text()).toContain(
      "C&#39;est fait\u00a0: Marie Back a reçu vos coordonnées",
    );
    const [toPartner, toProspect] = sentTo(f).slice(1);
    expect(toPartner!.to.address).toBe("marie@partners.example");
    expect(toPartner!.subject).toBe("Introduction: Ann Lee");
    expect(toPartner!.text).toContain("ann@example.org");
    expect(toPartner!.headers?.["Reply-To"]).toBe("ann@example.org");
    expect(toProspect!.to.address).toBe("ann@example.org");
    expect(toProspect!.subject).toBe("Je vous mets en relation avec Marie Back");
    // Saying yes twice (a double click, the back button) introduces once.
    expect((await prospect.post(link, { _csrf: token })).status).toBe(303);
    expect(sentTo(f)).toHaveLength(3);
    const lead = (await (await f.api(`/api/leads/${id}`)).json()) as {
      timeline: { kind: string; data: Record<string, unknown> }[];
    };
    expect(lead.timeline.find((e) => e.kind === "intro.accepted")?.data).toEqual({
      by: "prospect",
      partner: "Marie Back",
    });
  });

  it("an intro link that was tampered with or expired shows a clear page", async () => {
    const { f, id } = await declinedLead("fr", [{ name: "Léo", email: "leo@partners.example", skills: [] }]);
    const url = introUrl(f.config, id, f.clock.now()).replace("http://localhost:3000", "");
    const tampered = `${url.slice(0, -3)}abc`;
    expect((await f.app.request(tampered)).status).toBe(404);
    f.clock.advance(31 * 86_400_000);
    const expired = await f.app.request(url);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("Cette proposition n&#39;est plus disponible");
  });

  it("automatic mode: leads declined on a booking link are answered by the tick, once", async () => {
    const f = await ownerFixture({ now: NOW });
    await f.api("/api/lead-settings", { method: "PUT", body: { declineEmail: "auto" } });
    expect((await f.api("/api/event-types", { body: DISCOVERY })).status).toBe(201);
    const booking = await f.publicApi("/api/public/jean/discovery/bookings", {
      body: {
        start: "2027-03-29T09:00:00+02:00",
        timeZone: "Europe/Paris",
        name: "Zoe",
        email: "zoe@example.org",
        locale: "en",
        answers: { rate: 30_000, months: 6 },
      },
    });
    expect(booking.status).toBe(200);
    sentTo(f).length = 0;
    expect(await sendDueDeclineEmails(f.deps)).toEqual({ sent: 1 });
    expect(await sendDueDeclineEmails(f.deps)).toEqual({ sent: 0 });
    expect(sentTo(f)).toHaveLength(1);
    expect(sentTo(f)[0]!.text).toContain("is below my minimum");
  });

  it("automatic mode: a lead the API brings in and triage declines is answered at once", async () => {
    const f = await ownerFixture({ now: NOW });
    await f.api("/api/lead-settings", {
      method: "PUT",
      body: { declineEmail: "auto", criteria: { minDurationMonths: 6 } },
    });
    const response = await f.api("/api/leads", {
      body: { name: "Yan", email: "yan@example.org", answers: { durationMonths: 1 } },
    });
    expect(((await response.json()) as { stage: string }).stage).toBe("declined");
    expect(sentTo(f).map((m) => m.to.address)).toEqual(["yan@example.org"]);
  });
});
