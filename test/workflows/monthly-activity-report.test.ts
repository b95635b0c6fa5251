import { describe, expect, it } from "vitest";
import { reportCheckEmail } from "../../src/missions/emails/report-check-email.ts";
import { reportReminderEmail } from "../../src/missions/emails/report-reminder-email.ts";
import { lastWorkingDay, reportMonthsDue } from "../../src/missions/last-working-day.ts";
import { tick } from "../../src/platform/tick.ts";
import { BrowserSession } from "../helpers/browser-session.ts";
import { CLIENT } from "../invoicing/api-fixture.ts";
import {
  DAY,
  type Fixture,
  HOUR,
  linkPath,
  missionFixture,
  runsOf,
  workflowMails,
} from "./mission-workflow-fixture.ts";

const NAME = "monthly-activity-report";
// Wednesday 31 March 2027 is March's last working day; Paris is on summer time (UTC+2) since the 28th.
const DUE = Date.parse("2027-03-31T07:00:00Z");
const SENT = Date.parse("2027-03-31T10:00:00Z");

interface Report {
  id: string;
  status: string;
  totalDays: number;
  days: { date: string; fraction: number }[];
}

async function prepared(options: Parameters<typeof missionFixture>[0] = {}) {
  const f = await missionFixture({ now: "2027-03-15T09:00:00Z", ...options });
  f.clock.set(DUE + 30_000);
  await tick(f.deps);
  return f;
}

const base = (f: Fixture) => `/api/missions/${f.missionId}/activity-reports`;

async function submit(f: Fixture, at = SENT): Promise<{ reviewUrl: string }> {
  f.clock.set(at);
  return f.json(`${base(f)}/2027-03/submit`, { method: "POST" }, 200);
}

describe("monthly-activity-report", () => {
  it("prepares the report on the month's last working day at 09:00 Paris and asks the owner once", async () => {
    const f = await missionFixture({ now: "2027-03-15T09:00:00Z" });
    await f.json("/api/settings/days-off", { method: "PUT", body: { dates: ["2027-03-19"] } }, 200);
    for (const at of ["2027-03-30T16:00:00Z", DUE - 60_000]) {
      f.clock.set(at);
      await tick(f.deps);
    }
    expect(await runsOf(f, NAME)).toHaveLength(0);
    expect((await f.api(`${base(f)}/2027-03`)).status).toBe(404);

    f.clock.set(DUE + 30_000);
    for (let i = 0; i < 3; i++) await tick(f.deps);
    f.clock.advance(6 * HOUR);
    await tick(f.deps);

    const report = await f.json<Report>(`${base(f)}/2027-03`, {}, 200);
    // 23 weekdays, less Easter Monday (29th) and the owner's day off (19th).
    expect(report).toMatchObject({ status: "draft", totalDays: 21 });
    expect(report.days.map((d) => d.date)).not.toContain("2027-03-29");
    const asked = await workflowMails(f, NAME);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ toAddress: "jean@example.com", status: "sent", locale: "fr" });
    expect(asked[0]!.subject).toContain("mars 2027");
    expect(asked[0]!.text).toContain("21 jours");
    expect(linkPath(asked[0]!.text, "/dashboard/")).toBe(`/dashboard/missions/${f.missionId}?month=2027-03`);
    const runs = await runsOf(f, NAME);
    expect(runs.map((r) => [r.key, r.status, r.waitingOn])).toEqual([
      [`${f.missionId}:2027-03`, "waiting", `event:activity-report.checked:${f.missionId}:2027-03`],
    ]);
  });

  it("once the owner sent it, reminds the client three days later, once, with a List-Unsubscribe header", async () => {
    const f = await prepared();
    const { reviewUrl } = await submit(f);
    await tick(f.deps);
    expect((await runsOf(f, NAME))[0]?.waitingOn).toBe(
      `event:activity-report.decided:${f.missionId}:2027-03`,
    );
    f.clock.set(SENT + 3 * DAY - 60_000);
    await tick(f.deps);
    expect(await workflowMails(f, NAME)).toHaveLength(1);

    f.clock.set(SENT + 3 * DAY + 60_000);
    await tick(f.deps);
    await tick(f.deps);
    f.clock.advance(5 * DAY);
    await tick(f.deps);
    const [, reminder, ...more] = await workflowMails(f, NAME);
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({ toAddress: CLIENT.billingEmail, status: "sent", locale: "fr" });
    expect(reminder!.subject).toMatch(/^Rappel/);
    expect(reminder!.text).toContain("31/03/2027");
    expect(linkPath(reminder!.text, "/r/")).toBe(new URL(reviewUrl).pathname);
    expect(reminder!.headers?.["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/r\/opt-out\/[^>]+>/);
    expect((await runsOf(f, NAME))[0]?.status).toBe("completed");
  });

  it("the client's answer ends the wait: no reminder", async () => {
    const f = await prepared();
    const { reviewUrl } = await submit(f);
    await tick(f.deps);
    f.clock.advance(DAY);
    const path = new URL(reviewUrl).pathname;
    const client = new BrowserSession(f);
    expect((await client.post(path, { decision: "approve" }, { csrfFrom: path })).status).toBe(303);
    await tick(f.deps);
    expect((await runsOf(f, NAME))[0]?.status).toBe("completed");
    f.clock.set(SENT + 4 * DAY);
    await tick(f.deps);
    expect((await workflowMails(f, NAME)).map((m) => m.toAddress)).toEqual(["jean@example.com"]);
  });

  it("leaves a report the owner already sent alone (no check email) and reminds in the client's language", async () => {
    const f = await missionFixture({ now: "2027-03-15T09:00:00Z", client: { ...CLIENT, locale: "en" } });
    const days = [{ date: "2027-03-01", fraction: 1 }];
    await f.json(base(f), { body: { month: "2027-03", days } }, 201);
    await submit(f, Date.parse("2027-03-30T10:00:00Z"));
    // A second mission whose March report is approved already: nothing to do at all.
    const other = await f.json<{ id: string }>(
      "/api/missions",
      {
        body: {
          title: "Audit",
          dailyRateCents: 50_000,
          startDate: "2027-03-01",
          source: "direct",
          billingMode: "monthly",
          clientId: f.clientId,
        },
      },
      201,
    );
    const otherBase = `/api/missions/${other.id}/activity-reports`;
    await f.json(otherBase, { body: { month: "2027-03", days } }, 201);
    await f.json(`${otherBase}/2027-03/approve`, { method: "POST" }, 200);

    f.clock.set(DUE + 30_000);
    await tick(f.deps);
    expect(await workflowMails(f, NAME)).toEqual([]);
    expect((await f.json<Report>(`${base(f)}/2027-03`)).days).toEqual(days);
    f.clock.set(Date.parse("2027-04-02T10:00:30Z"));
    await tick(f.deps);
    const mails = await workflowMails(f, NAME);
    expect(mails.map((m) => [m.toAddress, m.locale])).toEqual([[CLIENT.billingEmail, "en"]]);
    expect(mails[0]!.subject).toContain("awaits your approval");
    const runs = await runsOf(f, NAME);
    expect(runs.find((r) => r.key.startsWith(other.id))?.status).toBe("completed");
  });

  it("a late tick catches up once within ten days; later, the month is left to the owner", async () => {
    const late = await missionFixture({ now: "2027-03-15T09:00:00Z" });
    for (const at of ["2027-04-03T08:00:00Z", "2027-04-03T08:01:00Z", "2027-04-20T08:00:00Z"]) {
      late.clock.set(at);
      await tick(late.deps);
    }
    expect((await runsOf(late, NAME)).map((r) => r.key)).toEqual([`${late.missionId}:2027-03`]);
    const mails = await workflowMails(late, NAME);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("mars 2027");

    const tooLate = await missionFixture({ now: "2027-03-15T09:00:00Z" });
    tooLate.clock.set("2027-04-11T08:00:00Z");
    await tick(tooLate.deps);
    expect(await runsOf(tooLate, NAME)).toEqual([]);
  });

  it("skips the reminder when the mission was cancelled, the report reopened, or the moment long gone", async () => {
    const cancelled = await prepared();
    await submit(cancelled);
    await tick(cancelled.deps);
    await cancelled.json(
      `/api/missions/${cancelled.missionId}`,
      { method: "PATCH", body: { status: "cancelled" } },
      200,
    );

    const reopened = await prepared();
    await submit(reopened);
    await tick(reopened.deps);
    const days = [{ date: "2027-03-02", fraction: 1 }];
    await reopened.json(base(reopened), { body: { month: "2027-03", days } }, 200);

    const stale = await prepared();
    await submit(stale);
    for (const f of [cancelled, reopened]) {
      f.clock.set(SENT + 3 * DAY + 60_000);
      await tick(f.deps);
    }
    stale.clock.set(SENT + 11 * DAY); // the scheduler was down since the report was sent
    await tick(stale.deps);
    for (const f of [cancelled, reopened, stale]) {
      expect((await workflowMails(f, NAME)).map((m) => m.toAddress)).toEqual(["jean@example.com"]);
      expect((await runsOf(f, NAME))[0]?.status).toBe("completed");
    }
  });

  it("skips a mission cancelled before its month's last working day", async () => {
    const f = await missionFixture({ now: "2027-03-15T09:00:00Z" });
    await f.json(`/api/missions/${f.missionId}`, { method: "PATCH", body: { status: "cancelled" } }, 200);
    f.clock.set(DUE + 30_000);
    await tick(f.deps);
    expect(await runsOf(f, NAME)).toEqual([]);
    expect(await workflowMails(f, NAME)).toEqual([]);
  });
});

describe("last working day", () => {
  it("skips weekends and French public holidays", () => {
    expect(lastWorkingDay("2027-03")).toBe("2027-03-31");
    expect(lastWorkingDay("2027-10")).toBe("2027-10-29"); // the 30th and 31st are a weekend
    expect(lastWorkingDay("2057-05")).toBe("2057-05-30"); // the 31st is Whit Monday
  });

  it("is due from 09:00 in the owner's zone, and last month stays due ten days for a late scheduler", () => {
    const at = Date.parse("2027-03-31T08:00:00Z");
    expect(reportMonthsDue(at, "Europe/Paris")).toEqual(["2027-03"]);
    expect(reportMonthsDue(at, "America/New_York")).toEqual([]); // 04:00 there
    expect(reportMonthsDue(Date.parse("2027-04-09T12:00:00Z"), "Europe/Paris")).toEqual(["2027-03"]);
    expect(reportMonthsDue(Date.parse("2027-04-11T12:00:00Z"), "Europe/Paris")).toEqual([]);
  });
});

describe("report emails", () => {
  it("render in French and English with every variable filled", () => {
    const data = {
      clientName: "ACME",
      missionTitle: "API",
      month: "2027-03",
      days: [{ date: "2027-03-01", fraction: 1 }],
      dailyRateCents: 60_000,
    };
    for (const locale of ["fr", "en"] as const) {
      for (const final of [false, true]) {
        const mail = reportCheckEmail({ ...data, locale, final, checkUrl: "https://x.test/dashboard" });
        expect(mail.text).not.toMatch(/\{\w+\}/);
        expect(mail.html.includes("automati")).toBe(final);
      }
      const reminder = reportReminderEmail({
        ...data,
        locale,
        owner: { name: "Jean", email: "jean@example.com" },
        sentOn: "2027-03-31",
        reviewUrl: "https://x.test/r/t",
        optOutUrl: "https://x.test/r/opt-out/t",
      });
      expect(`${reminder.subject}${reminder.text}`).not.toMatch(/\{\w+\}/);
      expect(reminder.text).toContain("https://x.test/r/opt-out/t");
    }
  });
});
