// What a run waits for, in words, and when (in the owner's zone). Pure: from the run's waiting_on and wake_at.

import { formatDateTime } from "../../http/views/format.ts";
import type { Locale } from "../../i18n.ts";
import { type AutomationT, knownText } from "./automation-messages.ts";

export interface NextStep {
  text: string;
  /** the raw step or event name when no words exist for it */
  code: string | null;
  when: string | null;
}

export function nextStep(
  run: { status: string; waitingOn: string | null; wakeAt: number | null },
  t: AutomationT,
  locale: Locale,
  timeZone: string,
): NextStep {
  if (run.status === "running") return { text: t("running"), code: null, when: null };
  if (run.status !== "waiting") return { text: t("done"), code: null, when: null };
  const at = run.wakeAt === null ? null : formatDateTime(run.wakeAt, locale, timeZone);
  const on = run.waitingOn ?? "";
  if (on === "start") return { text: t("nextStart"), code: null, when: at && t("at", { when: at }) };
  if (on === "retry") return { text: t("nextRetry"), code: null, when: at && t("at", { when: at }) };
  if (on.startsWith("sleep:")) {
    const step = on.slice("sleep:".length);
    // owner-reminder-window, owner-reminder-at-30: one thing for the owner.
    const known = knownText(t, `step_${step.startsWith("owner-reminder") ? "owner-reminder" : step}`);
    return { text: known ?? "", code: known ? null : step, when: at && t("at", { when: at }) };
  }
  if (on.startsWith("event:")) {
    const name = on.slice("event:".length).split(":")[0] ?? "";
    const known = knownText(t, `event_${name}`);
    return {
      text: known ? t("nextEvent", { event: known }) : "",
      code: known ? null : name,
      when: at && t("until", { when: at }),
    };
  }
  return { text: "", code: on || null, when: at && t("at", { when: at }) };
}
