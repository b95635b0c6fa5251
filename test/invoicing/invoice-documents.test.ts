// What an issued invoice produces: the CII XML (checked against the official EN 16931 XSD and
// schematron), the Factur-X PDF with that XML inside, and the email carrying the PDF to the client.
import { describe, expect, it } from "vitest";
import { describeFailures, en16931SkipReason, validateCii } from "../helpers/en16931.ts";
import type { CapturingTransport } from "../helpers/test-app.ts";
import { CLIENT, draftInvoice, FRANCHISE_BUSINESS, invoicingFixture, LINE } from "./api-fixture.ts";

const skipReason = en16931SkipReason();
if (skipReason) console.warn(`Skipping EN 16931 validation of /xml: ${skipReason}`);

async function issued(options: Parameters<typeof invoicingFixture>[0] = {}) {
  const f = await invoicingFixture(options);
  const { id } = await draftInvoice(f, [
    LINE,
    { ...LINE, description: "Astreinte", quantity: 0.5, unitPriceCents: 31_050 },
  ]);
  await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
  return { f, id };
}

describe("an issued invoice's documents", () => {
  it.skipIf(skipReason !== undefined)(
    "serves CII XML that passes the EN 16931 XSD and schematron",
    async () => {
      const { f, id } = await issued();
      const response = await f.api(`/api/invoices/${id}/xml`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("application/xml");
      const xml = await response.text();
      expect(xml).toContain("<ram:ID>F-2027-0001</ram:ID>");
      const result = await validateCii(xml);
      expect(
        "skipped" in result ? [] : [...result.xsdErrors, ...result.failedAsserts],
        describeFailures(result),
      ).toEqual([]);

      const credit = await f.json<{ id: string }>(
        `/api/invoices/${id}/credit-note`,
        { body: { lines: [LINE] } },
        201,
      );
      const creditXml = await (await f.api(`/api/invoices/${credit.id}/xml`)).text();
      expect(creditXml).toContain("<ram:TypeCode>381</ram:TypeCode>");
      const creditResult = await validateCii(creditXml);
      expect(
        "skipped" in creditResult ? [] : [...creditResult.xsdErrors, ...creditResult.failedAsserts],
        describeFailures(creditResult),
      ).toEqual([]);
    },
  );

  it.skipIf(skipReason !== undefined)(
    "validates a VAT-franchise invoice to a client abroad too",
    async () => {
      const { f, id } = await issued({
        business: FRANCHISE_BUSINESS,
        client: {
          ...CLIENT,
          address: { line1: "500 Market Street", postalCode: "94105", city: "San Francisco", country: "US" },
          siren: null,
          siret: null,
          vatNumber: null,
        },
      });
      const xml = await (await f.api(`/api/invoices/${id}/xml`)).text();
      expect(xml).toContain("<ram:CategoryCode>E</ram:CategoryCode>");
      const result = await validateCii(xml);
      expect(
        "skipped" in result ? [] : [...result.xsdErrors, ...result.failedAsserts],
        describeFailures(result),
      ).toEqual([]);
    },
  );

  it("has no XML or PDF while it is a draft", async () => {
    const f = await invoicingFixture();
    const { id } = await draftInvoice(f);
    expect((await f.api(`/api/invoices/${id}/xml`)).status).toBe(409);
    expect((await f.api(`/api/invoices/${id}/pdf`)).status).toBe(409);
  });

  it("serves a Factur-X PDF with the CII attached", async () => {
    const { f, id } = await issued();
    const response = await f.api(`/api/invoices/${id}/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain("F-2027-0001.pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder("latin1").decode(bytes);
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toContain("factur-x.xml");
    // The same frozen document renders to the same bytes.
    const again = new Uint8Array(await (await f.api(`/api/invoices/${id}/pdf`)).arrayBuffer());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it("emails it to the client's billing address with the PDF attached, once", async () => {
    const { f, id } = await issued();
    const first = await f.api(`/api/invoices/${id}/send`, { method: "POST" });
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ to: CLIENT.billingEmail, alreadySent: false });
    const transport = f.deps.transport as CapturingTransport;
    const mail = transport.sent.at(-1)!;
    expect(mail.to.address).toBe(CLIENT.billingEmail);
    expect(mail.subject).toBe("Facture F-2027-0001 — Octet & Cie");
    expect(mail.text).toContain("IBAN FR1420041010050500013M02606");
    expect(mail.attachments?.[0]).toMatchObject({
      filename: "F-2027-0001.pdf",
      contentType: "application/pdf",
      encoding: "base64",
    });
    expect(Buffer.from(mail.attachments![0]!.content, "base64").subarray(0, 5).toString()).toBe("%PDF-");
    const second = await f.api(`/api/invoices/${id}/send`, { method: "POST" });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ alreadySent: true });
    expect(transport.sent).toHaveLength(1);
    const outbox = (await (await f.api("/api/outbox")).json()) as { items: { why: string }[] };
    expect(outbox.items.map((i) => i.why)).toContain("invoice.send");
  });
});
