// The insights' arithmetic, weeks and charts, on small inputs whose answers are worked out by hand.
import { describe, expect, it } from "vitest";
import { groupedBars, niceTicks, timeBars } from "../../src/insights/charts.ts";
import { computeInsights, type LeadFact, median } from "../../src/insights/funnel.ts";
import { insightsCsv } from "../../src/insights/insights-csv.ts";
import { periodBounds, weekBuckets, weekIndex } from "../../src/insights/weeks.ts";

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);
const fact = (f: Partial<LeadFact> & Pick<LeadFact, "channel" | "createdAt">): LeadFact => ({
  hadCall: false,
  won: false,
  decidedAt: null,
  touched: false,
  revenueCents: 0,
  ...f,
});

describe("weeks in the owner's zone", () => {
  it("are Monday to Monday in local time, including across the spring DST change", () => {
    const weeks = weekBuckets("2027-03-24", "2027-04-02", "Europe/Paris");
    expect(weeks.map((w) => w.date)).toEqual(["2027-03-22", "2027-03-29"]);
    // Monday 22 March 00:00 is 23:00 UTC the day before (UTC+1); the week holding the change is an hour short.
    expect(new Date(weeks[0]!.startMs).toISOString()).toBe("2027-03-21T23:00:00.000Z");
    expect(weeks[0]!.endMs - weeks[0]!.startMs).toBe(7 * DAY - 3_600_000);
    expect(weekIndex(weeks, at("2027-03-28T21:59:59Z"))).toBe(0);
    expect(weekIndex(weeks, at("2027-03-28T22:00:00Z"))).toBe(1);
    expect(weekIndex(weeks, at("2027-03-21T22:59:59Z"))).toBe(-1);
  });

  it("bound a period by local midnights", () => {
    expect(periodBounds("2027-01-01", "2027-01-31", "Europe/Paris")).toEqual({
      startMs: at("2026-12-31T23:00:00Z"),
      endMs: at("2027-01-31T23:00:00Z"),
    });
  });
});

describe("the funnel", () => {
  const weeks = weekBuckets("2027-01-04", "2027-01-17", "UTC");
  const facts = [
    fact({
      channel: "malt",
      createdAt: at("2027-01-04T10:00:00Z"),
      hadCall: true,
      won: true,
      decidedAt: at("2027-01-14T10:00:00Z"),
      touched: true,
      revenueCents: 1_200_000,
    }),
    fact({ channel: "malt", createdAt: at("2027-01-05T10:00:00Z"), decidedAt: at("2027-01-07T10:00:00Z") }),
    fact({ channel: "malt", createdAt: at("2027-01-12T10:00:00Z"), touched: true }),
    fact({
      channel: "linkedin",
      createdAt: at("2027-01-06T10:00:00Z"),
      hadCall: true,
      decidedAt: at("2027-01-10T10:00:00Z"),
      touched: true,
    }),
    fact({
      channel: "linkedin",
      createdAt: at("2027-01-13T10:00:00Z"),
      decidedAt: at("2027-01-14T10:00:00Z"),
    }),
  ];
  const insights = computeInsights(facts, weeks);

  it("counts leads, calls, wins and revenue per channel, with the rates", () => {
    expect(insights.channels).toEqual([
      {
        channel: "malt",
        leads: 3,
        calls: 1,
        won: 1,
        revenueCents: 1_200_000,
        callRate: 1 / 3,
        callToWinRate: 1,
        winRate: 1 / 3,
      },
      {
        channel: "linkedin",
        leads: 2,
        calls: 1,
        won: 0,
        revenueCents: 0,
        callRate: 0.5,
        callToWinRate: 0,
        winRate: 0,
      },
    ]);
    expect(insights.total).toEqual({
      channel: "total",
      leads: 5,
      calls: 2,
      won: 1,
      revenueCents: 1_200_000,
      callRate: 0.4,
      callToWinRate: 0.5,
      winRate: 0.2,
    });
  });

  it("takes the median time to a decision over decided leads only (10, 2, 4 and 1 days → 3)", () => {
    expect(insights.decided).toBe(4);
    expect(insights.medianDaysToDecision).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
  });

  it("counts leads per week and the share nobody touched", () => {
    expect(insights.perWeek).toEqual([
      { weekStart: "2027-01-04", leads: 3 },
      { weekStart: "2027-01-11", leads: 2 },
    ]);
    expect(insights.untouched).toEqual({ count: 2, share: 0.4 });
  });

  it("has no rates rather than dividing by zero", () => {
    const empty = computeInsights([], weeks);
    expect(empty.total).toMatchObject({ leads: 0, callRate: null, winRate: null, callToWinRate: null });
    expect(empty.untouched.share).toBeNull();
    expect(empty.medianDaysToDecision).toBeNull();
  });

  it("exports CSV with formulas neutralised and rates as numbers", () => {
    const hostile = computeInsights(
      [fact({ channel: '=HYPERLINK("http://evil")', createdAt: at("2027-01-04T10:00:00Z") })],
      weeks,
    );
    const csv = insightsCsv(hostile, "funnel", { from: "2027-01-04", to: "2027-01-17" }, "en");
    expect(csv.startsWith("\uFEFFPeriod from,to,Channel,Leads")).toBe(true);
    expect(csv).toContain(`2027-01-04,2027-01-17,"'=HYPERLINK(""http://evil"")",1,0,0,0,0,,0\r\n`);
    expect(insightsCsv(insights, "weeks", { from: "2027-01-04", to: "2027-01-17" }, "fr")).toBe(
      "\uFEFFSemaine du,Prospects\r\n2027-01-04,3\r\n2027-01-11,2\r\n",
    );
  });
});

describe("charts", () => {
  it("are images with a title and a description, and escape the labels", () => {
    const svg = String(
      groupedBars({
        id: "c",
        title: "Funnel",
        description: "Leads, calls, won",
        seriesNames: ["Leads", "Calls", "Won"],
        groups: [{ label: "<script>", values: [4, 2, 1] }],
      }),
    );
    expect(svg).toContain('role="img" aria-labelledby="c-title c-desc"');
    expect(svg).toContain('<title id="c-title">Funnel</title><desc id="c-desc">Leads, calls, won</desc>');
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).not.toContain("<script>");
    // The longest bar spans the plot; the others in proportion.
    const widths = [...svg.matchAll(/<rect x="4" y="\d+" width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([340, 170, 85]);
  });

  it("label only every few weeks so a year stays legible on a phone", () => {
    const points = Array.from({ length: 52 }, (_, i) => ({ label: `w${i}`, value: i % 7 }));
    const svg = String(timeBars({ id: "w", title: "Weekly", description: "d", points, tickEvery: 7 }));
    expect(svg.match(/<rect /g)).toHaveLength(52);
    expect(svg.match(/text-anchor="middle"/g)).toHaveLength(8);
    expect(niceTicks(6)).toEqual([0, 2, 4, 6]);
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});
