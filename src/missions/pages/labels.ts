// Words and badge tones for the missions' closed lists, shared by the pages.
import { html } from "hono/html";
import type { Html } from "../../platform/http/views/layout.ts";
import type { MissionT } from "./mission-messages.ts";

type Tone = "" | "ok" | "warn" | "bad";

const MISSION_STATUS = {
  planned: ["statusPlanned", ""],
  active: ["statusActive", "ok"],
  ended: ["statusEnded", ""],
  cancelled: ["statusCancelled", "bad"],
} as const satisfies Record<string, [Parameters<MissionT>[0], Tone]>;

const REPORT_STATUS = {
  none: ["reportNone", ""],
  draft: ["reportDraft", ""],
  submitted: ["reportSubmitted", "warn"],
  approved: ["reportApproved", "ok"],
  contested: ["reportContested", "bad"],
} as const satisfies Record<string, [Parameters<MissionT>[0], Tone]>;

const BILLING = { monthly: "billingMonthly", end: "billingEnd", platform: "billingPlatform" } as const;
const SOURCES = {
  malt: "sourceMalt",
  comet: "sourceComet",
  linkedin: "sourceLinkedin",
  referral: "sourceReferral",
  agency: "sourceAgency",
  direct: "sourceDirect",
} as const;

function badge(label: string, tone: Tone): Html {
  return html`<span class="badge${tone ? ` ${tone}` : ""}">${label}</span>`;
}

export function missionStatusBadge(t: MissionT, status: string): Html {
  const [key, tone] = MISSION_STATUS[status as keyof typeof MISSION_STATUS] ?? ["statusPlanned", ""];
  return badge(t(key), tone);
}

export function reportStatusBadge(t: MissionT, status: string | undefined): Html {
  const [key, tone] = REPORT_STATUS[(status ?? "none") as keyof typeof REPORT_STATUS] ?? REPORT_STATUS.none;
  return badge(t(key), tone);
}

export function billingLabel(t: MissionT, mode: string): string {
  return t(BILLING[mode as keyof typeof BILLING] ?? "billingMonthly");
}

export function sourceLabel(t: MissionT, source: string): string {
  const key = SOURCES[source as keyof typeof SOURCES];
  return key ? t(key) : source;
}

export function statusOptions(t: MissionT) {
  return Object.entries(MISSION_STATUS).map(([value, [key]]) => ({ value, label: t(key) }));
}

export function billingOptions(t: MissionT) {
  return Object.entries(BILLING).map(([value, key]) => ({ value, label: t(key) }));
}

export function sourceOptions(t: MissionT) {
  return Object.entries(SOURCES).map(([value, key]) => ({ value, label: t(key) }));
}

/** Field errors by path, from a problem's errors array. */
export function errorsByPath(
  errors: readonly { path: string; message: string }[] | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) out[e.path] ??= e.message;
  return out;
}
