// Which column of an uploaded CSV holds what, read from its header in French or English. Pure.

export const IMPORT_FIELDS = [
  "name",
  "firstName",
  "lastName",
  "email",
  "company",
  "source",
  "dailyRate",
  "durationMonths",
  "skills",
  "remote",
  "startDate",
  "notes",
  "date",
  "stage",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const ALIASES: Record<ImportField, readonly string[]> = {
  name: ["name", "nom complet", "full name", "contact", "prospect", "nom et prénom", "prénom nom"],
  firstName: ["prénom", "prenom", "first name", "firstname", "given name"],
  lastName: ["nom", "last name", "lastname", "surname", "family name", "nom de famille"],
  email: ["email", "e-mail", "mail", "courriel", "adresse e-mail", "adresse email", "email address"],
  company: ["company", "entreprise", "société", "societe", "client", "organisation", "organization"],
  source: ["source", "canal", "channel", "origine", "provenance"],
  dailyRate: ["tjm", "daily rate", "taux journalier", "rate", "tarif", "tjm (€)", "tjm proposé"],
  durationMonths: ["duration", "durée", "duree", "durée (mois)", "duration (months)", "months", "mois"],
  skills: ["skills", "stack", "compétences", "competences", "technologies", "techno", "technos"],
  remote: ["remote", "télétravail", "teletravail", "mode", "work mode"],
  startDate: ["start date", "start", "date de début", "début", "démarrage", "date de démarrage"],
  notes: ["notes", "note", "comment", "comments", "commentaire", "commentaires", "message", "description"],
  date: [
    "date",
    "created",
    "created at",
    "date de contact",
    "contact date",
    "date du contact",
    "first contact",
  ],
  stage: ["stage", "étape", "etape", "statut", "status", "pipeline"],
};

const key = (header: string) =>
  header.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ").replace(/^"|"$/g, "");

const FIELD_BY_ALIAS = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const alias of ALIASES[field]) FIELD_BY_ALIAS.set(key(alias), field);

export interface ColumnMap {
  /** cell index → field; a field appears at most once (its first column) */
  fields: Map<number, ImportField>;
  /** header cells no field recognised, shown to the owner so they see what was ignored */
  ignored: string[];
  /** what the import cannot do without: an email, and a name (whole, or first + last) */
  missing: ("email" | "name")[];
}

export function mapColumns(header: readonly string[]): ColumnMap {
  const fields = new Map<number, ImportField>();
  const seen = new Set<ImportField>();
  const ignored: string[] = [];
  header.forEach((cell, index) => {
    const field = FIELD_BY_ALIAS.get(key(cell));
    if (field && !seen.has(field)) {
      fields.set(index, field);
      seen.add(field);
    } else if (cell.trim()) ignored.push(cell.trim());
  });
  const missing: ColumnMap["missing"] = [];
  if (!seen.has("email")) missing.push("email");
  if (!seen.has("name") && !seen.has("lastName") && !seen.has("firstName")) missing.push("name");
  return { fields, ignored, missing };
}
