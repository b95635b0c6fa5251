// 200 drafts issued at once through the API: the numbers are exactly 1..200, gapless, unique.
import { describe, expect, it } from "vitest";
import { auditNumbering } from "../../src/invoicing/numbering.ts";
import { draftInvoice, invoicingFixture } from "./api-fixture.ts";

const COUNT = 200;

describe("invoice numbering under concurrency", () => {
  it(`gives ${COUNT} invoices issued at once the numbers 1..${COUNT}, no gap, no duplicate`, async () => {
    const f = await invoicingFixture({ env: { API_RATE_LIMIT: "0" } });
    const drafts = await Promise.all(Array.from({ length: COUNT }, () => draftInvoice(f)));
    const responses = await Promise.all(
      drafts.map((d) => f.api(`/api/invoices/${d.id}/issue`, { method: "POST" })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(COUNT).fill(200));
    const issued = (await Promise.all(responses.map((r) => r.json()))) as {
      number: string;
      issueDate: string;
    }[];
    const sequences = issued.map((i) => Number(i.number.slice("F-2027-".length))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
    expect(auditNumbering(issued)).toEqual({ gaps: [], duplicates: [], outOfOrder: [], malformed: [] });
    // Issuing them all again changes nothing: every one answers 409 and no number moves.
    const again = await Promise.all(
      drafts.map((d) => f.api(`/api/invoices/${d.id}/issue`, { method: "POST" })),
    );
    expect(new Set(again.map((r) => r.status))).toEqual(new Set([409]));
  });

  it("keeps numbers in date order: after a later-dated invoice, an earlier date is refused", async () => {
    const f = await invoicingFixture({ env: { API_RATE_LIMIT: "0" } });
    const first = await draftInvoice(f);
    const second = await draftInvoice(f);
    await f.json(`/api/invoices/${first.id}/issue`, { method: "POST" }, 200);
    // The clock goes back a day (a server with a wrong clock, a restore): the series must not.
    f.clock.set("2027-04-01T09:00:00Z");
    const refused = await f.api(`/api/invoices/${second.id}/issue`, { method: "POST" });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toContain("2027-04-02");
    expect((await f.json<{ status: string }>(`/api/invoices/${second.id}`)).status).toBe("draft");
  });

  it("starts each year's series at 1", async () => {
    const f = await invoicingFixture({ env: { API_RATE_LIMIT: "0" } });
    const a = await draftInvoice(f);
    await f.json(`/api/invoices/${a.id}/issue`, { method: "POST" }, 200);
    f.clock.set("2028-01-03T09:00:00Z");
    const b = await draftInvoice(f);
    expect(
      (await f.json<{ number: string }>(`/api/invoices/${b.id}/issue`, { method: "POST" }, 200)).number,
    ).toBe("F-2028-0001");
  });
});
