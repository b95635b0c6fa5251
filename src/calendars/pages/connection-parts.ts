// Bits shared by the calendar pages: status badges, type names, "last sync" text.
import { html } from "hono/html";
import { formatDateTime } from "../../platform/http/views/format.ts";
import type { Html } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import type { ConnectionJson } from "../connection-view.ts";
import type { CalendarT } from "../messages.ts";

export function typeName(t: CalendarT, type: string): string {
  return t(type === "google" ? "typeGoogle" : type === "caldav" ? "typeCaldav" : "typeIcs");
}

export function statusBadge(t: CalendarT, c: ConnectionJson): Html {
  if (c.syncing) return html`<span class="badge">${t("statusSyncing")}</span>`;
  if (c.status === "broken") return html`<span class="badge bad">${t("statusBroken")}</span>`;
  if (c.status === "error") return html`<span class="badge warn">${t("statusError")}</span>`;
  return html`<span class="badge ok">${t("statusActive")}</span>`;
}

export function when(t: CalendarT, iso: string | null, locale: Locale, timeZone: string): string {
  return iso ? formatDateTime(Date.parse(iso), locale, timeZone) : t("never");
}
