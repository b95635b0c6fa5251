// POST /api/leads: a lead sent by a script or an integration (a Zapier hook on Malt's emails…).
// The owner hears about it by email, with one-click links; a lead triage declines is answered kindly
// at once when the owner chose automatic decline emails.
import * as z from "zod";
import type { AppDeps } from "../platform/deps.ts";
import type { CurrentOwner } from "../platform/http/context.ts";
import { validate } from "../platform/http/request-body.ts";
import { sendMail } from "../platform/mail/send.ts";
import { isIsoDate } from "../scheduling/answer-parsers.ts";
import { type CaptureResult, captureLead } from "./capture.ts";
import { leadChannel } from "./channels.ts";
import { declineDraft, declineLead } from "./decline.ts";
import { leadAnswers } from "./lead-answers.ts";
import { getLeadWithContact } from "./lead-queries.ts";
import { leadActionUrl } from "./links.ts";
import { newLeadEmail } from "./new-lead-email.ts";
import { channelLabel } from "./pages/labels.ts";
import { getLeadSettings } from "./settings-store.ts";

export const newLeadSchema = z.object({
  name: z.string().trim().min(1, "is required").max(120),
  email: z.email("is not a valid email address").trim().toLowerCase().max(254).nullish(),
  company: z.string().trim().max(200).nullish(),
  source: z.string().trim().max(60).nullish(),
  answers: z
    .object({
      dailyRateCents: z.int().min(1).max(10_000_000),
      durationMonths: z.number().gt(0).max(120),
      skills: z.union([z.string().max(500), z.array(z.string().max(100)).max(50)]),
      remote: z.enum(["remote", "hybrid", "onsite"]),
      startDate: z.string().refine(isIsoDate, "is not a real YYYY-MM-DD date"),
    })
    .partial()
    .default({}),
  notes: z.string().max(10_000).nullish(),
  utm: z.record(z.string().max(40), z.string().max(200)).nullish(),
  locale: z.enum(["fr", "en"]).optional(),
  /** when the first contact happened, if it was before now (importing history) */
  createdAt: z.iso.datetime({ offset: true }).optional(),
});

export async function captureFromApi(
  deps: AppDeps,
  owner: CurrentOwner,
  body: unknown,
): Promise<CaptureResult> {
  const input = validate(newLeadSchema, body);
  const { dailyRateCents, ...rest } = input.answers;
  const result = await captureLead(deps, owner, {
    name: input.name,
    email: input.email ?? null,
    company: input.company ?? null,
    channel: leadChannel({ explicit: input.source, utm: input.utm }),
    answers: {
      ...rest,
      ...(dailyRateCents !== undefined ? { dailyRate: dailyRateCents } : {}),
      ...(input.company ? { company: input.company } : {}),
    },
    notes: input.notes ?? null,
    utm: input.utm ?? null,
    locale: input.locale ?? owner.locale,
    via: "api",
    by: "api",
    ...(input.createdAt ? { createdAt: Date.parse(input.createdAt) } : {}),
  });
  const settings = await getLeadSettings(deps.database, owner.id);
  if (result.verdict === "declined" && settings.declineEmail === "auto") {
    const draft = await declineDraft(deps, owner, result.leadId);
    await declineLead(deps, owner, result.leadId, { message: draft.message, by: "system" });
    return { ...result, stage: "declined" };
  }
  await notifyOwner(deps, owner, result);
  return result;
}

async function notifyOwner(deps: AppDeps, owner: CurrentOwner, result: CaptureResult): Promise<void> {
  const lead = await getLeadWithContact(deps.database, owner.id, result.leadId);
  if (!lead) return;
  const now = deps.clock.now();
  const locale = owner.locale;
  const answers = await leadAnswers(deps, lead);
  const link = (action: "qualify" | "advance" | "decline") =>
    leadActionUrl(deps.config, lead.id, action, result.stage, now);
  const email = newLeadEmail({
    locale,
    name: lead.contact.name,
    email: lead.contact.email.endsWith(".invalid") ? null : lead.contact.email,
    company: lead.contact.company,
    channel: channelLabel(lead.source, locale),
    verdict: result.verdict,
    reasons: result.reasons.filter((r) => r.outcome !== "pass").map((r) => r.message[locale]),
    answers: answers.display(locale),
    leadUrl: `${deps.config.baseUrl}/dashboard/leads/${lead.id}`,
    links: {
      qualify: result.verdict === "qualified" ? null : link("qualify"),
      advance: link("advance"),
      decline: link("decline"),
    },
  });
  await sendMail(deps, {
    ownerId: owner.id,
    idempotencyKey: `lead:${lead.id}:new:owner`,
    why: "lead.new",
    to: { address: owner.email, name: owner.name },
    subject: email.subject,
    html: email.html,
    text: email.text,
    locale,
  });
}
