// The tick's reminder step: calls starting within the longest lead, the pure decision, one email each
// under its idempotency key (booking + start), so a rerun, a second process or a late tick never doubles it.
import { and, eq, gt, inArray, lte } from "drizzle-orm";
import { findOwnerById } from "../accounts/store.ts";
import { bookings, outbox } from "../platform/db/schema.ts";
import type { AppDeps } from "../platform/deps.ts";
import { sendMail } from "../platform/mail/send.ts";
import { loadCalendarSettings } from "./calendar-settings-store.ts";
import { callPreparations } from "./call-preparation.ts";
import { reminderEmail } from "./reminder-email.ts";
import { dueReminders, REMINDER_LEADS } from "./reminders.ts";

const LONGEST_LEAD_MS = Math.max(...REMINDER_LEADS) * 60_000;

export async function sendDueReminders(deps: AppDeps): Promise<{ sent: number }> {
  const now = deps.clock.now();
  const upcoming = await deps.database.db
    .select()
    .from(bookings)
    .where(
      and(
        inArray(bookings.status, ["pending", "confirmed"]),
        gt(bookings.startMs, now),
        lte(bookings.startMs, now + LONGEST_LEAD_MS),
      ),
    );
  let sent = 0;
  for (const ownerId of new Set(upcoming.map((b) => b.ownerId))) {
    const settings = await loadCalendarSettings(deps.database, ownerId);
    const due = dueReminders(
      upcoming.filter((b) => b.ownerId === ownerId),
      settings,
      now,
    );
    if (due.length === 0) continue;
    const already = await deps.database.db
      .select({ key: outbox.idempotencyKey })
      .from(outbox)
      .where(
        and(
          eq(outbox.ownerId, ownerId),
          inArray(
            outbox.idempotencyKey,
            due.map((d) => d.idempotencyKey),
          ),
        ),
      );
    const todo = due.filter((d) => !already.some((a) => a.key === d.idempotencyKey));
    const owner = await findOwnerById(deps.database, ownerId);
    if (!owner || todo.length === 0) continue;
    const locale = owner.locale === "en" ? "en" : "fr";
    const calls = await callPreparations(
      deps,
      owner,
      upcoming.filter((b) => todo.some((d) => d.bookingId === b.id)),
      locale,
    );
    for (const call of calls) {
      const reminder = todo.find((d) => d.bookingId === call.bookingId)!;
      const email = reminderEmail(call, owner, settings.reminderMinutes, deps.config.baseUrl);
      const queued = await sendMail(deps, {
        ownerId,
        idempotencyKey: reminder.idempotencyKey,
        why: "calendar.call-reminder",
        to: { address: owner.email, name: owner.name },
        ...email,
      });
      if (queued.created) sent++;
    }
  }
  return { sent };
}
