// Everything the lead page shows, gathered in one place (the page itself never queries).
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { hasRealEmail } from "./capture.ts";
import { leadAnswers } from "./lead-answers.ts";
import { emailsTo, eventsOfLeads, getLeadWithContact, leadsOfContact } from "./lead-queries.ts";
import type { DoneNotice, LeadPageData } from "./pages/lead-page.ts";
import { buildTimeline } from "./pages/timeline.ts";
import type { TriageReason } from "./triage.ts";

export async function leadPageData(
  deps: AppDeps,
  owner: CurrentOwner,
  csrfToken: string,
  leadId: string,
  done: DoneNotice | null,
): Promise<LeadPageData | undefined> {
  const lead = await getLeadWithContact(deps.database, owner.id, leadId);
  if (!lead) return undefined;
  const realEmail = hasRealEmail(lead.contact.email);
  const [answers, events, emails, all] = await Promise.all([
    leadAnswers(deps, lead),
    eventsOfLeads(deps.database, owner.id, [lead.id]),
    realEmail ? emailsTo(deps.database, owner.id, lead.contact.email) : Promise.resolve([]),
    leadsOfContact(deps.database, owner.id, lead.contact.id),
  ]);
  const lost = events.find((e) => e.kind === "stage.changed" && e.data?.to === "lost");
  const won = events.find((e) => e.kind === "lead.won");
  return {
    owner,
    csrfToken,
    lead,
    realEmail,
    linkTitle: answers.linkTitle,
    answers: answers.display(owner.locale),
    reasons: (lead.reasons as TriageReason[])
      .filter((r) => r.outcome !== "pass")
      .map((r) => ({ outcome: r.outcome, text: r.message?.[owner.locale] ?? "" })),
    timeline: buildTimeline({ locale: owner.locale, timeZone: owner.timeZone, events, emails }),
    others: all
      .filter((l) => l.id !== lead.id)
      .map((l) => ({ id: l.id, stage: l.stage, createdAt: l.createdAt })),
    missionId: typeof won?.data?.missionId === "string" ? won.data.missionId : null,
    lostReason: lead.stage === "lost" && typeof lost?.data?.reason === "string" ? lost.data.reason : null,
    done,
  };
}
