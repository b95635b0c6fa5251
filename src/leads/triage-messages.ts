import { formatEuros } from "./format-money.ts";

// What triage tells the prospect, in the owner's voice: kind, specific, and with the figures
// that decided it. French avoids "word :" constructions so no no-break space is needed.

export interface LocalizedMessage {
  fr: string;
  en: string;
}

const FR_MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2027-04-01" → fr "1er avril 2027", en "1 April 2027". */
export function formatDate(isoDate: string, locale: "fr" | "en"): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  const dayText = locale === "fr" && day === 1 ? "1er" : String(day);
  const months = locale === "fr" ? FR_MONTHS : EN_MONTHS;
  return `${dayText} ${months[(month ?? 1) - 1]} ${year}`;
}

function decimal(value: number, locale: "fr" | "en"): string {
  const text = String(Math.round(value * 100) / 100);
  return locale === "fr" ? text.replace(".", ",") : text;
}

/** ["TypeScript", "React", "Node.js"] → fr "TypeScript, React et Node.js", en "TypeScript, React and Node.js". */
export function formatList(items: readonly string[], locale: "fr" | "en"): string {
  if (items.length <= 1) return items.join("");
  const conjunction = locale === "fr" ? " et " : " and ";
  return items.slice(0, -1).join(", ") + conjunction + items[items.length - 1];
}

const missing = (frSubject: string, enSubject: string): LocalizedMessage => ({
  fr: `${frSubject}, nous en parlerons pendant l'échange.`,
  en: `${enSubject}; we can talk about it during the call.`,
});

export const dailyRateMessages = {
  pass: (offered: number): LocalizedMessage => ({
    fr: `Le TJM proposé (${formatEuros(offered, "fr")}) correspond à mes tarifs.`,
    en: `The daily rate offered (${formatEuros(offered, "en")}) fits my rates.`,
  }),
  fail: (offered: number, minimum: number): LocalizedMessage => ({
    fr: `Le TJM proposé (${formatEuros(offered, "fr")}) est inférieur à mon minimum (${formatEuros(minimum, "fr")}).`,
    en: `The daily rate offered (${formatEuros(offered, "en")}) is below my minimum (${formatEuros(minimum, "en")}).`,
  }),
  missing: missing("Le TJM n'est pas indiqué", "No daily rate was given"),
};

const months = (value: number, locale: "fr" | "en"): string =>
  locale === "fr" ? `${decimal(value, "fr")} mois` : `${decimal(value, "en")} month${value === 1 ? "" : "s"}`;

export const durationMessages = {
  pass: (duration: number): LocalizedMessage => ({
    fr: `Une mission de ${months(duration, "fr")} me convient.`,
    en: `A ${decimal(duration, "en")}-month mission suits me.`,
  }),
  fail: (duration: number, minimum: number): LocalizedMessage => ({
    fr: `Une mission de ${months(duration, "fr")} est plus courte que ce que j'accepte (${months(minimum, "fr")} minimum).`,
    en: `A ${decimal(duration, "en")}-month mission is shorter than I take on (${months(minimum, "en")} minimum).`,
  }),
  missing: missing("La durée de la mission n'est pas indiquée", "The length of the mission wasn't given"),
};

export const stackMissing = missing("La stack technique n'est pas indiquée", "The tech stack wasn't given");

export const requiredSkillsMessages = {
  pass: (present: readonly string[]): LocalizedMessage => ({
    fr: `La stack du projet correspond à mon expertise (${formatList(present, "fr")}).`,
    en: `The project's stack matches my expertise (${formatList(present, "en")}).`,
  }),
  review: (present: readonly string[], absent: readonly string[]): LocalizedMessage => ({
    fr: `Le projet mentionne ${formatList(present, "fr")} mais pas ${formatList(absent, "fr")}, nous verrons ensemble si cela correspond à mon profil.`,
    en: `The project mentions ${formatList(present, "en")} but not ${formatList(absent, "en")}; let's see together whether it fits my profile.`,
  }),
  fail: (required: readonly string[]): LocalizedMessage => ({
    fr: `La stack indiquée ne comprend aucune des technologies sur lesquelles je travaille (${formatList(required, "fr")}).`,
    en: `The stack described includes none of the technologies I work with (${formatList(required, "en")}).`,
  }),
};

export const excludedSkillsMessages = {
  pass: {
    fr: "Rien dans la stack indiquée ne m'empêche de prendre la mission.",
    en: "Nothing in the stack described stops me from taking on the mission.",
  },
  fail: (found: readonly string[]): LocalizedMessage => ({
    fr:
      found.length === 1
        ? `Le projet fait appel à ${found[0]}, une technologie avec laquelle je ne travaille pas.`
        : `Le projet fait appel à ${formatList(found, "fr")}, des technologies avec lesquelles je ne travaille pas.`,
    en: `The project involves ${formatList(found, "en")}, which I don't work with.`,
  }),
};

export const remoteMessages = {
  pass: (mode: "remote" | "hybrid"): LocalizedMessage =>
    mode === "remote"
      ? { fr: "Une mission en télétravail complet me convient.", en: "A fully remote mission suits me." }
      : { fr: "Une mission en mode hybride me convient.", en: "A hybrid mission suits me." },
  hybridWhenRemoteRequired: {
    fr: "Je travaille en télétravail complet, une mission hybride est à discuter selon le rythme de présence sur site.",
    en: "I work fully remote; a hybrid mission is worth discussing, depending on how often I would be on site.",
  },
  onsiteWhenRemoteRequired: {
    fr: "Je travaille uniquement en télétravail, et cette mission se déroule sur site.",
    en: "I only work remotely, and this mission is on site.",
  },
  onsiteWhenRemotePreferred: {
    fr: "Je privilégie le télétravail, une mission sur site est à discuter.",
    en: "I prefer remote work; an on-site mission is worth discussing.",
  },
  missing: missing(
    "Le mode de travail (télétravail, hybride ou sur site) n'est pas indiqué",
    "Remote, hybrid or on site wasn't specified",
  ),
};

export const startDateMessages = {
  pass: (start: string): LocalizedMessage => ({
    fr: `Un démarrage le ${formatDate(start, "fr")} me convient.`,
    en: `A start on ${formatDate(start, "en")} works for me.`,
  }),
  beforeAvailability: (start: string, earliest: string): LocalizedMessage => ({
    fr: `Je suis disponible à partir du ${formatDate(earliest, "fr")}, un démarrage le ${formatDate(start, "fr")} est à discuter.`,
    en: `I'm available from ${formatDate(earliest, "en")}; a start on ${formatDate(start, "en")} is worth discussing.`,
  }),
  inThePast: (start: string): LocalizedMessage => ({
    fr: `La date de démarrage indiquée (${formatDate(start, "fr")}) est déjà passée, nous la préciserons ensemble.`,
    en: `The start date given (${formatDate(start, "en")}) has already passed; let's settle it together.`,
  }),
  missing: missing("La date de démarrage n'est pas indiquée", "No start date was given"),
};
