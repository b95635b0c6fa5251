// Leads at volume, in-process through app.request (routing, session, queries and rendering; no network):
// the lead list page and the insights over 50,000 leads, and a 10,000-row CSV import from upload to done.
// Run alone with `node bench/leads.ts`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openSqlite } from "../src/platform/db/sqlite.ts";
import { ownerFixture } from "../test/helpers/owner-fixture.ts";
import { signedIn, uploadCsv, waitForImport } from "../test/leads/helpers.ts";
import type { Figure } from "./lib.ts";
import { percentile, printFigures, sample } from "./lib.ts";

const LEADS = 50_000;
const IMPORT_ROWS = 10_000;
const NOW = Date.parse("2027-03-01T09:00:00Z");
const DAY = 86_400_000;
const CHANNELS = [
  "malt",
  "malt",
  "malt",
  "linkedin",
  "linkedin",
  "comet",
  "referral",
  "referral",
  "agency",
  "direct",
];
const PATH = ["new", "call_scheduled", "call_done", "team_meeting", "technical_test", "proposal"];

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function seed(sqlite: ReturnType<typeof openSqlite>["sqlite"], ownerId: string): void {
  const next = random(42);
  const contact = sqlite.prepare(
    "INSERT INTO contacts (id, owner_id, email, name, company, locale, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'fr', ?, ?)",
  );
  const lead =
    sqlite.prepare(`INSERT INTO leads (id, owner_id, contact_id, source, verdict, reasons, stage, answers, created_at, updated_at, reached_call, decided_at, owner_touched)
    VALUES (?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?)`);
  const event = sqlite.prepare(
    "INSERT INTO lead_events (id, owner_id, lead_id, kind, data, at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  sqlite.transaction(() => {
    for (let i = 0; i < LEADS; i++) {
      const created = NOW - Math.floor(next() * 730 * DAY);
      const id = `lead-${i}`;
      contact.run(
        `contact-${i}`,
        ownerId,
        `person${i}@example.org`,
        `Person ${i}`,
        i % 3 ? `Company ${i % 500}` : null,
        created,
        created,
      );
      const roll = next();
      const steps = Math.floor(next() * PATH.length);
      const stage = roll < 0.08 ? "won" : roll < 0.3 ? "lost" : roll < 0.45 ? "declined" : PATH[steps]!;
      const verdict = stage === "declined" ? "declined" : roll < 0.6 ? "qualified" : "review";
      const by = next() < 0.6 ? "owner" : "api";
      const closed = stage === "won" || stage === "lost" || stage === "declined";
      let at = created;
      const moves: [string, string, number][] = [];
      for (let s = 1; s <= steps && s < PATH.length; s++) {
        at += Math.floor(next() * 5 * DAY);
        moves.push([PATH[s - 1]!, PATH[s]!, at]);
      }
      if (closed) moves.push([PATH[steps]!, stage, at + DAY]);
      const touched = by === "owner" && moves.length > 0 ? 1 : 0;
      lead.run(
        id,
        ownerId,
        `contact-${i}`,
        CHANNELS[i % CHANNELS.length],
        verdict,
        stage,
        JSON.stringify({ dailyRate: 50_000 + (i % 30) * 1000, durationMonths: 6 }),
        created,
        at,
        steps > 0 ? 1 : 0,
        closed ? at + DAY : null,
        touched,
      );
      event.run(`${id}-c`, ownerId, id, "lead.created", JSON.stringify({ via: "api", by: "api" }), created);
      for (const [s, [from, to, when]] of moves.entries())
        event.run(`${id}-s${s}`, ownerId, id, "stage.changed", JSON.stringify({ from, to, by }), when);
    }
  })();
}

async function listAndInsights(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "creneau-bench-leads-"));
  try {
    const database = openSqlite(path.join(dir, "creneau.sqlite"));
    const f = await ownerFixture({ now: new Date(NOW).toISOString(), database });
    seed(database.sqlite, f.owner.id);
    database.sqlite.pragma("optimize");
    const session = await signedIn(f);
    const get = async (url: string) => {
      const response = await session.get(url);
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
      await response.text();
    };
    const list = await sample(() => get("/dashboard/leads"), 200, 20);
    const filtered = await sample(() => get("/dashboard/leads?stage=proposal&source=malt"), 100, 10);
    const searched = await sample(() => get("/dashboard/leads?q=person4999"), 50, 5);
    const board = await sample(() => get("/dashboard/leads/board"), 50, 5);
    const insights = await sample(() => get("/dashboard/insights?from=2025-03-02&to=2027-03-01"), 20, 3);
    const ms = (v: number) => Math.round(v * 10) / 10;
    return [
      {
        name: `lead list page, ${LEADS} leads (p95 of 200)`,
        value: ms(percentile(list, 95)),
        unit: "ms",
        budget: "< 100 ms",
        ok: percentile(list, 95) < 100,
      },
      {
        name: "lead list page, filtered by stage and channel (p95)",
        value: ms(percentile(filtered, 95)),
        unit: "ms",
        budget: "< 100 ms",
        ok: percentile(filtered, 95) < 100,
      },
      {
        name: "lead list page, searched by name (p95)",
        value: ms(percentile(searched, 95)),
        unit: "ms",
        budget: "< 100 ms",
        ok: percentile(searched, 95) < 100,
      },
      {
        name: "lead board (p95)",
        value: ms(percentile(board, 95)),
        unit: "ms",
        budget: "< 300 ms",
        ok: percentile(board, 95) < 300,
      },
      {
        name: `insights page over ${LEADS} leads, 2 years (p95 of 20)`,
        value: ms(percentile(insights, 95)),
        unit: "ms",
        budget: "< 300 ms",
        ok: percentile(insights, 95) < 300,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function csvImport(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "creneau-bench-import-"));
  try {
    const database = openSqlite(path.join(dir, "creneau.sqlite"));
    const f = await ownerFixture({ now: new Date(NOW).toISOString(), database });
    const session = await signedIn(f);
    const lines = ["Nom;E-mail;Entreprise;Source;TJM;Durée;Stack"];
    for (let i = 0; i < IMPORT_ROWS; i++)
      lines.push(
        `Personne ${i};p${i}@example.org;Société ${i % 300};${CHANNELS[i % CHANNELS.length]};${500 + (i % 40) * 10} €;${1 + (i % 12)} mois;TypeScript, React`,
      );
    const bytes = new TextEncoder().encode(lines.join("\r\n"));
    const started = performance.now();
    const upload = await uploadCsv(f, session, bytes);
    const jobPath = upload.headers.get("location")!;
    const previewed = performance.now();
    await (await session.get(jobPath)).text();
    const confirm = await session.post(`${jobPath}/confirm`, {}, { csrfFrom: jobPath });
    if (confirm.status !== 303) throw new Error(`confirm: ${confirm.status}`);
    const done = await waitForImport(session, jobPath);
    const total = performance.now() - started;
    const imported = (database.sqlite.prepare("SELECT COUNT(*) AS n FROM leads").get() as { n: number }).n;
    if (imported !== IMPORT_ROWS || !done.includes("Import terminé"))
      throw new Error(`imported ${imported} of ${IMPORT_ROWS}`);
    return [
      {
        name: `CSV import of ${IMPORT_ROWS} rows: upload to preview`,
        value: Math.round(previewed - started),
        unit: "ms",
        budget: "(part of the total)",
        ok: true,
      },
      {
        name: `CSV import of ${IMPORT_ROWS} rows: upload, preview, confirm, done`,
        value: Math.round(total),
        unit: "ms",
        budget: "< 5000 ms",
        ok: total < 5000,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Figure[]> {
  return [...(await listAndInsights()), ...(await csvImport())];
}

if (import.meta.main) printFigures(await run());
