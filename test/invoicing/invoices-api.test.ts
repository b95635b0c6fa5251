import { describe, expect, it } from "vitest";
import { BUSINESS, CLIENT, draftInvoice, invoicingFixture, LINE } from "./api-fixture.ts";

interface InvoiceJson {
  id: string;
  status: string;
  number: string | null;
  issueDate: string | null;
  dueDate: string | null;
  totals: { netCents: number; vatCents: number; grossCents: number };
  paymentStatus: string | null;
  paidCents: number;
  balanceCents: number | null;
  type: string;
  creditOfId: string | null;
  document: Record<string, unknown> | null;
}

describe("invoices API", () => {
  it("creates a draft without a number, with its totals", async () => {
    const f = await invoicingFixture();
    const draft = await f.json<InvoiceJson>(
      "/api/invoices",
      { body: { missionId: f.missionId, periodStart: "2027-03-01", periodEnd: "2027-03-31", lines: [LINE] } },
      201,
    );
    expect(draft).toMatchObject({
      status: "draft",
      number: null,
      totals: { netCents: 1_200_000, vatCents: 240_000, grossCents: 1_440_000 },
    });
  });

  it("issues with the next number, today's date in the owner's zone, and the due date", async () => {
    const f = await invoicingFixture();
    const { id } = await draftInvoice(f);
    const issued = await f.json<InvoiceJson>(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    expect(issued).toMatchObject({
      id,
      status: "issued",
      number: "F-2027-0001",
      issueDate: "2027-04-02",
      dueDate: "2027-05-02",
      totals: { netCents: 1_200_000, vatCents: 240_000, grossCents: 1_440_000 },
      paymentStatus: "unpaid",
    });
    expect(issued.document).toMatchObject({ number: "F-2027-0001", typeCode: "380", vatMode: "standard" });
    const second = await draftInvoice(f);
    const next = await f.json<InvoiceJson>(`/api/invoices/${second.id}/issue`, { method: "POST" }, 200);
    expect(next.number).toBe("F-2027-0002");
  });

  it("refuses to issue without the mandatory identity fields, naming every one of them", async () => {
    const { siren: _s, ...clientWithoutSiren } = CLIENT;
    const f = await invoicingFixture({
      business: { legalName: "Octet & Cie", legalForm: "SAS", vatFranchise: false },
      client: { ...clientWithoutSiren, siret: null },
    });
    const { id } = await draftInvoice(f);
    const response = await f.api(`/api/invoices/${id}/issue`, { method: "POST" });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as {
      errors: { path: string }[];
      missingMandatoryFields: string[];
    };
    expect(problem.missingMandatoryFields.sort()).toEqual(
      [
        "seller.siren",
        "seller.siret",
        "seller.address.line1",
        "seller.address.postalCode",
        "seller.address.city",
        "seller.address.country",
        "seller.email",
        "seller.iban",
        "seller.bic",
        "seller.vatNumber",
        "seller.capitalCents",
        "seller.rcs",
        "buyer.siren",
      ].sort(),
    );
    expect(problem.errors.map((e) => e.path).sort()).toEqual(problem.missingMandatoryFields.sort());
    // Nothing was numbered: once fixed, the first invoice is still 0001.
    await f.json("/api/settings/business", { method: "PUT", body: BUSINESS }, 200);
    await f.json(`/api/clients/${f.clientId}`, { method: "PATCH", body: { siren: CLIENT.siren } }, 200);
    const issued = await f.json<InvoiceJson>(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    expect(issued.number).toBe("F-2027-0001");
  });
});

describe("issued invoices never change", () => {
  it("edits a draft, then answers 409 to any change once issued", async () => {
    const f = await invoicingFixture();
    const { id } = await draftInvoice(f);
    const edited = await f.json<InvoiceJson>(
      `/api/invoices/${id}`,
      { method: "PATCH", body: { lines: [{ ...LINE, quantity: 10.5 }], periodEnd: "2027-03-15" } },
      200,
    );
    expect(edited.totals).toEqual({ netCents: 630_000, vatCents: 126_000, grossCents: 756_000 });
    await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    const patch = await f.api(`/api/invoices/${id}`, { method: "PATCH", body: { lines: [LINE] } });
    expect(patch.status).toBe(409);
    expect(await patch.json()).toMatchObject({ type: "/problems/immutable" });
    expect((await f.api(`/api/invoices/${id}`, { method: "DELETE" })).status).toBe(409);
    expect((await f.api(`/api/invoices/${id}/issue`, { method: "POST" })).status).toBe(409);
    // Changing the settings or the client later does not touch the frozen document.
    await f.json(`/api/clients/${f.clientId}`, { method: "PATCH", body: { name: "Nouveau nom" } }, 200);
    const after = await f.json<InvoiceJson>(`/api/invoices/${id}`);
    expect(after.totals.netCents).toBe(630_000);
    expect((after.document as { buyer: { name: string } }).buyer.name).toBe(
      "Société Générale d'Études & Conseil",
    );
  });

  it("refuses lines with a zero rate, a negative quantity or a quarter day, naming each", async () => {
    const f = await invoicingFixture();
    const response = await f.api("/api/invoices", {
      body: {
        missionId: f.missionId,
        periodStart: "2027-03-01",
        periodEnd: "2027-03-31",
        lines: [
          { ...LINE, unitPriceCents: 0 },
          { ...LINE, quantity: -1 },
          { ...LINE, quantity: 0.25 },
          { ...LINE, vatRate: 0 },
        ],
      },
    });
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path)).toEqual([
      "lines[0].unitPriceCents",
      "lines[1].quantity",
      "lines[2].quantity",
      "lines[3].vatRate",
    ]);
    const reversed = await f.api("/api/invoices", {
      body: { missionId: f.missionId, periodStart: "2027-03-31", periodEnd: "2027-03-01", lines: [LINE] },
    });
    expect(reversed.status).toBe(422);
  });

  it("deletes a draft", async () => {
    const f = await invoicingFixture();
    const { id } = await draftInvoice(f);
    expect((await f.api(`/api/invoices/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await f.api(`/api/invoices/${id}`)).status).toBe(404);
  });
});

describe("credit notes", () => {
  it("credits part of an invoice in the AV series, then refuses more than what remains", async () => {
    const f = await invoicingFixture();
    const { id } = await draftInvoice(f);
    await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    const partial = await f.json<InvoiceJson & { reason: string }>(
      `/api/invoices/${id}/credit-note`,
      {
        body: {
          lines: [{ ...LINE, quantity: 2, description: "Deux jours facturés en trop" }],
          reason: "Erreur de saisie",
        },
      },
      201,
    );
    expect(partial).toMatchObject({
      type: "credit_note",
      status: "issued",
      number: "AV-2027-0001",
      creditOfId: id,
      reason: "Erreur de saisie",
      totals: { netCents: 120_000, vatCents: 24_000, grossCents: 144_000 },
    });
    expect(partial.document).toMatchObject({
      typeCode: "381",
      precedingInvoice: { number: "F-2027-0001", issueDate: "2027-04-02" },
    });
    const original = await f.json<InvoiceJson & { creditedCents: number }>(`/api/invoices/${id}`);
    expect(original).toMatchObject({ creditedCents: 144_000, balanceCents: 1_296_000 });

    // A full credit (every line again) now exceeds what remains.
    const tooMuch = await f.api(`/api/invoices/${id}/credit-note`, { method: "POST" });
    expect(tooMuch.status).toBe(422);
    expect(
      ((await tooMuch.json()) as { errors: { path: string; message: string }[] }).errors[0],
    ).toMatchObject({
      path: "lines",
      message: expect.stringContaining("1296000 cents"),
    });
    const rest = await f.json<InvoiceJson>(
      `/api/invoices/${id}/credit-note`,
      { body: { lines: [{ ...LINE, quantity: 18 }] } },
      201,
    );
    expect(rest.number).toBe("AV-2027-0002");
    expect((await f.json<InvoiceJson>(`/api/invoices/${id}`)).paymentStatus).toBe("credited");
    // Credit notes are not credited, and drafts have nothing to credit.
    expect((await f.api(`/api/invoices/${rest.id}/credit-note`, { method: "POST" })).status).toBe(422);
    const draft = await draftInvoice(f);
    expect((await f.api(`/api/invoices/${draft.id}/credit-note`, { method: "POST" })).status).toBe(409);
  });

  it("never credits more than the invoice when two credit notes race", async () => {
    const f = await invoicingFixture();
    const { id } = await draftInvoice(f);
    await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    const body = { lines: [{ ...LINE, quantity: 15 }] };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => f.api(`/api/invoices/${id}/credit-note`, { method: "POST", body })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422]);
  });
});

describe("payments", () => {
  it("moves from unpaid to partially paid to paid, refuses over-payment, and flags overdue invoices", async () => {
    const f = await invoicingFixture();
    const { id } = await draftInvoice(f);
    await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    const first = await f.json<{ invoice: InvoiceJson }>(
      `/api/invoices/${id}/payments`,
      { body: { amountCents: 440_000, date: "2027-04-10", method: "virement" } },
      201,
    );
    expect(first.invoice).toMatchObject({
      paymentStatus: "partially_paid",
      paidCents: 440_000,
      balanceCents: 1_000_000,
    });
    const over = await f.api(`/api/invoices/${id}/payments`, {
      body: { amountCents: 1_000_001, date: "2027-04-11" },
    });
    expect(over.status).toBe(422);
    expect(await over.json()).toMatchObject({ errors: [{ path: "amountCents" }], balanceCents: 1_000_000 });
    for (const bad of [
      { amountCents: 0, date: "2027-04-11" },
      { amountCents: -5, date: "2027-04-11" },
      { amountCents: 5, date: "2027-03-01" },
    ])
      expect((await f.api(`/api/invoices/${id}/payments`, { body: bad })).status, JSON.stringify(bad)).toBe(
        422,
      );

    f.clock.set("2027-05-03T09:00:00Z");
    expect((await f.json<InvoiceJson>(`/api/invoices/${id}`)).paymentStatus).toBe("overdue");
    const last = await f.json<{ invoice: InvoiceJson }>(
      `/api/invoices/${id}/payments`,
      { body: { amountCents: 1_000_000, date: "2027-05-03" } },
      201,
    );
    expect(last.invoice).toMatchObject({ paymentStatus: "paid", balanceCents: 0 });
    const list = await f.json<{ items: { amountCents: number }[] }>(`/api/invoices/${id}/payments`);
    expect(list.items.map((p) => p.amountCents)).toEqual([440_000, 1_000_000]);
    const draft = await draftInvoice(f);
    expect(
      (await f.api(`/api/invoices/${draft.id}/payments`, { body: { amountCents: 1, date: "2027-05-03" } }))
        .status,
    ).toBe(409);
  });

  it("never accepts more than the balance when payments race", async () => {
    const f = await invoicingFixture();
    const { id } = await draftInvoice(f);
    await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        f.api(`/api/invoices/${id}/payments`, { body: { amountCents: 1_000_000, date: "2027-04-05" } }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 422, 422, 422]);
    expect((await f.json<InvoiceJson>(`/api/invoices/${id}`)).paidCents).toBe(1_000_000);
  });
});

describe("listing invoices", () => {
  it("filters by status, type, mission and year, and pages with a cursor", async () => {
    const f = await invoicingFixture();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      f.clock.advance(1000);
      ids.push((await draftInvoice(f)).id);
    }
    await f.json(`/api/invoices/${ids[0]}/issue`, { method: "POST" }, 200);
    await f.json(`/api/invoices/${ids[0]}/credit-note`, { body: { lines: [{ ...LINE, quantity: 1 }] } }, 201);
    const page1 = await f.json<{ items: InvoiceJson[]; nextCursor: string }>("/api/invoices?limit=4");
    const page2 = await f.json<{ items: InvoiceJson[]; nextCursor: string | null }>(
      `/api/invoices?limit=4&cursor=${page1.nextCursor}`,
    );
    expect([...page1.items, ...page2.items]).toHaveLength(6);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.items, ...page2.items].map((i) => i.id)).size).toBe(6);
    expect((await f.json<{ items: unknown[] }>("/api/invoices?status=draft")).items).toHaveLength(4);
    expect((await f.json<{ items: unknown[] }>("/api/invoices?type=credit_note")).items).toHaveLength(1);
    expect((await f.json<{ items: unknown[] }>("/api/invoices?year=2027&type=invoice")).items).toHaveLength(
      1,
    );
    expect((await f.json<{ items: unknown[] }>("/api/invoices?year=2026")).items).toHaveLength(0);
    expect((await f.json<{ items: unknown[] }>(`/api/invoices?missionId=${f.missionId}`)).items).toHaveLength(
      6,
    );
    expect((await f.api("/api/invoices?status=paid")).status).toBe(422);
    expect((await f.api("/api/invoices?cursor=';DROP")).status).toBe(422);
  });
});

describe("owner isolation", () => {
  it("answers 404 to another owner for every invoice route", async () => {
    const f = await invoicingFixture();
    const { id } = await draftInvoice(f);
    await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    const other = await invoicingFixture({ handle: "paul", database: f.deps.database });
    const routes: [string, string, unknown?][] = [
      ["GET", `/api/invoices/${id}`],
      ["PATCH", `/api/invoices/${id}`, { lines: [LINE] }],
      ["DELETE", `/api/invoices/${id}`],
      ["POST", `/api/invoices/${id}/issue`],
      ["GET", `/api/invoices/${id}/xml`],
      ["GET", `/api/invoices/${id}/pdf`],
      ["POST", `/api/invoices/${id}/credit-note`, {}],
      ["POST", `/api/invoices/${id}/payments`, { amountCents: 100, date: "2027-04-05" }],
      ["GET", `/api/invoices/${id}/payments`],
      ["POST", `/api/invoices/${id}/send`],
    ];
    for (const [method, path, body] of routes)
      expect((await other.api(path, { method, body })).status, `${method} ${path}`).toBe(404);
    expect((await other.json<{ items: unknown[] }>("/api/invoices")).items).toEqual([]);
    const csv = await (await other.api("/api/exports/invoices.csv?year=2027")).text();
    expect(csv).not.toContain("F-2027-0001");
    // Their own numbering starts at 1: series are per owner.
    const theirs = await draftInvoice(other);
    expect(
      (await other.json<InvoiceJson>(`/api/invoices/${theirs.id}/issue`, { method: "POST" }, 200)).number,
    ).toBe("F-2027-0001");
  });
});
