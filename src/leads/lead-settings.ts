// The owner's lead settings (one owner_settings row): default triage criteria, the decline email and the
// partner freelancers a declined prospect may be introduced to. Pure: schema, defaults, merging.
import * as z from "zod";
import { type TriageCriteria, triageCriteriaSchema } from "./triage.ts";

export const LEAD_SETTINGS_KEY = "leads.settings";

export const partnerSchema = z.object({
  name: z.string().trim().min(1).max(120),
  email: z.email().trim().toLowerCase().max(254),
  skills: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  locale: z.enum(["fr", "en"]).optional(),
});
export type Partner = z.output<typeof partnerSchema>;

const template = z.string().trim().max(4000);

export const leadSettingsSchema = z.object({
  /** Used by leads captured outside a booking link, and by every link for what it does not set itself. */
  criteria: triageCriteriaSchema.omit({ onDecline: true }).default({}),
  /** auto: a declined lead is emailed without the owner; manual: only when the owner declines. */
  declineEmail: z.enum(["auto", "manual"]).default("manual"),
  /** Empty: the built-in text of decline-email.ts. */
  declineTemplate: z
    .object({ fr: template.default(""), en: template.default("") })
    .default({ fr: "", en: "" }),
  partners: z.array(partnerSchema).max(50).default([]),
});
export type LeadSettings = z.output<typeof leadSettingsSchema>;
export type DefaultCriteria = LeadSettings["criteria"];

export const DEFAULT_LEAD_SETTINGS: LeadSettings = leadSettingsSchema.parse({});

/** A stored value read leniently: anything unreadable falls back to the defaults, never to a 500. */
export function readLeadSettings(stored: unknown): LeadSettings {
  const parsed = leadSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_LEAD_SETTINGS;
}

/**
 * A booking link's criteria over the owner's defaults: each rule the link sets wins, each rule it leaves
 * unset comes from the defaults. A link turns a default rule off by setting it to its neutral value
 * (minimum 0, an empty skill list, remote "any").
 */
export function effectiveCriteria(
  defaults: DefaultCriteria,
  link: Partial<TriageCriteria> | undefined,
  onDeclineFallback: TriageCriteria["onDecline"] = "flag",
): TriageCriteria {
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(link ?? {})) if (value !== undefined) merged[key] = value;
  return {
    ...(merged as Omit<TriageCriteria, "onDecline">),
    onDecline: link?.onDecline ?? onDeclineFallback,
  };
}

// ── Partners as the settings form writes them: one per line, "Name <email> skill, skill" ─────────────

const PARTNER_LINE = /^\s*([^<>]+?)\s*<([^<>\s]+)>\s*(?:[:–—-]\s*)?(.*)$/;

export interface PartnerLineError {
  line: number;
  text: string;
}

export function parsePartnerLines(text: string): { partners: Partner[]; errors: PartnerLineError[] } {
  const partners: Partner[] = [];
  const errors: PartnerLineError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    const match = PARTNER_LINE.exec(raw);
    const parsed = match
      ? partnerSchema.safeParse({
          name: match[1],
          email: match[2],
          skills: (match[3] ?? "")
            .split(/[,;]/)
            .map((s) => s.trim())
            .filter(Boolean),
        })
      : undefined;
    if (parsed?.success) partners.push(parsed.data);
    else errors.push({ line: index + 1, text: raw.trim().slice(0, 200) });
  });
  return { partners, errors };
}

export function formatPartnerLines(partners: readonly Partner[]): string {
  return partners
    .map((p) => `${p.name} <${p.email}>${p.skills.length ? ` ${p.skills.join(", ")}` : ""}`)
    .join("\n");
}
