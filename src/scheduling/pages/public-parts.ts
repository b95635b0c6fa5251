// Pieces every public booking page shares: the page shell with the script, the link's header, detail lists.
import { html } from "hono/html";
import { SCRIPT_PATH } from "../../platform/http/views/assets.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import { commonMessages } from "../emails/common-messages.ts";
import { durationText } from "../emails/email-parts.ts";

export interface LangSwitch {
  href: string;
  lang: string;
  label: string;
}

export interface LinkHeader {
  ownerName: string;
  title: string;
  description?: string;
  durationMinutes: number;
  locations: { type: string; details?: string }[];
}

const LOCATION_KEYS: Record<
  string,
  "locationPhone" | "locationVideo" | "locationGoogleMeet" | "locationInPerson"
> = {
  phone: "locationPhone",
  video: "locationVideo",
  google_meet: "locationGoogleMeet",
  in_person: "locationInPerson",
};

export function durationLabel(minutes: number, locale: Locale): string {
  return durationText(commonMessages(locale), minutes);
}

export function locationLabel(
  location: { type: string; details?: string | null },
  locale: Locale,
  withDetails: boolean,
): string {
  const t = commonMessages(locale);
  const key = LOCATION_KEYS[location.type];
  const type = key ? t(key) : location.type;
  const details = location.details?.trim();
  return withDetails && details ? t("locationWithDetails", { type, details }) : type;
}

export function publicPage(options: {
  title: string;
  locale: Locale;
  body: Html;
  langSwitch?: LangSwitch;
}): Html {
  const s = options.langSwitch;
  return page({
    title: options.title,
    locale: options.locale,
    narrow: true,
    scripts: [SCRIPT_PATH],
    body: html`${s ? html`<p class="lang-switch"><a href="${s.href}" hreflang="${s.lang}" lang="${s.lang}">${s.label}</a></p>` : ""}${options.body}`,
  });
}

export function linkHeader(h: LinkHeader, locale: Locale, step?: { label: string }): Html {
  const meta = [
    durationLabel(h.durationMinutes, locale),
    ...h.locations.slice(0, 1).map((l) => locationLabel(l, locale, false)),
  ];
  return html`<header class="link-header">
<p class="muted owner-name">${h.ownerName}</p>
<h1>${h.title}</h1>
<p class="meta">${meta.join(" · ")}</p>
${h.description ? html`<p class="description">${h.description}</p>` : ""}
${step ? html`<p class="step">${step.label}</p>` : ""}
</header>`;
}

export function detailList(items: { label: string; value: Html | string }[]): Html {
  return html`<dl class="details">${items.map((i) => html`<div><dt>${i.label}</dt><dd>${i.value}</dd></div>`)}</dl>`;
}

export function simpleCard(options: {
  title: string;
  text: string | Html;
  action?: { href: string; label: string };
}): Html {
  return html`<div class="card"><h1>${options.title}</h1><p>${options.text}</p>${
    options.action
      ? html`<p><a class="button" href="${options.action.href}">${options.action.label}</a></p>`
      : ""
  }</div>`;
}
