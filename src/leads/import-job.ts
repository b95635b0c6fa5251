// Importing a CSV in two steps the owner controls: the file is read and stored for a preview (nothing is
// imported), then, once confirmed, its valid rows are written in chunks. Each chunk and the progress the
// page shows are one atomic batch, so an interrupted import resumes exactly where it stopped, and an
// import can be undone as a whole (its rows carry the job's id).
import { type SQL, sql } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { todayIn } from "../scheduling/zoned-bounds.ts";
import type { CsvEncoding } from "./csv/decode.ts";
import type { Delimiter } from "./csv/parse.ts";
import { type PlannedRow, planAgainstExisting, type ReadFile, readImportText } from "./csv/plan.ts";
import { existingContacts } from "./lead-queries.ts";
import type { LeadSettings } from "./lead-settings.ts";
import { insertLead } from "./lead-store.ts";
import { eventStatement } from "./lead-writes.ts";
import { ROLE_QUESTIONS, roleAnswersAsAnswers } from "./role-answers.ts";
import {
  deleteSettingStatement,
  getLeadSettings,
  getSetting,
  putSettingStatement,
} from "./settings-store.ts";
import { triage } from "./triage.ts";

export const IMPORT_PREFIX = "leads.import.";
export const CHUNK_ROWS = 500;
/** D1 counts every statement of a batch against a request's query allowance: smaller chunks there. */
export const WORKER_CHUNK_ROWS = 100;
/** A running import whose progress has not moved for this long was interrupted (server restart). */
export const STALE_AFTER_MS = 30_000;

export interface ImportJob {
  id: string;
  status: "preview" | "running" | "done" | "undone";
  fileName: string;
  encoding: CsvEncoding;
  delimiter: Delimiter;
  createdAt: number;
  total: number;
  done: number;
  created: number;
  merged: number;
  heartbeatAt: number | null;
  finishedAt: number | null;
}

const jobKey = (id: string) => `${IMPORT_PREFIX}${id}`;
const fileKey = (id: string) => `${IMPORT_PREFIX}${id}.file`;
const rowsKey = (id: string) => `${IMPORT_PREFIX}${id}.rows`;

export const getImportJob = (deps: AppDeps, ownerId: string, id: string) =>
  getSetting<ImportJob>(deps.database, ownerId, jobKey(id));

export function isStale(job: ImportJob, now: number): boolean {
  return job.status === "running" && now - (job.heartbeatAt ?? job.createdAt) > STALE_AFTER_MS;
}

/** Step 1: keep the decoded file for the preview and the confirmation; nothing is imported. */
export async function stageImport(
  deps: AppDeps,
  owner: CurrentOwner,
  file: { name: string; text: string; encoding: CsvEncoding; delimiter: Delimiter },
): Promise<ImportJob> {
  const now = deps.clock.now();
  const job: ImportJob = {
    id: deps.newId(),
    status: "preview",
    fileName: file.name.slice(0, 200),
    encoding: file.encoding,
    delimiter: file.delimiter,
    createdAt: now,
    total: 0,
    done: 0,
    created: 0,
    merged: 0,
    heartbeatAt: null,
    finishedAt: null,
  };
  await deps.database.batch([
    putSettingStatement(deps.database, owner.id, fileKey(job.id), { text: file.text }, now),
    putSettingStatement(deps.database, owner.id, jobKey(job.id), job, now),
  ]);
  return job;
}

export interface ImportPreview {
  read: ReadFile;
  rows: PlannedRow[];
  skipped: { line: number; email: string }[];
}

/** What confirming would do; computed again from the stored file each time it is shown. */
export async function previewImport(
  deps: AppDeps,
  owner: CurrentOwner,
  job: ImportJob,
): Promise<ImportPreview | undefined> {
  const file = await getSetting<{ text: string }>(deps.database, owner.id, fileKey(job.id));
  if (!file) return undefined;
  const read = readImportText(
    file.text,
    job.encoding,
    todayIn(deps.clock.now(), owner.timeZone),
    job.delimiter,
  );
  const existing = await existingContacts(
    deps.database,
    owner.id,
    read.rows.map((r) => r.email),
  );
  return { read, ...planAgainstExisting(read.rows, existing) };
}

/** Step 2: the owner said yes to the preview; the planned rows are fixed and written in the background. */
export async function confirmImport(deps: AppDeps, owner: CurrentOwner, job: ImportJob): Promise<ImportJob> {
  if (job.status !== "preview") return job;
  const preview = await previewImport(deps, owner, job);
  if (!preview || preview.read.problem) return job;
  const now = deps.clock.now();
  const running: ImportJob = { ...job, status: "running", total: preview.rows.length, heartbeatAt: now };
  await deps.database.batch([
    putSettingStatement(deps.database, owner.id, rowsKey(job.id), preview.rows, now),
    deleteSettingStatement(deps.database, owner.id, fileKey(job.id)),
    putSettingStatement(deps.database, owner.id, jobKey(job.id), running, now),
  ]);
  return running;
}

function startOfDay(date: string, timeZone: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds;
}

function rowStatements(
  owner: CurrentOwner,
  job: ImportJob,
  row: PlannedRow,
  settings: LeadSettings,
  now: number,
): SQL[] {
  const leadId = `${job.id}-${row.line}`;
  const createdAt = row.date ? Math.min(startOfDay(row.date, owner.timeZone), now) : now;
  const verdict = triage(
    ROLE_QUESTIONS,
    roleAnswersAsAnswers(row.answers),
    { ...settings.criteria, onDecline: "flag" },
    todayIn(now, owner.timeZone),
  );
  // A returning person keeps their contact as it is; only a new one is created.
  const statements: SQL[] = [
    sql`INSERT INTO contacts (id, owner_id, email, name, company, locale, time_zone, created_at, updated_at)
      VALUES (${`${job.id}-c${row.line}`}, ${owner.id}, ${row.email}, ${row.name}, ${row.company}, ${owner.locale}, NULL, ${now}, ${now})
      ON CONFLICT (owner_id, email) DO NOTHING`,
    insertLead({
      id: leadId,
      ownerId: owner.id,
      email: row.email,
      eventTypeId: null,
      source: row.source,
      verdict: verdict.verdict,
      reasons: verdict.reasons,
      stage: row.stage,
      answers: { ...row.answers, ...(row.company ? { company: row.company } : {}) },
      utm: null,
      notes: row.notes,
      now: createdAt,
      ownerTouched: true,
    }),
    eventStatement({
      id: `${leadId}-created`,
      ownerId: owner.id,
      leadId,
      kind: "lead.created",
      data: { via: "import", by: "owner", job: job.id },
      at: createdAt,
    }),
  ];
  if (row.stage !== "new")
    statements.push(
      eventStatement({
        id: `${leadId}-stage`,
        ownerId: owner.id,
        leadId,
        kind: "stage.changed",
        data: { from: "new", to: row.stage, by: "owner", imported: true },
        at: now,
      }),
    );
  return statements;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Writes the remaining chunks (at most maxChunks of them); returns when the job is done or the chunks are
 * written, or stops if someone else is running it. On Workers a request may only run so many queries, so
 * each status page view writes one small chunk there (see capture-routes.ts).
 */
export async function runImport(
  deps: AppDeps,
  owner: CurrentOwner,
  jobId: string,
  options: { maxChunks?: number; chunkRows?: number } = {},
): Promise<ImportJob | undefined> {
  const settings = await getLeadSettings(deps.database, owner.id);
  const rows = (await getSetting<PlannedRow[]>(deps.database, owner.id, rowsKey(jobId))) ?? [];
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  let chunks = options.maxChunks ?? Number.POSITIVE_INFINITY;
  let job = await getImportJob(deps, owner.id, jobId);
  while (job && job.status === "running" && chunks-- > 0) {
    const now = deps.clock.now();
    const chunk = rows.slice(job.done, job.done + chunkRows);
    const done = job.done + chunk.length;
    const finished = done >= job.total;
    const next: ImportJob = {
      ...job,
      done,
      created: job.created + chunk.filter((r) => r.action === "create").length,
      merged: job.merged + chunk.filter((r) => r.action === "merge").length,
      heartbeatAt: now,
      ...(finished ? { status: "done" as const, finishedAt: now } : {}),
    };
    try {
      await deps.database.batch([
        ...chunk.flatMap((row) => rowStatements(owner, job!, row, settings, now)),
        putSettingStatement(deps.database, owner.id, jobKey(jobId), next, now),
        ...(finished ? [deleteSettingStatement(deps.database, owner.id, rowsKey(jobId))] : []),
      ]);
    } catch (error) {
      // Another runner wrote this chunk first (its lead ids already exist): it carries on, this one stops.
      deps.logger.warn("lead import chunk not written", { job: jobId, error: String(error) });
      return getImportJob(deps, owner.id, jobId);
    }
    job = next;
    await pause();
  }
  return job;
}

/** Removes every lead the import created, and the contacts it created that have no other lead. */
export async function undoImport(deps: AppDeps, owner: CurrentOwner, job: ImportJob): Promise<void> {
  if (job.status !== "done" && !isStale(job, deps.clock.now())) return;
  const pattern = `${job.id}-%`;
  const now = deps.clock.now();
  await deps.database.batch([
    sql`DELETE FROM lead_events WHERE owner_id = ${owner.id} AND lead_id LIKE ${pattern}`,
    sql`DELETE FROM leads WHERE owner_id = ${owner.id} AND id LIKE ${pattern}`,
    sql`DELETE FROM contacts WHERE owner_id = ${owner.id} AND id LIKE ${pattern}
      AND NOT EXISTS (SELECT 1 FROM leads WHERE leads.contact_id = contacts.id)`,
    deleteSettingStatement(deps.database, owner.id, rowsKey(job.id)),
    putSettingStatement(
      deps.database,
      owner.id,
      jobKey(job.id),
      { ...job, status: "undone", finishedAt: now },
      now,
    ),
  ]);
}

export async function listImportJobs(deps: AppDeps, ownerId: string): Promise<ImportJob[]> {
  const rows = await deps.database.all<{ value: string }>(
    sql`SELECT value FROM owner_settings WHERE owner_id = ${ownerId} AND key LIKE ${`${IMPORT_PREFIX}%`}
      AND key NOT LIKE '%.file' AND key NOT LIKE '%.rows' ORDER BY updated_at DESC LIMIT 10`,
  );
  return rows.map((r) => JSON.parse(r.value) as ImportJob);
}
