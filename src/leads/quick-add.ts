// Reading a message pasted from Malt, LinkedIn or an email: who wrote it and what the mission is, where
// it can be recognised. Deliberately simple: anything unsure is left blank for the owner to fill in.
import { parseLooseDate, parseMoneyCents, parseMonths, parseRemote } from "./loose-values.ts";
import { isKnownSkill, skillDisplayName } from "./skills.ts";

export interface ExtractedLead {
  name?: string;
  email?: string;
  company?: string;
  dailyRateCents?: number;
  durationMonths?: number;
  skills?: string[];
  remote?: "remote" | "hybrid" | "onsite";
  startDate?: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
// A person's name: 2 to 4 capitalised words (hyphens and particles allowed), nothing else on the line.
const NAME = /^(\p{Lu}[\p{L}'’-]+(?:\s+(?:de|du|van|von|le|la|d['’])?\s*\p{Lu}[\p{L}'’-]+){1,3})$/u;

function looksLikeName(line: string): string | undefined {
  const cleaned = line
    .replace(/\s*[•·|].*$/, "")
    .replace(/\s+/g, " ")
    .trim();
  return cleaned.length <= 60 && NAME.test(cleaned) ? cleaned : undefined;
}

function findName(lines: string[], text: string): string | undefined {
  for (const line of lines) {
    const header = /^(?:de|from|expéditeur|sender)\s*:\s*([^<]+?)\s*(?:<[^>]*>)?$/i.exec(line);
    if (header?.[1]) return looksLikeName(header[1]) ?? header[1].trim().slice(0, 120);
  }
  const said =
    /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s+(?:vous a envoyé|vous a contacté|sent you|a envoyé|wants to)/u.exec(
      text,
    );
  if (said?.[1]) return said[1];
  const introduced =
    /(?:je m'appelle|je m’appelle|my name is|je suis|i am|i'm)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})/u.exec(
      text,
    );
  if (introduced?.[1]) return introduced[1];
  // LinkedIn and Malt copies start with the sender's name on its own line.
  const first = lines[0] && lines.length > 1 ? looksLikeName(lines[0]) : undefined;
  if (first) return first;
  // Else a signature: the name under the closing formula.
  const closing = lines.findIndex((l) =>
    /^(cordialement|bien à vous|bien cordialement|belle journée|bonne journée|best regards|kind regards|regards|best|merci|thanks|thank you)\b/i.test(
      l,
    ),
  );
  if (closing >= 0) {
    for (const line of lines.slice(closing + 1, closing + 3)) {
      const name = looksLikeName(line.replace(/,$/, ""));
      if (name) return name;
    }
  }
  return undefined;
}

function findCompany(text: string): string | undefined {
  const labelled = /(?:entreprise|société|societe|company|client)\s*:\s*([^\n,.;]{2,80})/i.exec(text);
  if (labelled?.[1]) return labelled[1].trim();
  // Capitalised words on the same line; a dot only inside a word ("Acme.io"), never the sentence's end.
  const word = "\\p{Lu}[\\p{L}\\p{N}&'’-]*(?:\\.[\\p{L}\\p{N}]+)*";
  const at = new RegExp(
    `\\b(?:chez|at|pour le compte de|de la société|for)[ \\t]+(${word}(?:[ \\t]+${word}){0,3})`,
    "u",
  ).exec(text);
  return at?.[1]?.trim();
}

function findDailyRate(text: string): number | undefined {
  // An amount next to a daily-rate word, or an amount "per day"; yearly salaries ("45k€") are not rates.
  const patterns = [
    /(?:tjm|taux journalier|daily rate|day rate|rate|budget)[^\d€\n]{0,25}(€?\s*\d[\d\s\u00a0.,]*\s*(?:€|eur(?:os)?)?)/i,
    /(€?\s*\d[\d\s\u00a0.,]*\s*(?:€|eur(?:os)?)\s*(?:ht\s*)?(?:\/\s*(?:j(?:our)?|d(?:ay)?)\b|par jour|per day|a day))/i,
    /(€\s*\d[\d\s\u00a0.,]*|\d[\d\s\u00a0.,]*\s*€)(?!\s*k)/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    const cents = match?.[1] ? parseMoneyCents(match[1].trim()) : undefined;
    if (cents !== undefined && cents >= 5_000 && cents <= 500_000) return cents;
  }
  return undefined;
}

// Short or common-word spellings ("go", "next", "spring", "express") are only read in their long form.
const PROSE_STOPWORDS = new Set([
  "go",
  "next",
  "spring",
  "express",
  "rails",
  "nest",
  "node",
  "elastic",
  "ruby",
  "swift",
  "dart",
  "rust",
  "mongo",
  "sap",
  "a",
  "c",
]);

function findSkills(text: string): string[] | undefined {
  const tokens = text
    .split(/[\s,;:()[\]!?/|"«»]+/)
    .map((t) => t.replace(/^[.'’-]+|[.'’-]+$/g, ""))
    .filter(Boolean);
  const found = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const pair = i + 1 < tokens.length ? `${tokens[i]} ${tokens[i + 1]}` : "";
    if (pair && isKnownSkill(pair)) {
      found.add(skillDisplayName(pair));
      i++;
      continue;
    }
    const token = tokens[i]!;
    const capitalised = /^[\p{Lu}.]/u.test(token) || /[.#+]/.test(token);
    if (token.length < 2 || !isKnownSkill(token)) continue;
    if (PROSE_STOPWORDS.has(token.toLowerCase()) && !capitalised) continue;
    if (token.length < 3 && token !== token.toUpperCase()) continue;
    found.add(skillDisplayName(token));
  }
  return found.size ? [...found] : undefined;
}

/** What the pasted text says, field by field; a field it does not say clearly is absent. */
export function extractLead(text: string, today: string): ExtractedLead {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const startLine =
    /(?:démarrage|démarrer|début|debut|start(?:ing)?|à partir d|dès le|from)[^\n]{0,60}/i.exec(text)?.[0];
  const durationLine = /[^\n]{0,40}(?:mois|months?|\ban\b|\bans\b|years?)[^\n]{0,10}/i.exec(text)?.[0];
  const extracted: ExtractedLead = {
    name: findName(lines, text),
    email: EMAIL.exec(text)?.[0]?.toLowerCase(),
    company: findCompany(text),
    dailyRateCents: findDailyRate(text),
    durationMonths: durationLine ? parseMonths(durationLine, { requireUnit: true }) : undefined,
    skills: findSkills(text),
    remote: parseRemote(text),
    startDate: startLine ? parseLooseDate(startLine, today) : undefined,
  };
  return Object.fromEntries(Object.entries(extracted).filter(([, v]) => v !== undefined)) as ExtractedLead;
}
