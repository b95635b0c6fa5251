// Shared by the mission and invoice workflow tests: an owner with a client and a mission (through the
// API), the emails the workflows recorded, and the runs of one workflow.
import { eq } from "drizzle-orm";
import { outbox, workflowRuns } from "../../src/platform/db/schema.ts";
import { type InvoicingFixture, invoicingFixture } from "../invoicing/api-fixture.ts";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export type Fixture = InvoicingFixture;

export function missionFixture(options: Parameters<typeof invoicingFixture>[0] = {}): Promise<Fixture> {
  return invoicingFixture(options);
}

/** Every email in the outbox, oldest first (workflow or not), to check what a client or the owner got. */
export async function mails(f: Fixture, why?: string) {
  const rows = await f.deps.database.db.select().from(outbox).all();
  return rows
    .filter((r) => why === undefined || r.why === why)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function workflowMails(f: Fixture, workflow: string) {
  return mails(f, `workflow:${workflow}`);
}

export async function runsOf(f: Fixture, workflow: string) {
  return f.deps.database.db.select().from(workflowRuns).where(eq(workflowRuns.workflow, workflow)).all();
}

/** The path of the first link to this site in an email's text part that starts with `prefix`. */
export function linkPath(text: string, prefix: string): string {
  const url = text.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname.startsWith(prefix));
  if (!url) throw new Error(`No ${prefix} link in:\n${text}`);
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/** An email's text part with its line wrapping undone (and no-break spaces as spaces). */
export function flat(text: string): string {
  return text.replace(/\s+/g, " ");
}
