// GET /api/invoices/{id}/ubl and the dashboard download: the UBL of what was issued, with the same
// values as the CII served beside it, and the same rules (issued only, owner only).
import { describe, expect, it } from "vitest";
import { ciiSummary, ublSummary } from "../helpers/ubl-summary.ts";
import { ublXPath } from "../helpers/ubl-xml-tree.ts";
import { signedIn } from "../leads/helpers.ts";
import { draftInvoice, invoicingFixture, LINE } from "./api-fixture.ts";

async function issued() {
  const f = await invoicingFixture();
  const { id } = await draftInvoice(f, [LINE, { ...LINE, description: "Astreinte", quantity: 0.5 }]);
  await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
  return { f, id };
}

describe("GET /api/invoices/{id}/ubl", () => {
  it("serves the issued invoice as UBL, agreeing with its CII, and a credit note as a CreditNote", async () => {
    const { f, id } = await issued();
    const response = await f.api(`/api/invoices/${id}/ubl`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('inline; filename="F-2027-0001-ubl.xml"');
    const ubl = await response.text();
    expect(await ublXPath(ubl, "/inv:Invoice/(cbc:ID, cbc:InvoiceTypeCode)")).toEqual(["F-2027-0001", "380"]);
    const cii = await (await f.api(`/api/invoices/${id}/xml`)).text();
    expect(await ublSummary(ubl)).toEqual(await ciiSummary(cii));

    const credit = await f.json<{ id: string; number: string }>(
      `/api/invoices/${id}/credit-note`,
      { body: { lines: [LINE] } },
      201,
    );
    const creditUbl = await (await f.api(`/api/invoices/${credit.id}/ubl`)).text();
    expect(
      await ublXPath(
        creditUbl,
        "/cn:CreditNote ! (cbc:ID, cbc:CreditNoteTypeCode, cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID)",
      ),
    ).toEqual([credit.number, "381", "F-2027-0001"]);
  });

  it("answers 409 for a draft, 404 for an unknown id and for another owner's invoice", async () => {
    const f = await invoicingFixture();
    const { id } = await draftInvoice(f);
    const draft = await f.api(`/api/invoices/${id}/ubl`);
    expect(draft.status).toBe(409);
    expect(draft.headers.get("content-type")).toContain("application/problem+json");
    expect((await f.api("/api/invoices/nope/ubl")).status).toBe(404);

    await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    const other = await invoicingFixture({ handle: "paul", database: f.deps.database });
    expect((await other.api(`/api/invoices/${id}/ubl`)).status).toBe(404);
  });
});

describe("the dashboard invoice page", () => {
  it("links the UBL beside the CII and downloads it as an attachment", async () => {
    const { f, id } = await issued();
    const session = await signedIn(f);
    const page = await (await session.get(`/dashboard/invoices/${id}`)).text();
    expect(page).toContain(`href="/dashboard/invoices/${id}/xml"`);
    expect(page).toContain(`href="/dashboard/invoices/${id}/ubl"`);
    const download = await session.get(`/dashboard/invoices/${id}/ubl`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="F-2027-0001-ubl.xml"');
    expect(await ublXPath(await download.text(), "/inv:Invoice/cbc:ID")).toEqual(["F-2027-0001"]);
  });
});
