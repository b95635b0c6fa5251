// The outbox: every email is first recorded (idempotently), then delivered, retried with backoff, and kept.
import { and, eq, lte, or, type SQL, sql } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import { outbox, type StoredAttachment } from "../db/schema.ts";
import type { Logger } from "../logger.ts";
import { NoTransportError } from "./outbox-only-transport.ts";
import { type MailMessage, MailOutcomeUnknownError, type MailTransport, PermanentMailError } from "./port.ts";

export interface OutgoingMail {
  ownerId: string;
  /** the same key twice never produces two emails */
  idempotencyKey: string;
  /** what sent it, e.g. "booking.confirmation" or "workflow:booking-reminders" */
  why: string;
  to: { address: string; name?: string | null };
  subject: string;
  html: string;
  text: string;
  locale: string;
  headers?: Record<string, string>;
  attachments?: StoredAttachment[];
  workflowRunId?: string;
}

export interface OutboxDeps {
  database: Database;
  clock: Clock;
  newId: () => string;
  mailDomain: string;
}

export const MAX_ATTEMPTS = 8;

/** Minutes before retry n (1-based): 1, 2, 4, … capped at 6 hours. */
export function retryDelayMs(attempt: number): number {
  return Math.min(2 ** Math.max(0, attempt - 1), 360) * 60_000;
}

/** The insert statement, so a caller can put it in the same batch as the step it belongs to. */
export function outboxInsert(deps: OutboxDeps, mail: OutgoingMail, id = deps.newId()) {
  const now = deps.clock.now();
  return deps.database.db
    .insert(outbox)
    .values({
      id,
      ownerId: mail.ownerId,
      idempotencyKey: mail.idempotencyKey,
      why: mail.why,
      toAddress: mail.to.address,
      toName: mail.to.name ?? null,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: mail.headers ?? null,
      attachments: mail.attachments ?? null,
      locale: mail.locale,
      status: "queued",
      nextAttemptAt: now,
      messageId: `<${id}@${deps.mailDomain}>`,
      workflowRunId: mail.workflowRunId ?? null,
      createdAt: now,
    })
    .onConflictDoNothing({ target: [outbox.ownerId, outbox.idempotencyKey] });
}

/**
 * The same insert as raw SQL that happens only while `guard` holds (e.g. a workflow run's lease). `dueAt` later
 * than now holds the email back until then (see outbox-hold.ts).
 */
export function guardedOutboxInsert(
  deps: OutboxDeps,
  mail: OutgoingMail,
  guard: SQL,
  { id = deps.newId(), dueAt }: { id?: string; dueAt?: number } = {},
): SQL {
  const now = deps.clock.now();
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  return sql`INSERT INTO outbox (id, owner_id, idempotency_key, why, to_address, to_name, subject, html, text, headers, attachments,
      locale, status, attempts, next_attempt_at, message_id, workflow_run_id, created_at)
    SELECT ${id}, ${mail.ownerId}, ${mail.idempotencyKey}, ${mail.why}, ${mail.to.address}, ${mail.to.name ?? null}, ${mail.subject},
      ${mail.html}, ${mail.text}, ${json(mail.headers)}, ${json(mail.attachments)}, ${mail.locale}, 'queued', 0, ${dueAt ?? now},
      ${`<${id}@${deps.mailDomain}>`}, ${mail.workflowRunId ?? null}, ${now}
    WHERE ${guard}
    ON CONFLICT (owner_id, idempotency_key) DO NOTHING`;
}

/** Records the email unless one with the same idempotency key exists; returns its id either way. */
export async function enqueueMail(
  deps: OutboxDeps,
  mail: OutgoingMail,
): Promise<{ id: string; created: boolean }> {
  const [result] = await deps.database.batch([outboxInsert(deps, mail)]);
  const row = await deps.database.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.ownerId, mail.ownerId), eq(outbox.idempotencyKey, mail.idempotencyKey)))
    .get();
  return { id: row!.id, created: (result?.changes ?? 0) > 0 };
}

export interface DeliveryDeps extends OutboxDeps {
  transport: MailTransport;
  /** how long a sender holds an email before another scheduler may retry it */
  leaseMs: number;
  mailFrom: string;
  logger: Logger;
}

/** What an email counted as sent without the server's answer says in the dashboard. */
export const UNCONFIRMED =
  "Unconfirmed: the whole message reached the mail server but its answer did not come back; not sent again, so it is never received twice.";

/** Thrown by beforeCommit when another sender took the email over: this one must not hand it over. */
class ClaimLost extends Error {}

/**
 * A sender that stopped (crash, kill) after handing an email over leaves it "sending" with sent_at set: once its
 * lease has expired, the email counts as sent, unconfirmed. Resending could deliver it twice.
 */
function settleHandedOver(database: Database, now: number, ownerId?: string) {
  return database.run(sql`UPDATE outbox SET status = 'sent', lease_until = NULL, last_error = ${UNCONFIRMED}
    WHERE status = 'sending' AND sent_at IS NOT NULL AND lease_until < ${now}${ownerId ? sql` AND owner_id = ${ownerId}` : sql``}`);
}

/** Sends one queued email if it is due and nobody else holds it. Returns the resulting status, or null if not claimed. */
export async function deliverOne(
  deps: DeliveryDeps,
  id: string,
  /** Released by the request that held it (outbox-hold.ts): taken even though its hold has not passed. */
  { released = false }: { released?: boolean } = {},
): Promise<"sent" | "queued" | "failed" | "unsent" | null> {
  const now = deps.clock.now();
  // One statement claims the email and reads it. The attempt number it takes fences every later write: a sender
  // whose lease expired and was taken over can no longer hand the message over, nor record anything.
  const [row] = await deps.database.db
    .update(outbox)
    .set({
      status: "sending",
      leaseUntil: now + deps.leaseMs,
      attempts: sql`${outbox.attempts} + 1`,
      sentAt: null,
    })
    .where(
      and(
        eq(outbox.id, id),
        sql`((${outbox.status} = 'queued' AND ${outbox.nextAttemptAt} <= ${now})
          OR (${released ? sql`${outbox.status} = 'queued' AND ${outbox.attempts} = 0` : sql`0`})
          OR (${outbox.status} = 'sending' AND ${outbox.leaseUntil} < ${now} AND ${outbox.sentAt} IS NULL))`,
      ),
    )
    .returning();
  if (!row) return null;
  const mine = and(eq(outbox.id, id), eq(outbox.attempts, row.attempts));
  // Recorded right before the point of no return (SMTP: the final dot), so a crash after it never sends again.
  const beforeCommit = async () => {
    const handedOver = await deps.database.run(sql`UPDATE outbox SET sent_at = ${deps.clock.now()}
      WHERE id = ${id} AND status = 'sending' AND attempts = ${row.attempts}`);
    if (handedOver.changes !== 1) throw new ClaimLost();
  };
  try {
    await deps.transport.send(messageFromRow(row, deps.mailFrom), { beforeCommit });
    await deps.database.db
      .update(outbox)
      .set({ status: "sent", sentAt: deps.clock.now(), leaseUntil: null, lastError: null })
      .where(mine);
    return "sent";
  } catch (error) {
    if (error instanceof ClaimLost) return null;
    if (error instanceof MailOutcomeUnknownError) {
      // It may be in the recipient's inbox already: count it as sent rather than risk a second copy.
      await deps.database.db
        .update(outbox)
        .set({ status: "sent", leaseUntil: null, lastError: UNCONFIRMED })
        .where(mine);
      return "sent";
    }
    if (error instanceof NoTransportError) {
      // Nothing to retry until someone configures mail; the dashboard says so instead of counting failures.
      await deps.database.db
        .update(outbox)
        .set({ status: "unsent", leaseUntil: null, lastError: error.message, attempts: 0 })
        .where(mine);
      return "unsent";
    }
    const permanent = error instanceof PermanentMailError || row.attempts >= MAX_ATTEMPTS;
    const status = permanent ? "failed" : "queued";
    deps.logger.warn("mail delivery failed", {
      outboxId: id,
      attempt: row.attempts,
      permanent,
      error: String(error),
    });
    await deps.database.db
      .update(outbox)
      .set({
        status,
        leaseUntil: null,
        // The server answered with a refusal: nothing was delivered, even after the hand-over.
        sentAt: null,
        lastError: (error as Error).message?.slice(0, 1000) ?? String(error),
        nextAttemptAt: deps.clock.now() + retryDelayMs(row.attempts),
      })
      .where(mine);
    return status;
  }
}

/** Delivers everything due (used by the scheduler tick), or only one owner's; returns how many were sent. */
export async function deliverDue(
  deps: DeliveryDeps,
  limit = 100,
  ownerId?: string,
): Promise<{ sent: number; failed: number; retrying: number }> {
  const now = deps.clock.now();
  await settleHandedOver(deps.database, now, ownerId);
  const due = await deps.database.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        ownerId ? eq(outbox.ownerId, ownerId) : undefined,
        or(
          and(eq(outbox.status, "queued"), lte(outbox.nextAttemptAt, now)),
          and(eq(outbox.status, "sending"), lte(outbox.leaseUntil, now)),
        ),
      ),
    )
    .orderBy(outbox.nextAttemptAt)
    .limit(limit);
  const counts = { sent: 0, failed: 0, retrying: 0 };
  for (const { id } of due) {
    const status = await deliverOne(deps, id);
    if (status === "sent") counts.sent++;
    else if (status === "failed") counts.failed++;
    else if (status === "queued") counts.retrying++;
  }
  return counts;
}

export function messageFromRow(row: typeof outbox.$inferSelect, from: string): MailMessage {
  return {
    from,
    to: { address: row.toAddress, name: row.toName },
    subject: row.subject,
    html: row.html,
    text: row.text,
    messageId: row.messageId,
    headers: row.headers ?? undefined,
    attachments: row.attachments ?? undefined,
  };
}
