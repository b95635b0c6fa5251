// Step 2: pick a day and a time, in the visitor's zone, after the answers were accepted.
import { html } from "hono/html";
import type { Html } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import { pageMessages } from "../page-messages.ts";
import { type LangSwitch, type LinkHeader, linkHeader, publicPage, simpleCard } from "./public-parts.ts";
import { type SlotPickerData, slotPicker } from "./slot-picker.ts";

export interface SlotsPageData {
  locale: Locale;
  langSwitch?: LangSwitch;
  header: LinkHeader;
  bookingAs: { name: string; email: string };
  picker: SlotPickerData;
}

export function slotsPage(d: SlotsPageData): Html {
  const t = pageMessages(d.locale);
  return publicPage({
    title: d.header.title,
    locale: d.locale,
    langSwitch: d.langSwitch,
    body: html`${linkHeader(d.header, d.locale, { label: `${t("stepOf", { n: 2 })} · ${t("step2")}` })}
<p class="muted small">${t("bookingAs", d.bookingAs)}</p>
${slotPicker(d.picker)}`,
  });
}

/** Triage declined the answers on a link that blocks declined leads: say why, kindly, and offer no time. */
export function declinedPage(d: {
  locale: Locale;
  header: LinkHeader;
  name: string;
  reasons: string[];
}): Html {
  const t = pageMessages(d.locale);
  return publicPage({
    title: d.header.title,
    locale: d.locale,
    body: html`<div class="card declined">
<p class="muted owner-name">${d.header.ownerName} · ${d.header.title}</p>
<h1>${t("declinedTitle", { name: d.name })}</h1>
<p>${t("declinedIntro", { owner: d.header.ownerName })}</p>
${d.reasons.length ? html`<ul class="reasons">${d.reasons.map((r) => html`<li>${r}</li>`)}</ul>` : ""}
<p>${t("declinedOutro")}</p>
</div>`,
  });
}

export function messagePage(d: {
  locale: Locale;
  title: string;
  text: string;
  action?: { href: string; label: string };
  langSwitch?: LangSwitch;
}): Html {
  return publicPage({
    title: d.title,
    locale: d.locale,
    langSwitch: d.langSwitch,
    body: simpleCard({ title: d.title, text: d.text, action: d.action }),
  });
}
