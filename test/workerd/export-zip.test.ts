// The accountant's ZIP inside workerd on D1: the archive streams out of the Worker's fetch handler
// (a ReadableStream pulled one document at a time) and unpacks with the PDF, the CII and the UBL of
// each document, the same XML the single-document routes serve.
import { SELF } from "cloudflare:test";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { billingOwner } from "./shared/billing-owner.ts";
import { type AppFetch, expectJson } from "./shared/http-client.ts";
import { lastMonth } from "./shared/seed-data.ts";

const fetch: AppFetch = (path, init) => SELF.fetch(`http://creneau.test${path}`, init);
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe("the accountant's ZIP on workerd", () => {
  it("streams a year's PDFs, CII and UBL with the README and the CSV", async () => {
    const { owner, missionId } = await billingOwner(fetch, "zip");
    const period = lastMonth();
    const ids: string[] = [];
    const numbers: string[] = [];
    for (const quantity of [20, 3]) {
      const draft = await expectJson<{ id: string }>(
        owner.api("/api/invoices", {
          body: {
            missionId,
            periodStart: period.start,
            periodEnd: period.end,
            lines: [{ description: "Développement", quantity, unitPriceCents: 60_000, vatRate: 20 }],
          },
        }),
        201,
      );
      const issued = await expectJson<{ number: string }>(
        owner.api(`/api/invoices/${draft.id}/issue`, { method: "POST" }),
        200,
      );
      ids.push(draft.id);
      numbers.push(issued.number);
    }

    const response = await owner.api("/api/exports/invoices.zip");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    // The export's year defaults to today's in the owner's zone, the year the numbers carry.
    const year = numbers[0]!.slice(2, 6);
    expect(numbers).toEqual([`F-${year}-0001`, `F-${year}-0002`]);
    expect(Object.keys(files).sort()).toEqual(
      [
        "README.txt",
        `invoices-${year}.csv`,
        ...numbers.flatMap((n) => [`invoices/${n}.pdf`, `invoices/${n}.xml`, `invoices/${n}-ubl.xml`]),
      ].sort(),
    );
    for (const [index, id] of ids.entries()) {
      const base = `invoices/${numbers[index]}`;
      expect(text(files[`${base}.pdf`]?.subarray(0, 5))).toBe("%PDF-");
      expect(text(files[`${base}.xml`])).toBe(await (await owner.api(`/api/invoices/${id}/xml`)).text());
      expect(text(files[`${base}-ubl.xml`])).toBe(await (await owner.api(`/api/invoices/${id}/ubl`)).text());
    }
    expect(text(files["README.txt"])).toContain("NUMERO-ubl.xml");
  });
});
