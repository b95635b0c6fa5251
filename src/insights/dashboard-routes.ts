// /dashboard/insights and its CSV export, over a period of dates in the owner's zone.
import { Hono } from "hono";
import { Temporal } from "temporal-polyfill";
import { requireSession } from "../accounts/sessions.ts";
import { parsePlainDate } from "../missions/plain-date.ts";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { todayIn } from "../scheduling/zoned-bounds.ts";
import { assembleInsights, type Insights } from "./funnel.ts";
import { insightsCsv } from "./insights-csv.ts";
import { insightsPage } from "./insights-page.ts";
import { insightCounts } from "./insights-store.ts";
import { periodBounds, weekBuckets } from "./weeks.ts";

const MAX_DAYS = 3 * 366;

interface Period {
  from: string;
  to: string;
  today: string;
  bad: boolean;
}

function periodOf(c: AppContext): Period {
  const owner = c.get("owner")!;
  const today = Temporal.PlainDate.from(todayIn(c.get("deps").clock.now(), owner.timeZone));
  const fallback = {
    from: today.subtract({ days: 364 }).toString(),
    to: today.toString(),
    today: today.toString(),
  };
  const fromText = c.req.query("from");
  const toText = c.req.query("to");
  if (!fromText && !toText) return { ...fallback, bad: false };
  const from = parsePlainDate(fromText ?? "");
  const to = parsePlainDate(toText ?? "");
  if (!from || !to || Temporal.PlainDate.compare(from, to) > 0 || from.until(to).days > MAX_DAYS)
    return { ...fallback, bad: true };
  return { from: from.toString(), to: to.toString(), today: today.toString(), bad: false };
}

export async function insightsFor(c: AppContext, period: { from: string; to: string }): Promise<Insights> {
  const owner = c.get("owner")!;
  const bounds = periodBounds(period.from, period.to, owner.timeZone);
  const weeks = weekBuckets(period.from, period.to, owner.timeZone);
  return assembleInsights(await insightCounts(c.get("deps").database, owner.id, bounds, weeks));
}

export function insightsDashboardRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/insights", requireSession());
  app.use("/insights.csv", requireSession());

  app.get("/insights", async (c) => {
    const period = periodOf(c);
    const today = Temporal.PlainDate.from(period.today);
    return c.html(
      insightsPage({
        owner: c.get("owner")!,
        csrfToken: c.get("csrfToken"),
        from: period.from,
        to: period.to,
        presets: {
          last3: today.subtract({ months: 3 }).add({ days: 1 }).toString(),
          last12: today.subtract({ days: 364 }).toString(),
          today: period.today,
        },
        insights: await insightsFor(c, period),
        badPeriod: period.bad,
      }),
      period.bad ? 400 : 200,
    );
  });

  app.get("/insights.csv", async (c) => {
    const period = periodOf(c);
    const table = c.req.query("table") === "weeks" ? "weeks" : "funnel";
    const body = insightsCsv(await insightsFor(c, period), table, period, c.get("owner")!.locale);
    return c.body(body, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="insights-${table}-${period.from}-${period.to}.csv"`,
    });
  });

  return app;
}
