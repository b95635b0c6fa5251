// The list (with its CSV export) and the board.
import { Hono } from "hono";
import { csvLine } from "../../invoicing/csv.ts";
import { dateInZone } from "../../missions/plain-date.ts";
import type { AppContext, AppEnv } from "../../platform/http/context.ts";
import { todayIn } from "../../scheduling/zoned-bounds.ts";
import {
  boardCards,
  countByStage,
  countLeads,
  getLeadWithContact,
  type LeadFilter,
  listLeads,
  listSources,
} from "../lead-queries.ts";
import { boardPage } from "../pages/board-page.ts";
import { channelLabel, stageLabel, verdictLabel } from "../pages/labels.ts";
import { type ListFilterValues, listPage } from "../pages/list-page.ts";
import { isStage, type Stage } from "../pipeline.ts";

const PAGE_SIZE = 50;
const CARDS_PER_STAGE = 20;
const VERDICTS = ["qualified", "review", "declined"] as const;

function filterValues(c: AppContext): ListFilterValues {
  const q = c.req.query();
  return {
    stage: isStage(q.stage) ? q.stage : "",
    verdict: (VERDICTS as readonly string[]).includes(q.verdict ?? "") ? (q.verdict as string) : "",
    source: (q.source ?? "").slice(0, 60),
    q: (q.q ?? "").trim().slice(0, 100),
  };
}

function toFilter(v: ListFilterValues): LeadFilter {
  return {
    ...(v.stage ? { stage: [v.stage as Stage] } : {}),
    ...(v.verdict ? { verdict: [v.verdict as (typeof VERDICTS)[number]] } : {}),
    ...(v.source ? { source: [v.source] } : {}),
    ...(v.q ? { search: v.q } : {}),
  };
}

export function parseCursor(cursor: string | undefined): { createdAt: number; id: string } | undefined {
  const match = /^(\d{1,16})_(.{1,100})$/.exec(cursor ?? "");
  return match ? { createdAt: Number(match[1]), id: match[2]! } : undefined;
}

export function listRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/leads", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const values = filterValues(c);
    const filter = toFilter(values);
    const [items, total, sources] = await Promise.all([
      listLeads(deps.database, owner.id, filter, {
        limit: PAGE_SIZE + 1,
        before: parseCursor(c.req.query("cursor")),
      }),
      countLeads(deps.database, owner.id, filter),
      listSources(deps.database, owner.id),
    ]);
    const pageItems = items.slice(0, PAGE_SIZE);
    const last = items.length > PAGE_SIZE ? pageItems[pageItems.length - 1] : undefined;
    return c.html(
      listPage({
        owner,
        csrfToken: c.get("csrfToken"),
        items: pageItems,
        total,
        filter: values,
        sources,
        nextCursor: last ? `${last.createdAt}_${last.id}` : null,
        erased: c.req.query("erased") === "1",
      }),
    );
  });

  app.get("/leads/export.csv", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const locale = owner.locale;
    const items = await listLeads(deps.database, owner.id, toFilter(filterValues(c)), { limit: 1_000_000 });
    const header =
      locale === "fr"
        ? ["Date", "Nom", "E-mail", "Entreprise", "Canal", "Tri", "Étape"]
        : ["Date", "Name", "Email", "Company", "Channel", "Triage", "Stage"];
    const lines = items.map((l) =>
      csvLine([
        dateInZone(l.createdAt, owner.timeZone),
        l.name,
        l.email.endsWith("@unknown.invalid") ? "" : l.email,
        l.company,
        channelLabel(l.source, locale),
        verdictLabel(l.verdict, locale),
        stageLabel(l.stage, locale),
      ]),
    );
    // The BOM tells spreadsheets the file is UTF-8, so accents survive a double click.
    return c.body(`\uFEFF${csvLine(header)}${lines.join("")}`, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="leads-${todayIn(deps.clock.now(), owner.timeZone)}.csv"`,
    });
  });

  app.get("/leads/board", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const [cards, counts] = await Promise.all([
      boardCards(deps.database, owner.id, CARDS_PER_STAGE),
      countByStage(deps.database, owner.id),
    ]);
    const movedId = c.req.query("moved");
    const moved = movedId ? await getLeadWithContact(deps.database, owner.id, movedId) : undefined;
    return c.html(
      boardPage({
        owner,
        csrfToken: c.get("csrfToken"),
        cards,
        counts,
        moved: moved && isStage(moved.stage) ? { name: moved.contact.name, stage: moved.stage } : null,
      }),
    );
  });

  return app;
}
