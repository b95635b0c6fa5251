// The accountant's CSV (GET /api/exports/invoices.csv), read back by Python's csv module (an
// independent RFC 4180 reader): the columns an accountant books from, per VAT rate, with credit
// notes negative and pointing at their invoice, and no cell a spreadsheet would run as a formula.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "../../src/invoicing/exports.ts";
import {
  CLIENT,
  draftInvoice,
  FRANCHISE_BUSINESS,
  type InvoicingFixture,
  invoicingFixture,
  LINE,
} from "./api-fixture.ts";

type Row = Record<string, string>;

/** Python's csv.DictReader over the export, as a list of rows keyed by the header. */
function pythonRows(csv: string): { header: string[]; rows: Row[] } {
  const script =
    "import csv, io, json, sys\n" +
    "reader = csv.DictReader(io.StringIO(sys.stdin.read(), newline=''))\n" +
    "rows = list(reader)\n" +
    "print(json.dumps({'header': reader.fieldnames, 'rows': rows}))";
  return JSON.parse(execFileSync("python3", ["-c", script], { input: csv, encoding: "utf8" }));
}

async function exportCsv(f: InvoicingFixture, year = 2027) {
  const response = await f.api(`/api/exports/invoices.csv?year=${year}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  return response.text();
}

const sumCents = (row: Row, columns: string[]) =>
  columns.reduce((sum, column) => sum + Math.round(Number(row[column] || 0) * 100), 0);

describe("the accountant's CSV", () => {
  it("gives each rate its net and VAT, credit notes negative with their invoice, payments received", async () => {
    const f = await invoicingFixture({ client: { ...CLIENT, name: '=HYPERLINK("http://evil","x")' } });
    const { id } = await draftInvoice(f, [
      LINE,
      { description: "Livre technique", quantity: 2, unitPriceCents: 3_999, vatRate: 5.5 },
      { description: "Prestation outre-mer", quantity: 1, unitPriceCents: 10_000, vatRate: 8.5 },
    ]);
    await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    await f.json(`/api/invoices/${id}/credit-note`, { body: { lines: [{ ...LINE, quantity: 1 }] } }, 201);
    await f.json(
      `/api/invoices/${id}/payments`,
      { body: { amountCents: 100_000, date: "2027-04-05", method: "+virement" } },
      201,
    );

    const csv = await exportCsv(f);
    expect(csv.split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));
    const { header, rows } = pythonRows(csv);
    expect(header).toEqual(CSV_COLUMNS);
    expect(rows.map((r) => [r.record, r.number, r.related_number])).toEqual([
      ["invoice", "F-2027-0001", ""],
      ["credit_note", "AV-2027-0001", "F-2027-0001"],
      ["payment", "", "F-2027-0001"],
    ]);
    const [invoice, credit, payment] = rows as [Row, Row, Row];

    // 12,000 at 20 %, 79.98 at 5.5 % (VAT 4.3989 → 4.40), 100 at 8.5 %: not a metropolitan rate.
    expect(invoice).toMatchObject({
      date: "2027-04-02",
      due_date: "2027-05-02",
      client: '\'=HYPERLINK("http://evil","x")',
      client_siren: "542051180",
      client_vat_number: "FR72542051180",
      net_eur: "12179.98",
      vat_eur: "2412.9",
      gross_eur: "14592.88",
      net_20_eur: "12000",
      vat_20_eur: "2400",
      net_10_eur: "",
      net_5_5_eur: "79.98",
      vat_5_5_eur: "4.4",
      net_other_rate_eur: "100",
      vat_other_rate_eur: "8.5",
      other_vat_rates: "8.5",
      net_no_vat_eur: "",
      vat_regime: "standard",
      payment_status: "partially_paid",
      paid_eur: "1000",
      // 14,592.88 − 1,000 paid − 720 credited
      balance_eur: "12872.88",
    });
    const netColumns = CSV_COLUMNS.filter((c) => /^net_.+_eur$/.test(c));
    const vatColumns = CSV_COLUMNS.filter((c) => /^vat_.+_eur$/.test(c));
    for (const row of [invoice, credit]) {
      expect(sumCents(row, netColumns), row.number).toBe(sumCents(row, ["net_eur"]));
      expect(sumCents(row, vatColumns), row.number).toBe(sumCents(row, ["vat_eur"]));
    }

    expect(credit).toMatchObject({
      date: "2027-04-02",
      net_eur: "-600",
      vat_eur: "-120",
      gross_eur: "-720",
      net_20_eur: "-600",
      vat_20_eur: "-120",
      net_5_5_eur: "",
      payment_status: "",
      paid_eur: "",
      balance_eur: "",
    });
    expect(payment).toMatchObject({ date: "2027-04-05", gross_eur: "1000", payment_method: "'+virement" });
    expect(payment.net_20_eur).toBe("");
  });

  it("puts a franchise invoice's amount in the no-VAT column with its regime", async () => {
    const f = await invoicingFixture({
      business: FRANCHISE_BUSINESS,
    });
    const { id } = await draftInvoice(f);
    await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    const [invoice] = pythonRows(await exportCsv(f)).rows as [Row];
    expect(invoice).toMatchObject({
      vat_regime: "franchise",
      net_eur: "12000",
      vat_eur: "0",
      net_no_vat_eur: "12000",
      net_20_eur: "",
      vat_20_eur: "",
    });
  });

  it("answers 422 for a year out of range, and lists only the owner's documents", async () => {
    const f = await invoicingFixture();
    const { id } = await draftInvoice(f);
    await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    const bad = await f.api("/api/exports/invoices.csv?year=1999");
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(pythonRows(await exportCsv(f)).rows).toHaveLength(1);
    const other = await invoicingFixture({ handle: "paul", database: f.deps.database });
    expect(pythonRows(await exportCsv(other)).rows).toEqual([]);
  });
});
