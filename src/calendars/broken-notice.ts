// Tells the owner, once, that a calendar stopped working. The guarded UPDATE is what makes it once:
// brokenNotifiedAt is set by one statement and cleared only by a successful sync (a reconnect).
import { sql } from "drizzle-orm";
import type { OwnerRow } from "../accounts/store.ts";
import type { AppDeps } from "../platform/deps.ts";
import { formatDateTime } from "../platform/http/views/format.ts";
import { renderEmail } from "../platform/mail/email-layout.ts";
import { sendMail } from "../platform/mail/send.ts";
import type { ConnectionRow } from "./connection-types.ts";
import { calendarEmailMessages } from "./email-messages.ts";

export async function notifyConnectionBroken(
  deps: AppDeps,
  connection: ConnectionRow,
  owner: OwnerRow,
  reason: string,
): Promise<boolean> {
  const now = deps.clock.now();
  const claimed = await deps.database.run(sql`UPDATE calendar_connections SET broken_notified_at = ${now}
    WHERE id = ${connection.id} AND broken_notified_at IS NULL`);
  if (claimed.changes !== 1) return false;
  const locale = owner.locale === "en" ? "en" : "fr";
  const t = calendarEmailMessages(locale);
  const when = connection.lastSyncAt
    ? formatDateTime(connection.lastSyncAt, locale, owner.timeZone)
    : t("brokenNever");
  const email = renderEmail({
    locale,
    heading: t("brokenHeading"),
    blocks: [
      { kind: "paragraph", text: t("brokenIntro", { name: connection.name, reason, when }) },
      { kind: "paragraph", text: t("brokenAction") },
      {
        kind: "button",
        label: t("brokenButton"),
        url: `${deps.config.baseUrl}/dashboard/calendars/${connection.id}`,
      },
    ],
  });
  await sendMail(deps, {
    ownerId: owner.id,
    idempotencyKey: `calendar:${connection.id}:broken:${now}`,
    why: "calendar.broken",
    to: { address: owner.email, name: owner.name },
    subject: t("brokenSubject", { name: connection.name }).replace(/[\r\n]+/g, " "),
    locale,
    ...email,
  });
  return true;
}
