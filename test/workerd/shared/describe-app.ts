// The product end to end over HTTP, written once and run under each runtime (as Hono's runtime tests do):
// test/runtime/node-app.test.ts runs it on Node + SQLite, test/workerd/app.test.ts inside workerd + D1.

import { describe, expect, it } from "vitest";
import { billingOwner } from "./billing-owner.ts";
import { type AppFetch, expectJson, type OwnerClient, signUp, uniqueHandle } from "./http-client.ts";
import { pdfText } from "./pdf-text.ts";
import { isoDay, lastMonth, openWeek } from "./seed-data.ts";

export type Runtime = "node" | "workerd";

/** Retries an assertion for a few seconds: mail and syncs may finish after the response that started them. */
export async function eventually(check: () => Promise<void>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function slotsOf(fetch: AppFetch, owner: OwnerClient, slug: string, day: string) {
  const body = await expectJson<{ slots: Record<string, { start: string }[]> }>(
    fetch(`/api/public/${owner.handle}/${slug}/slots?from=${day}&to=${day}&timeZone=Europe/Paris`),
    200,
  );
  return body.slots[day] ?? [];
}

export function describeApp(runtime: Runtime, makeFetch: () => AppFetch): void {
  describe(`Créneau over HTTP on ${runtime}`, () => {
    it("answers /healthz after checking the database", async () => {
      const fetch = makeFetch();
      expect(await expectJson(fetch("/healthz"), 200)).toEqual({ status: "ok" });
    });

    it("books a slot: 20 concurrent requests give exactly one 201; the tick starts the reminders workflow", async () => {
      const fetch = makeFetch();
      const owner = await signUp(fetch, uniqueHandle("book"));
      await expectJson(
        owner.api("/api/event-types", {
          body: { slug: "call", title: "Call", durationMinutes: 30, ...openWeek(), minimumNoticeMinutes: 60 },
        }),
        201,
      );
      const day = isoDay(Date.now() + 3 * 86_400_000);
      const slots = await slotsOf(fetch, owner, "call", day);
      const start = slots[10]?.start;
      expect(start).toBeTruthy();
      const attempts = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          fetch(`/api/public/${owner.handle}/call/bookings`, {
            method: "POST",
            headers: { "content-type": "application/json", "cf-connecting-ip": `198.51.100.${i}` },
            body: JSON.stringify({
              start,
              timeZone: "Europe/Paris",
              name: `P${i}`,
              email: `p${i}@example.org`,
              answers: {},
            }),
          }),
        ),
      );
      const statuses = attempts.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      // The slot is gone for the next visitor.
      expect((await slotsOf(fetch, owner, "call", day)).map((s) => s.start)).not.toContain(start);

      const tick = await expectJson<{ mail: { sent: number } }>(
        owner.api("/api/workflows/tick", { method: "POST" }),
        200,
      );
      expect(tick).toHaveProperty("workflows");
      const runs = await expectJson<{ items: { workflow: string; status: string }[] }>(
        owner.api("/api/workflows/runs"),
        200,
      );
      expect(runs.items.map((r) => r.workflow)).toContain("booking-reminders");
      const bookings = await expectJson<{ items: { start: string; status: string }[] }>(
        owner.api(`/api/bookings?from=${day}&to=${day}`),
        200,
      );
      expect(bookings.items).toHaveLength(1);
      // The confirmation emails went through the outbox and out (delivery may finish after the response).
      await eventually(async () => {
        const outbox = await expectJson<{ items: { status: string }[] }>(owner.api("/api/outbox"), 200);
        expect(outbox.items.length).toBeGreaterThan(0);
        expect(outbox.items.map((m) => m.status)).toEqual(outbox.items.map(() => "sent"));
      });
    });

    it("issues an invoice and renders its Factur-X PDF with the bundled fonts, then sends it", async () => {
      const fetch = makeFetch();
      const { owner, missionId } = await billingOwner(fetch, "bill");
      const period = lastMonth();
      const draft = await expectJson<{ id: string; totals: { grossCents: number } }>(
        owner.api("/api/invoices", {
          body: {
            missionId,
            periodStart: period.start,
            periodEnd: period.end,
            lines: [{ description: "Développement", quantity: 20, unitPriceCents: 60_000, vatRate: 20 }],
          },
        }),
        201,
      );
      expect(draft.totals.grossCents).toBe(1_440_000);
      const issued = await expectJson<{ number: string }>(
        owner.api(`/api/invoices/${draft.id}/issue`, { method: "POST" }),
        200,
      );
      expect(issued.number).toMatch(/^F-\d{4}-0001$/);

      const pdf = await owner.api(`/api/invoices/${draft.id}/pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      const bytes = new Uint8Array(await pdf.arrayBuffer());
      const raw = new TextDecoder("latin1").decode(bytes);
      expect(raw.startsWith("%PDF-")).toBe(true);
      expect(raw.trimEnd().endsWith("%%EOF")).toBe(true);
      // Inter embedded as TrueType subsets, the CII attached as factur-x.xml, the sRGB output intent.
      const text = await pdfText(bytes);
      expect(text).toMatch(/\/FontFile2 \d+ 0 R/);
      expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+Inter-SemiBold/);
      expect(text).toContain("(factur-x.xml)");
      expect(text).toContain("/GTS_PDFA1");
      expect(text).toContain("<pdfaid:part>3</pdfaid:part>");
      expect(text).toContain(`<ram:ID>${issued.number}</ram:ID>`);
      const xml = await owner.api(`/api/invoices/${draft.id}/xml`);
      expect(await xml.text()).toContain(`<ram:ID>${issued.number}</ram:ID>`);
      const ubl = await owner.api(`/api/invoices/${draft.id}/ubl`);
      expect(ubl.status).toBe(200);
      expect(await ubl.text()).toContain(`<cbc:ID>${issued.number}</cbc:ID>`);

      await expectJson(owner.api(`/api/invoices/${draft.id}/send`, { method: "POST", body: {} }), 202);
      const outbox = await expectJson<{ items: { why: string; status: string; subject: string }[] }>(
        owner.api("/api/outbox"),
        200,
      );
      const sent = outbox.items.find((m) => m.subject.includes(issued.number));
      expect(sent?.status).toBe("sent");
    });

    it("takes leads from the API and from a CSV import run to the end, chunk by chunk", async () => {
      const fetch = makeFetch();
      const owner = await signUp(fetch, uniqueHandle("lead"));
      await expectJson(
        owner.api("/api/leads", { body: { name: "Quick Add", email: "quick@example.org" } }),
        201,
      );
      const csv = [
        "Name,Email,Company",
        ...Array.from({ length: 30 }, (_, i) => `Person ${i},p${i}@example.org,Co ${i}`),
      ];
      const upload = new FormData();
      upload.append("_csrf", owner.csrf);
      upload.append("file", new File([csv.join("\r\n")], "leads.csv", { type: "text/csv" }));
      const headers = { cookie: owner.cookie, origin: "http://creneau.test" };
      const staged = await fetch("/dashboard/leads/import", {
        method: "POST",
        body: upload,
        headers,
        redirect: "manual",
      });
      expect(staged.status).toBe(303);
      const job = staged.headers.get("location")!;
      expect(await (await owner.page(job)).text()).toContain("30");
      expect((await owner.form(`${job}/confirm`)).status).toBe(303);
      // On Workers every view of the progress page writes the next chunk; on Node it runs after the response.
      await eventually(async () => {
        const progress = await owner.page(job);
        await progress.text();
        expect(progress.headers.get("refresh")).toBeNull();
        const leads = await expectJson<{ items: { email: string }[] }>(
          owner.api("/api/leads?limit=100"),
          200,
        );
        expect(leads.items.map((l) => l.email).sort()).toHaveLength(31);
      }, 20_000);
    });
  });
}
