// Emails recorded in the very batch of the change they announce, but held back a moment: what the request does
// right after the change (writing the booking to the owner's calendar, where Google makes the Meet link) can
// still improve them before they go. The request then releases them; should it never get there (a crash, a
// kill), the tick sends them as they were rendered once the hold has passed. Either way they exist as soon as
// the change does. A held email is an ordinary queued one whose first attempt is due later: no new status,
// and the delivery code needs no exception for it.
import { type SQL, sql } from "drizzle-orm";
import { guardedOutboxInsert, type OutboxDeps, type OutgoingMail } from "./outbox.ts";

/**
 * Longer than the slowest calendar write the Google client allows (5 tries of at most 20 s with backoff, after
 * a token refresh): a request still writing is never overtaken by the tick, and a crash delays the emails by
 * about this much.
 */
export const HOLD_MS = 3 * 60_000;

/** The insert of a held email, recorded only if `onlyIf` (the change having happened) holds inside the batch. */
export function heldOutboxInsert(deps: OutboxDeps, mail: OutgoingMail, onlyIf: SQL): SQL {
  return guardedOutboxInsert(deps, mail, onlyIf, { dueAt: deps.clock.now() + HOLD_MS });
}

/** What a release may replace: the email rendered again with what the request learned since. */
export type Rerendered = Pick<OutgoingMail, "subject" | "html" | "text" | "attachments">;

export interface Release {
  idempotencyKey: string;
  rerendered?: Rerendered;
}

/**
 * The held emails to deliver now, in the order given: their ids, for deliverOne with `released`. Releasing
 * needs no write of its own: the sender's claim takes a held email only while it is still queued and untried
 * (`attempts = 0`), so one already taken by the tick, a sender or an earlier release is left alone. An email
 * with a new rendering is rewritten first, under the same condition.
 */
export async function releaseHeld(deps: OutboxDeps, ownerId: string, releases: Release[]): Promise<string[]> {
  if (releases.length === 0) return [];
  const stillHeld = (keys: string[]) =>
    sql`owner_id = ${ownerId} AND idempotency_key IN ${keys} AND status = 'queued' AND attempts = 0`;
  const plain = releases.filter((r) => !r.rerendered).map((r) => r.idempotencyKey);
  const released =
    plain.length > 0
      ? await deps.database.all<{ id: string; key: string }>(
          sql`SELECT id, idempotency_key AS key FROM outbox WHERE ${stillHeld(plain)}`,
        )
      : [];
  for (const { idempotencyKey, rerendered } of releases) {
    if (!rerendered) continue;
    const { subject, html, text, attachments } = rerendered;
    released.push(
      ...(await deps.database.all<{ id: string; key: string }>(
        sql`UPDATE outbox SET subject = ${subject}, html = ${html}, text = ${text},
            attachments = ${attachments ? JSON.stringify(attachments) : null}
          WHERE ${stillHeld([idempotencyKey])} RETURNING id, idempotency_key AS key`,
      )),
    );
  }
  return releases.flatMap((r) => released.filter((row) => row.key === r.idempotencyKey).map((row) => row.id));
}
