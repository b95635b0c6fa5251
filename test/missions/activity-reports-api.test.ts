import { describe, expect, it } from "vitest";
import { BrowserSession } from "../helpers/browser-session.ts";
import type { CapturingTransport } from "../helpers/test-app.ts";
import { CLIENT, invoicingFixture } from "../invoicing/api-fixture.ts";

const APRIL = [
  { date: "2027-04-01", fraction: 1 },
  { date: "2027-04-02", fraction: 0.5 },
];

interface Report {
  id: string;
  month: string;
  status: string;
  totalDays: number;
  amountCents: number;
  invoiceId: string | null;
  clientComment: string | null;
  reviewUrl?: string;
  unusualDays: { date: string; reason: string }[];
}

describe("activity reports API", () => {
  it("saves a month's days (then replaces them), with the total and the amount", async () => {
    const f = await invoicingFixture();
    const base = `/api/missions/${f.missionId}/activity-reports`;
    const created = await f.json<Report>(base, { body: { month: "2027-04", days: APRIL } }, 201);
    expect(created).toMatchObject({ month: "2027-04", status: "draft", totalDays: 1.5, amountCents: 90_000 });
    const replaced = await f.json<Report>(
      base,
      { body: { month: "2027-04", days: [...APRIL, { date: "2027-04-03", fraction: 1 }] } },
      200,
    );
    expect(replaced).toMatchObject({ id: created.id, totalDays: 2.5 });
    // A Saturday is accepted, and pointed out.
    expect(replaced.unusualDays).toEqual([{ date: "2027-04-03", reason: "weekend" }]);
    const list = await f.json<{ items: Report[] }>(base);
    expect(list.items.map((r) => r.month)).toEqual(["2027-04"]);
    expect((await f.json<Report>(`${base}/2027-04`)).totalDays).toBe(2.5);
  });

  it("refuses negative or odd fractions, days outside the month or the mission, duplicates", async () => {
    const f = await invoicingFixture({ mission: { startDate: "2027-03-10", plannedEndDate: "2027-12-31" } });
    const base = `/api/missions/${f.missionId}/activity-reports`;
    const cases: [unknown, string][] = [
      [{ month: "2027-04", days: [{ date: "2027-04-01", fraction: -1 }] }, "days[0].fraction"],
      [{ month: "2027-04", days: [{ date: "2027-04-01", fraction: 0.25 }] }, "days[0].fraction"],
      [{ month: "2027-04", days: [{ date: "2027-05-03", fraction: 1 }] }, "days[0].date"],
      [{ month: "2027-04", days: [{ date: "2027-04-31", fraction: 1 }] }, "days[0].date"],
      [{ month: "2027-04", days: [APRIL[0], APRIL[0]] }, "days[1].date"],
      [{ month: "2027-03", days: [{ date: "2027-03-09", fraction: 1 }] }, "days[0].date"],
      [{ month: "2027-02", days: [] }, "month"],
      [{ month: "2027-4", days: [] }, "month"],
    ];
    for (const [body, path] of cases) {
      const response = await f.api(base, { body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      const problem = (await response.json()) as { errors: { path: string }[] };
      expect(
        problem.errors.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expect((await f.json<{ items: unknown[] }>(base)).items).toEqual([]);
  });

  it("prefills weekdays minus French holidays and the owner's days off, within the mission", async () => {
    const f = await invoicingFixture({ mission: { startDate: "2027-05-04" } });
    await f.json(
      "/api/settings/days-off",
      { method: "PUT", body: { dates: ["2027-05-14", "2027-05-14"] } },
      200,
    );
    expect(await f.json("/api/settings/days-off")).toEqual({ dates: ["2027-05-14"] });
    const prefill = await f.json<{ days: { date: string; fraction: number }[]; totalDays: number }>(
      `/api/missions/${f.missionId}/activity-reports/2027-05/prefill`,
    );
    const dates = prefill.days.map((d) => d.date);
    // May 2027: 21 weekdays; before the start (3rd), Ascension (6th), Whit Monday (17th), a day off (14th).
    expect(prefill.totalDays).toBe(17);
    for (const missing of [
      "2027-05-03",
      "2027-05-06",
      "2027-05-14",
      "2027-05-17",
      "2027-05-01",
      "2027-05-08",
    ])
      expect(dates).not.toContain(missing);
    expect(dates[0]).toBe("2027-05-04");
    expect(prefill.days.every((d) => d.fraction === 1)).toBe(true);
  });

  it("sends the report to the client, who approves it: a draft invoice follows and the owner is told", async () => {
    const f = await invoicingFixture({ client: { ...CLIENT, locale: "en" } });
    const base = `/api/missions/${f.missionId}/activity-reports`;
    await f.json(
      base,
      {
        body: {
          month: "2027-03",
          days: [
            { date: "2027-03-01", fraction: 1 },
            { date: "2027-03-02", fraction: 0.5 },
          ],
        },
      },
      201,
    );
    const submitted = await f.json<Report>(`${base}/2027-03/submit`, { method: "POST" }, 200);
    expect(submitted.status).toBe("submitted");
    const transport = f.deps.transport as CapturingTransport;
    const email = transport.sent.at(-1)!;
    expect(email.to.address).toBe(CLIENT.billingEmail);
    // In the client's language, with the signed link.
    expect(email.subject).toBe(
      "Jean Dupont's activity in March 2027 (Refonte de l'API de facturation): please approve",
    );
    expect(email.text).toContain(submitted.reviewUrl!);

    const path = new URL(submitted.reviewUrl!).pathname;
    const client = new BrowserSession(f, "en");
    const page = await (await client.get(path)).text();
    expect(page).toContain('lang="en"');
    expect(page).toContain("1.5 days");
    // Without the form's CSRF token nothing happens.
    expect((await client.post(path, { decision: "approve" })).status).toBe(403);
    const token = await client.csrfFrom(path);
    const approved = await client.post(path, { _csrf: token, decision: "approve", comment: "" });
    expect(approved.status).toBe(303);

    const report = await f.json<Report>(`${base}/2027-03`);
    expect(report.status).toBe("approved");
    expect(report.invoiceId).toBeTruthy();
    const invoice = await f.json(`/api/invoices/${report.invoiceId}`);
    expect(invoice).toMatchObject({
      status: "draft",
      activityReportId: report.id,
      periodStart: "2027-03-01",
      periodEnd: "2027-03-31",
      lines: [
        {
          description: "Refonte de l'API de facturation — March 2027",
          quantity: 1.5,
          unitPriceCents: 60_000,
          vatRate: 20,
          unit: "DAY",
        },
      ],
      totals: { netCents: 90_000, vatCents: 18_000, grossCents: 108_000 },
    });
    const toOwner = transport.sent.at(-1)!;
    expect(toOwner.to.address).toBe("jean@example.com");
    expect(toOwner.subject).toContain("a validé");
    // A second click changes nothing; an approved report no longer changes; it is invoiced once.
    expect((await client.post(path, { _csrf: token, decision: "contest", comment: "oops" })).status).toBe(
      303,
    );
    expect((await f.json<Report>(`${base}/2027-03`)).status).toBe("approved");
    expect((await f.api(base, { body: { month: "2027-03", days: [] } })).status).toBe(409);
    const again = await f.api("/api/invoices", { body: { activityReportId: report.id } });
    expect(again.status).toBe(409);
    expect(transport.sent.filter((m) => m.to.address === "jean@example.com")).toHaveLength(1);
  });

  it("lets the client contest with a comment; the owner corrects and re-sends, and the old link is dead", async () => {
    const f = await invoicingFixture();
    const base = `/api/missions/${f.missionId}/activity-reports`;
    await f.json(base, { body: { month: "2027-03", days: [{ date: "2027-03-01", fraction: 1 }] } }, 201);
    const first = await f.json<Report>(`${base}/2027-03/submit`, { method: "POST" }, 200);
    const path = new URL(first.reviewUrl!).pathname;
    const client = new BrowserSession(f);
    const empty = await client.post(path, { decision: "contest", comment: " " }, { csrfFrom: path });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Expliquez ce qui ne va pas");
    await client.post(
      path,
      { decision: "contest", comment: "Le 1er était <férié> chez nous" },
      { csrfFrom: path },
    );
    const contested = await f.json<Report>(`${base}/2027-03`);
    expect(contested).toMatchObject({
      status: "contested",
      clientComment: "Le 1er était <férié> chez nous",
      invoiceId: null,
    });
    const ownerMail = (f.deps.transport as CapturingTransport).sent.at(-1)!;
    expect(ownerMail.subject).toContain("conteste");
    expect(ownerMail.html).toContain("&lt;férié&gt;");

    await f.json(base, { body: { month: "2027-03", days: [{ date: "2027-03-02", fraction: 1 }] } }, 200);
    const second = await f.json<Report>(`${base}/2027-03/submit`, { method: "POST" }, 200);
    expect(second.reviewUrl).not.toBe(first.reviewUrl);
    // The first email's link now only says the report changed; it cannot approve the new days.
    const stale = await (await client.get(path)).text();
    expect(stale).toContain("a été modifié");
    expect(stale).not.toContain('value="approve"');
    const tampered = `${path.slice(0, -2)}xx`;
    expect((await client.get(tampered)).status).toBe(404);
  });

  it("lets the owner record an approval given elsewhere, and refuses an empty report", async () => {
    const f = await invoicingFixture({ mission: { billingMode: "end" } });
    const base = `/api/missions/${f.missionId}/activity-reports`;
    await f.json(base, { body: { month: "2027-03", days: [] } }, 201);
    expect((await f.api(`${base}/2027-03/submit`, { method: "POST" })).status).toBe(422);
    expect((await f.api(`${base}/2027-03/approve`, { method: "POST" })).status).toBe(422);
    await f.json(
      base,
      { body: { month: "2027-03", days: APRIL.map((d) => ({ ...d, date: d.date.replace("04", "03") })) } },
      200,
    );
    const approved = await f.json<Report>(`${base}/2027-03/approve`, { method: "POST" }, 200);
    // Billed at the end of the mission: no monthly draft.
    expect(approved).toMatchObject({ status: "approved", invoiceId: null });
    const invoice = await f.json<{ totals: { netCents: number }; lines: { description: string }[] }>(
      "/api/invoices",
      { body: { missionId: f.missionId, periodStart: "2027-03-01", periodEnd: "2027-04-30" } },
      201,
    );
    expect(invoice.totals.netCents).toBe(90_000);
    expect(invoice.lines[0]!.description).toBe(
      "Refonte de l'API de facturation — du 01/03/2027 au 30/04/2027",
    );
  });
});
