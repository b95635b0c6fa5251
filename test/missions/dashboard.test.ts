// The dashboard pages as a person uses them, through forms with CSRF tokens (no browser: see test/e2e).
import { describe, expect, it } from "vitest";
import { BrowserSession, setUpOwner } from "../helpers/browser-session.ts";
import { type CapturingTransport, createTestApp } from "../helpers/test-app.ts";
import { BUSINESS, CLIENT } from "../invoicing/api-fixture.ts";

async function signedIn(now = "2027-04-02T09:00:00Z") {
  const t = createTestApp({ now });
  const session = new BrowserSession(t);
  const setup = await setUpOwner(session);
  expect(setup.status).toBe(303);
  return { ...t, session };
}

function location(response: Response): string {
  return response.headers.get("location") ?? "";
}

const clientForm = {
  name: CLIENT.name,
  "address.line1": CLIENT.address.line1,
  "address.postalCode": CLIENT.address.postalCode,
  "address.city": CLIENT.address.city,
  "address.country": "fr",
  siren: "542 051 180",
  siret: "",
  vatNumber: CLIENT.vatNumber,
  billingEmail: CLIENT.billingEmail,
  locale: "fr",
};

describe("missions and invoices dashboard", () => {
  it("refuses a client with a bad SIREN and shows the error on the field, then creates it", async () => {
    const { session } = await signedIn();
    const bad = await session.post(
      "/dashboard/clients",
      { ...clientForm, siren: "542051181" },
      { csrfFrom: "/dashboard/clients" },
    );
    expect(bad.status).toBe(422);
    const page = await bad.text();
    expect(page).toMatch(/id="f-siren"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-siren"/);
    expect(page).toContain("is not a valid SIREN");
    const ok = await session.post("/dashboard/clients", clientForm, { csrfFrom: "/dashboard/clients" });
    expect(ok.status).toBe(303);
    const list = await (await session.get("/dashboard/clients")).text();
    expect(list).toContain("Société Générale d&#39;Études &amp; Conseil");
    expect(list).toContain("542051180");
  });

  it("walks mission → days grid → send to client → client approves → draft → issue → payment", async () => {
    const t = await signedIn();
    const { session } = t;
    await session.post("/dashboard/clients", clientForm, { csrfFrom: "/dashboard/clients" });
    const missionsPage = await (await session.get("/dashboard/missions")).text();
    const clientId = /<option value="([^"]+)"/.exec(missionsPage)?.[1];
    expect(clientId).toBeTruthy();
    const created = await session.post(
      "/dashboard/missions",
      {
        clientId: clientId!,
        title: "Refonte <API>",
        dailyRate: "600,00",
        paymentTermsDays: "30",
        startDate: "2027-03-01",
        plannedEndDate: "",
        source: "referral",
        billingMode: "monthly",
        ratingUrl: "",
      },
      { csrfFrom: "/dashboard/missions" },
    );
    expect(created.status).toBe(303);
    const missionUrl = location(created);
    const missionPage = await (await session.get(`${missionUrl}?month=2027-03`)).text();
    // Escaped, and prefilled: 23 weekdays in March 2027 minus Easter Monday (29th).
    expect(missionPage).toContain("Refonte &lt;API&gt;");
    expect(missionPage.match(/name="d-2027-03-\d\d" value="1" checked/g)?.length).toBe(22);
    expect(missionPage).not.toContain('name="d-2027-03-29" value="1" checked');

    // The owner keeps the prefilled days, makes the 31st a half day, saves and sends.
    const fields: Record<string, string> = {};
    for (const m of missionPage.matchAll(/name="(d-2027-03-\d\d)" value="1" checked/g)) fields[m[1]!] = "1";
    fields["d-2027-03-31"] = "0.5";
    const sent = await session.post(
      `${missionUrl}/reports/2027-03`,
      { ...fields, after: "submit" },
      { csrfFrom: missionUrl },
    );
    expect(sent.status).toBe(303);
    const transport = t.deps.transport as CapturingTransport;
    const toClient = transport.sent.find((m) => m.to.address === CLIENT.billingEmail);
    expect(toClient?.subject).toContain("mars 2027");
    const reviewUrl = /http:\/\/localhost:3000(\/r\/[\w.-]+)/.exec(toClient!.text)?.[1];
    expect(reviewUrl).toBeTruthy();

    // The client (another browser, no session) approves.
    const client = new BrowserSession(t);
    const review = await (await client.get(reviewUrl!)).text();
    expect(review).toContain("21,5 jours");
    const approved = await client.post(
      reviewUrl!,
      { decision: "approve", comment: "" },
      { csrfFrom: reviewUrl! },
    );
    expect(approved.status).toBe(303);
    expect(await (await client.get(reviewUrl!)).text()).toContain("Vous avez validé ce compte rendu");
    const toOwner = transport.sent.find((m) => m.to.address === "jean@example.com");
    expect(toOwner?.subject).toContain("a validé");

    // The draft exists; issuing without a billing identity names what is missing.
    const invoices = await (await session.get("/dashboard/invoices")).text();
    const invoiceUrl = /href="(\/dashboard\/invoices\/[\w-]+)"/.exec(invoices)?.[1];
    expect(invoiceUrl).toBeTruthy();
    const refused = await session.post(`${invoiceUrl}/issue`, {}, { csrfFrom: invoiceUrl! });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("seller.siren");

    const settings = await session.post(
      "/dashboard/settings/business",
      {
        legalName: BUSINESS.legalName,
        legalForm: BUSINESS.legalForm,
        siren: BUSINESS.siren,
        siret: BUSINESS.siret,
        vatFranchise: "false",
        vatNumber: BUSINESS.vatNumber,
        "address.line1": BUSINESS.address.line1,
        "address.postalCode": BUSINESS.address.postalCode,
        "address.city": BUSINESS.address.city,
        "address.country": "FR",
        email: BUSINESS.email,
        iban: BUSINESS.iban,
        bic: BUSINESS.bic,
        capital: "1000",
        rcs: BUSINESS.rcs,
        invoicePrefix: "F",
        creditNotePrefix: "AV",
      },
      { csrfFrom: "/dashboard/settings/business" },
    );
    expect(settings.status).toBe(303);
    const issued = await session.post(`${invoiceUrl}/issue`, {}, { csrfFrom: invoiceUrl! });
    expect(issued.status).toBe(303);
    const invoicePage = await (await session.get(location(issued))).text();
    expect(invoicePage).toContain("F-2027-0001");
    // 21.5 days × 600 € = 12 900 € HT, 15 480 € TTC.
    expect(invoicePage).toContain("15\u00a0480,00\u00a0€");

    const paid = await session.post(
      `${invoiceUrl}/payments`,
      { amount: "15480", date: "2027-04-10", method: "virement" },
      { csrfFrom: invoiceUrl! },
    );
    expect(paid.status).toBe(303);
    const after = await (await session.get(invoiceUrl!)).text();
    expect(after).toContain('class="badge ok">payée');
  });

  it("sends another owner's mission and invoice to 404", async () => {
    const { session } = await signedIn();
    expect((await session.get("/dashboard/missions/nope")).status).toBe(404);
    expect((await session.get("/dashboard/invoices/nope")).status).toBe(404);
  });
});
