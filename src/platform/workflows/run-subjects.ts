// What each run is about, for people: the booking, mission, invoice or calendar connection its input names, or
// the visitor's email. One IN query per kind for a page of runs, never one per run.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { bookings, calendarConnections, invoices, missions } from "../db/schema.ts";
import { formatDateTime } from "../http/views/format.ts";
import type { Locale } from "../i18n.ts";
import type { AutomationT } from "./pages/automation-messages.ts";
import type { RunRow } from "./store.ts";

export interface RunSubject {
  label: string;
  href: string | null;
}

const idsOf = (runs: RunRow[], field: string) => [
  ...new Set(runs.map((r) => r.input[field]).filter((v): v is string => typeof v === "string")),
];

export async function runSubjects(
  database: Database,
  owner: { id: string; locale: Locale; timeZone: string },
  runs: RunRow[],
  t: AutomationT,
): Promise<Map<string, RunSubject>> {
  const bookingIds = idsOf(runs, "bookingId");
  const missionIds = idsOf(runs, "missionId");
  const invoiceIds = idsOf(runs, "invoiceId");
  const connectionIds = idsOf(runs, "connectionId");
  const [bookingRows, missionRows, invoiceRows, connectionRows] = await Promise.all([
    bookingIds.length
      ? database.db
          .select({
            id: bookings.id,
            name: bookings.name,
            startMs: bookings.startMs,
            leadId: bookings.leadId,
          })
          .from(bookings)
          .where(and(eq(bookings.ownerId, owner.id), inArray(bookings.id, bookingIds)))
      : [],
    missionIds.length
      ? database.db
          .select({ id: missions.id, title: missions.title })
          .from(missions)
          .where(and(eq(missions.ownerId, owner.id), inArray(missions.id, missionIds)))
      : [],
    invoiceIds.length
      ? database.db
          .select({ id: invoices.id, number: invoices.number })
          .from(invoices)
          .where(and(eq(invoices.ownerId, owner.id), inArray(invoices.id, invoiceIds)))
      : [],
    connectionIds.length
      ? database.db
          .select({ id: calendarConnections.id, name: calendarConnections.name })
          .from(calendarConnections)
          .where(
            and(eq(calendarConnections.ownerId, owner.id), inArray(calendarConnections.id, connectionIds)),
          )
      : [],
  ]);
  const subjects = new Map<string, RunSubject>();
  for (const run of runs) {
    const { bookingId, missionId, invoiceId, connectionId, email } = run.input as Record<string, unknown>;
    let subject: RunSubject = { label: run.key, href: null };
    if (typeof bookingId === "string") {
      const b = bookingRows.find((x) => x.id === bookingId);
      // The run's own time: after a reschedule the old run still names the time it was for.
      const startMs = typeof run.input.startMs === "number" ? run.input.startMs : b?.startMs;
      subject = b
        ? {
            label: t("booking", {
              name: b.name,
              when: formatDateTime(startMs ?? b.startMs, owner.locale, owner.timeZone),
            }),
            href: b.leadId ? `/dashboard/leads/${b.leadId}` : "/dashboard/bookings",
          }
        : { label: t("bookingGone"), href: null };
    } else if (typeof missionId === "string") {
      const m = missionRows.find((x) => x.id === missionId);
      subject = {
        label: m ? t("mission", { title: m.title }) : t("unknown"),
        href: m ? `/dashboard/missions/${m.id}` : null,
      };
    } else if (typeof invoiceId === "string") {
      const i = invoiceRows.find((x) => x.id === invoiceId);
      subject = {
        label: i?.number ? t("invoice", { number: i.number }) : i ? t("draftInvoice") : t("unknown"),
        href: i ? `/dashboard/invoices/${i.id}` : null,
      };
    } else if (typeof connectionId === "string") {
      const c = connectionRows.find((x) => x.id === connectionId);
      subject = c
        ? { label: t("calendar", { name: c.name }), href: `/dashboard/calendars/${c.id}` }
        : { label: t("calendarGone"), href: null };
    } else if (typeof email === "string") subject = { label: t("visitor", { email }), href: null };
    subjects.set(run.id, subject);
  }
  return subjects;
}
