// Where a lead came from, as one short channel name the funnel can group by. Pure.

/** Channels the product knows by name; an owner may also use their own (`?source=newsletter`). */
export const KNOWN_CHANNELS = [
  "malt",
  "linkedin",
  "comet",
  "crème-de-la-crème",
  "free-work",
  "referral",
  "agency",
  "website",
  "direct",
  "other",
] as const;

// Keywords a prospect writes when asked "how did you find me?", checked in this order.
const KEYWORDS: readonly [channel: string, pattern: RegExp][] = [
  ["malt", /\bmalt\b/i],
  ["linkedin", /linked\s*-?in/i],
  ["comet", /\bcomet\b/i],
  ["crème-de-la-crème", /cr[eè]me\s*de\s*la\s*cr[eè]me/i],
  ["free-work", /free[\s-]?work|freelance-info/i],
  ["agency", /\b(agence|agency|cabinet|esn|ssii|recruiter|recruteu[rs]e?|chasseur|headhunter)\b/i],
  [
    "referral",
    /\b(recommand\w*|bouche[\s-]*[àa][\s-]*oreille|referr\w*|recommend\w*|word of mouth|ami|amie|coll[eè]gue|colleague|friend|r[ée]seau)\b/i,
  ],
  [
    "website",
    /\b(site|website|blog|google|search|recherche|github|newsletter|podcast|talk|conf[ée]rence)\b/i,
  ],
];

/** "Malt " → "malt", "Crème de la Crème" → "crème-de-la-crème": a stable, URL-safe name. */
export function channelSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

/** A free-text answer read for a known channel; "other" when none is recognisable. */
export function channelFromAnswer(answer: string): string {
  const slug = channelSlug(answer);
  if ((KNOWN_CHANNELS as readonly string[]).includes(slug)) return slug;
  for (const [channel, pattern] of KEYWORDS) if (pattern.test(answer)) return channel;
  return slug === "" ? "direct" : "other";
}

/**
 * The lead's channel, most deliberate first: the link's `?source=` (the owner chose it when pasting the
 * link somewhere), then utm_source (a campaign), then the prospect's own answer, else "direct".
 */
export function leadChannel(input: {
  explicit?: string | null;
  utm?: Readonly<Record<string, string>> | null;
  answer?: unknown;
}): string {
  const explicit = input.explicit ? channelSlug(input.explicit) : "";
  if (explicit) return explicit;
  const utmSource = input.utm?.utm_source ?? input.utm?.source;
  const fromUtm = utmSource ? channelSlug(utmSource) : "";
  if (fromUtm) return fromUtm;
  const answer = Array.isArray(input.answer) ? input.answer.join(" ") : input.answer;
  return typeof answer === "string" && answer.trim() ? channelFromAnswer(answer) : "direct";
}

const MISSION_SOURCE_OF: Record<string, string> = {
  malt: "malt",
  comet: "comet",
  linkedin: "linkedin",
  referral: "referral",
  agency: "agency",
};

/** Missions know fewer sources than leads have channels (API.md: malt, comet, linkedin, referral, agency, direct). */
export function missionSourceOf(
  channel: string,
): "malt" | "comet" | "linkedin" | "referral" | "agency" | "direct" {
  return (MISSION_SOURCE_OF[channel] ?? "direct") as
    | "malt"
    | "comet"
    | "linkedin"
    | "referral"
    | "agency"
    | "direct";
}
