// A lead's history as people read it: events, emails and bookings merged in time order, newest first.
import type { Locale } from "../../platform/i18n.ts";
import type { TriageReason } from "../triage.ts";
import { shortDateTime } from "./dates.ts";
import { channelLabel, stageLabel, verdictLabel } from "./labels.ts";

export interface TimelineEntry {
  at: number;
  text: string;
  /** words a person wrote (a note, a reason), shown as a quote */
  quote?: string;
  items?: string[];
  link?: { href: string; label: string };
}

const T = {
  fr: {
    created: "Arrivé par {channel}",
    via_api: "(API)",
    "via_quick-add": "(ajouté à la main)",
    via_import: "(import CSV)",
    booked: "Rendez-vous réservé pour le {when}",
    autoDeclined: "Décliné par le tri automatique",
    moved: "Étape\u00a0: {from} → {to}",
    by_owner: "par vous",
    by_prospect: "par le prospect",
    by_system: "automatiquement",
    by_api: "par l'API",
    verdict: "Tri\u00a0: {from} → {to}",
    notes: "Notes mises à jour",
    declineEmailed: "E-mail de refus envoyé",
    withIntro: "avec une proposition de mise en relation",
    intro: "A accepté d'être présenté à {partner}",
    won: "Gagné\u00a0: client et mission créés",
    openMission: "Voir la mission",
    email: "E-mail\u00a0: {subject}",
    openEmail: "Voir l'e-mail",
  },
  en: {
    created: "Arrived through {channel}",
    via_api: "(API)",
    "via_quick-add": "(added by hand)",
    via_import: "(CSV import)",
    booked: "Booked a call for {when}",
    autoDeclined: "Declined by automatic triage",
    moved: "Stage: {from} → {to}",
    by_owner: "by you",
    by_prospect: "by the lead",
    by_system: "automatically",
    by_api: "through the API",
    verdict: "Triage: {from} → {to}",
    notes: "Notes updated",
    declineEmailed: "Decline email sent",
    withIntro: "with an offer of an introduction",
    intro: "Agreed to be introduced to {partner}",
    won: "Won: client and mission created",
    openMission: "Open the mission",
    email: "Email: {subject}",
    openEmail: "Open the email",
  },
} as const;

type Key = keyof (typeof T)["fr"];

export function buildTimeline(d: {
  locale: Locale;
  timeZone: string;
  events: { kind: string; at: number; data: Record<string, unknown> | null }[];
  emails: { id: string; subject: string; createdAt: number }[];
}): TimelineEntry[] {
  const t = (key: Key, vars: Record<string, string> = {}) =>
    (T[d.locale][key] as string).replace(/\{(\w+)\}/g, (all, name: string) => vars[name] ?? all);
  const by = (data: Record<string, unknown>) =>
    typeof data.by === "string" && `by_${data.by}` in T.fr ? ` ${t(`by_${data.by}` as Key)}` : "";
  const entries: TimelineEntry[] = [];
  for (const e of d.events) {
    const data = e.data ?? {};
    const text = (s: unknown) => (typeof s === "string" ? s : "");
    switch (e.kind) {
      case "lead.created": {
        const via = `via_${text(data.via)}`;
        entries.push({
          at: e.at,
          text: `${t("created", { channel: channelLabel(text(data.channel), d.locale) })}${via in T.fr ? ` ${t(via as Key)}` : ""}`,
        });
        break;
      }
      case "booking.created":
        entries.push({
          at: e.at,
          text: t("booked", {
            when: typeof data.startMs === "number" ? shortDateTime(data.startMs, d.locale, d.timeZone) : "?",
          }),
        });
        break;
      case "lead.declined": {
        const reasons = Array.isArray(data.reasons) ? (data.reasons as TriageReason[]) : [];
        entries.push({
          at: e.at,
          text: t("autoDeclined"),
          items: reasons.filter((r) => r.outcome === "fail").map((r) => r.message?.[d.locale] ?? ""),
        });
        break;
      }
      case "stage.changed":
        entries.push({
          at: e.at,
          text: `${t("moved", { from: stageLabel(text(data.from), d.locale), to: stageLabel(text(data.to), d.locale) })}${by(data)}`,
          ...(text(data.reason) ? { quote: text(data.reason) } : {}),
        });
        break;
      case "verdict.changed":
        entries.push({
          at: e.at,
          text: `${t("verdict", { from: verdictLabel(text(data.from), d.locale), to: verdictLabel(text(data.to), d.locale) })}${by(data)}`,
        });
        break;
      case "notes.updated":
        entries.push({ at: e.at, text: t("notes"), ...(text(data.text) ? { quote: text(data.text) } : {}) });
        break;
      case "decline.emailed":
        entries.push({
          at: e.at,
          text: `${t("declineEmailed")}${data.intro ? ` ${t("withIntro")}` : ""}${by(data)}`,
        });
        break;
      case "intro.accepted":
        entries.push({ at: e.at, text: t("intro", { partner: text(data.partner) }) });
        break;
      case "lead.won":
        entries.push({
          at: e.at,
          text: t("won"),
          ...(text(data.missionId)
            ? { link: { href: `/dashboard/missions/${text(data.missionId)}`, label: t("openMission") } }
            : {}),
        });
        break;
    }
  }
  for (const email of d.emails)
    entries.push({
      at: email.createdAt,
      text: t("email", { subject: email.subject }),
      link: { href: `/dashboard/outbox/${email.id}`, label: t("openEmail") },
    });
  return entries.sort((a, b) => b.at - a.at);
}
