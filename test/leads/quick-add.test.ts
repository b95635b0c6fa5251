import { describe, expect, it } from "vitest";
import { parseLooseDate, parseMoneyCents, parseMonths, parseRemote } from "../../src/leads/loose-values.ts";
import { extractLead } from "../../src/leads/quick-add.ts";

const TODAY = "2027-03-01";

const MALT = `Sophie Bernard
Nouveau projet : Refonte de notre back-office

Bonjour Jean,
Je suis CTO chez Acme Logistique. Nous cherchons un développeur freelance pour une mission de 6 mois,
démarrage le 1er avril 2027, en full remote. Stack : TypeScript, React et Node.js, PostgreSQL.
Notre budget est de 600 €/jour HT.
Bonne journée,
Sophie Bernard`;

const LINKEDIN = `Thomas Klein • 2nd
Engineering Manager at Northwind

Hi Jean, my name is Thomas Klein. We have a 12 months project starting in May, hybrid (2 days per week on site in Lyon).
We are looking for a senior Vue.js / Go developer (Golang, Kubernetes). Daily rate around €650.
Could we have a quick call next week?
Best regards`;

const EMAIL = `De : Claire Martin <claire.martin@example.org>
Objet : Mission Java

Bonjour, pour le compte de Banque Horizon nous recherchons un profil Java / Spring Boot
pour 3 à 6 mois sur site à Paris. TJM : 450 euros. Démarrage : 15/03/2027.
Cordialement,
Claire Martin`;

describe("quick add: reading a pasted message", () => {
  it("reads a Malt project message", () => {
    expect(extractLead(MALT, TODAY)).toEqual({
      name: "Sophie Bernard",
      company: "Acme Logistique",
      dailyRateCents: 60_000,
      durationMonths: 6,
      skills: ["TypeScript", "React", "Node.js", "PostgreSQL"],
      remote: "remote",
      startDate: "2027-04-01",
    });
  });

  it("reads a LinkedIn message, with short skill names only in their long or capitalised form", () => {
    const lead = extractLead(LINKEDIN, TODAY);
    expect(lead).toMatchObject({
      name: "Thomas Klein",
      company: "Northwind",
      dailyRateCents: 65_000,
      durationMonths: 12,
      remote: "hybrid",
      startDate: "2027-05-01",
    });
    expect(lead.skills).toEqual(["Vue.js", "Go", "Kubernetes"]);
    expect(lead.email).toBeUndefined();
  });

  it("reads an email with a From header, a range of months and a French numeric date", () => {
    expect(extractLead(EMAIL, TODAY)).toEqual({
      name: "Claire Martin",
      email: "claire.martin@example.org",
      company: "Banque Horizon",
      dailyRateCents: 45_000,
      durationMonths: 3,
      skills: ["Java", "Spring Boot"],
      remote: "onsite",
      startDate: "2027-03-15",
    });
  });

  it("leaves out what it cannot recognise instead of guessing", () => {
    expect(extractLead("salut, ça te dit de bosser avec nous ? on paie 45k€ par an", TODAY)).toEqual({});
  });
});

describe("loose values", () => {
  it.each([
    ["650", 65_000],
    ["650 €", 65_000],
    ["650€/j", 65_000],
    ["1 200,50 €", 120_050],
    ["€1,250.50", 125_050],
    ["1.250", 125_000],
    ["six cents", undefined],
    ["", undefined],
  ])("money %j → %j", (text, cents) => expect(parseMoneyCents(text)).toBe(cents));

  it.each([
    ["6", 6],
    ["6 mois", 6],
    ["1 an", 12],
    ["un an", 12],
    ["18 months", 18],
    ["3 à 6 mois", 3],
    ["1,5 mois", 1.5],
    ["long terme", undefined],
  ])("months %j → %j", (text, months) => expect(parseMonths(text)).toBe(months));

  it("needs a unit in prose", () => {
    expect(parseMonths("2 developers for 6 months", { requireUnit: true })).toBe(6);
  });

  it.each([
    ["2027-04-01", "2027-04-01"],
    ["01/04/2027", "2027-04-01"],
    ["1er avril 2027", "2027-04-01"],
    ["April 3, 2027", "2027-04-03"],
    ["15 février", "2028-02-15"],
    ["en juin", "2027-06-01"],
    ["31/02/2027", undefined],
    ["asap", undefined],
  ])("date %j → %j", (text, date) => expect(parseLooseDate(text, TODAY)).toBe(date));

  it.each([
    ["full remote", "remote"],
    ["100 % télétravail", "remote"],
    ["hybride, 2 jours sur site", "hybrid"],
    ["sur site uniquement", "onsite"],
    ["pas de télétravail", "onsite"],
    ["à discuter", undefined],
  ])("remote %j → %j", (text, remote) => expect(parseRemote(text)).toBe(remote));
});
