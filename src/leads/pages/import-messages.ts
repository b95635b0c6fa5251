// Words of the CSV import pages, and each row problem said plainly.
import { defineMessages, type Locale } from "../../platform/i18n.ts";
import type { ImportField } from "../csv/columns.ts";
import type { FileProblem } from "../csv/plan.ts";
import type { RowProblem } from "../csv/rows.ts";

export const importMessages = defineMessages({
  fr: {
    title: "Importer des prospects",
    intro:
      "Un fichier CSV exporté d'un tableur, d'un CRM ou de Malt. Il faut au moins une colonne e-mail et une colonne nom (ou prénom et nom). Reconnues aussi\u00a0: entreprise, source, TJM, durée, stack, télétravail, début, notes, date, étape.",
    file: "Fichier CSV",
    fileHint: "1 Mo au plus (environ 10 000 lignes). UTF-8, UTF-16 ou Windows-1252 : l'encodage est reconnu.",
    delimiter: "Séparateur",
    auto: "Détecter",
    comma: "Virgule (,)",
    semicolon: "Point-virgule (;)",
    tab: "Tabulation",
    pipe: "Barre verticale (|)",
    upload: "Voir l'aperçu",
    noFile: "Choisissez un fichier CSV.",
    recent: "Imports récents",
    previewTitle: "Aperçu de l'import",
    nothingYet: "Rien n'est encore importé\u00a0: vérifiez l'aperçu, puis confirmez.",
    readAs: "Lu en {encoding}, séparateur «\u00a0{delimiter}\u00a0».",
    columns: "Colonnes reconnues\u00a0: {columns}.",
    ignored: "Colonnes ignorées\u00a0: {columns}.",
    willCreate: "{count} nouveau(x) prospect(s)",
    willMerge: "{count} personne(s) déjà connue(s)\u00a0: la demande rejoint leur historique",
    willSkip: "{count} personne(s) déjà en cours dans le pipeline\u00a0: ignorée(s)",
    withErrors: "{count} ligne(s) avec des erreurs\u00a0: elles ne seront pas importées",
    errorsTitle: "Lignes avec des erreurs",
    moreErrors: "… et {count} autre(s).",
    line: "Ligne {line}",
    sample: "Premières lignes",
    confirm: "Importer les {count} ligne(s) valides",
    nothingToImport: "Aucune ligne à importer.",
    another: "Choisir un autre fichier",
    runningTitle: "Import en cours",
    progress: "{done} sur {total}",
    stalled: "L'import s'est arrêté à {done} sur {total} (le serveur a sans doute redémarré).",
    resume: "Reprendre",
    undo: "Annuler cet import",
    undoHint: "Supprime les prospects créés par cet import.",
    doneTitle: "Import terminé",
    doneSummary: "{created} prospect(s) créé(s), {merged} demande(s) ajoutée(s) à une personne déjà connue.",
    undoneTitle: "Import annulé",
    undoneText: "Les prospects créés par cet import ont été supprimés.",
    seeLeads: "Voir les prospects",
    status_preview: "aperçu",
    status_running: "en cours",
    status_done: "terminé",
    status_undone: "annulé",
    file_empty: "Le fichier ne contient aucune ligne après l'en-tête.",
    file_missing_columns:
      "Colonnes manquantes\u00a0: {missing}. Colonnes trouvées\u00a0: {found}. Si tout tient dans une seule colonne, choisissez un autre séparateur.",
    file_unterminated_quote: "Un guillemet ouvert ligne {line} n'est jamais fermé.",
    file_too_many_rows: "Le fichier a {rows} lignes, l'import en accepte {max} au plus\u00a0: découpez-le.",
    row_email_missing: "e-mail manquant",
    row_email_invalid: "e-mail invalide",
    row_name_missing: "nom manquant",
    row_too_long: "{field} trop long",
    row_formula:
      "{field} ressemble à une formule de tableur ({value})\u00a0: corrigez ou supprimez la cellule",
    row_unreadable: "{field} illisible ({value})",
    row_extra_cells:
      "{cells} cellules pour {expected} colonnes\u00a0: une valeur contenant le séparateur doit être entre guillemets",
    row_duplicate: "même e-mail que la ligne {firstLine}",
    email: "e-mail",
    name: "nom",
    firstName: "prénom",
    lastName: "nom",
    company: "entreprise",
    source: "source",
    dailyRate: "TJM",
    durationMonths: "durée",
    skills: "stack",
    remote: "télétravail",
    startDate: "début",
    notes: "notes",
    date: "date",
    stage: "étape",
  },
  en: {
    title: "Import leads",
    intro:
      "A CSV file exported from a spreadsheet, a CRM or Malt. It needs at least an email column and a name column (or first and last name). Also recognised: company, source, daily rate, duration, stack, remote, start, notes, date, stage.",
    file: "CSV file",
    fileHint: "1 MB at most (about 10,000 rows). UTF-8, UTF-16 or Windows-1252: the encoding is recognised.",
    delimiter: "Delimiter",
    auto: "Detect",
    comma: "Comma (,)",
    semicolon: "Semicolon (;)",
    tab: "Tab",
    pipe: "Vertical bar (|)",
    upload: "Preview",
    noFile: "Choose a CSV file.",
    recent: "Recent imports",
    previewTitle: "Import preview",
    nothingYet: "Nothing is imported yet: check the preview, then confirm.",
    readAs: "Read as {encoding}, delimiter “{delimiter}”.",
    columns: "Columns recognised: {columns}.",
    ignored: "Columns ignored: {columns}.",
    willCreate: "{count} new lead(s)",
    willMerge: "{count} known person(s): the request joins their history",
    willSkip: "{count} person(s) already open in the pipeline: skipped",
    withErrors: "{count} row(s) with errors: they will not be imported",
    errorsTitle: "Rows with errors",
    moreErrors: "… and {count} more.",
    line: "Line {line}",
    sample: "First rows",
    confirm: "Import the {count} valid row(s)",
    nothingToImport: "No row to import.",
    another: "Choose another file",
    runningTitle: "Importing",
    progress: "{done} of {total}",
    stalled: "The import stopped at {done} of {total} (the server probably restarted).",
    resume: "Resume",
    undo: "Undo this import",
    undoHint: "Removes the leads this import created.",
    doneTitle: "Import finished",
    doneSummary: "{created} lead(s) created, {merged} request(s) added to an existing contact.",
    undoneTitle: "Import undone",
    undoneText: "The leads this import created were removed.",
    seeLeads: "See the leads",
    status_preview: "preview",
    status_running: "running",
    status_done: "done",
    status_undone: "undone",
    file_empty: "The file has no rows after its header.",
    file_missing_columns:
      "Missing columns: {missing}. Columns found: {found}. If everything sits in one column, choose another delimiter.",
    file_unterminated_quote: "A quote opened on line {line} is never closed.",
    file_too_many_rows: "The file has {rows} rows; the import takes {max} at most: split it.",
    row_email_missing: "email missing",
    row_email_invalid: "invalid email",
    row_name_missing: "name missing",
    row_too_long: "{field} too long",
    row_formula: "{field} looks like a spreadsheet formula ({value}): fix or remove the cell",
    row_unreadable: "{field} unreadable ({value})",
    row_extra_cells: "{cells} cells for {expected} columns: a value containing the delimiter must be quoted",
    row_duplicate: "same email as line {firstLine}",
    email: "email",
    name: "name",
    firstName: "first name",
    lastName: "last name",
    company: "company",
    source: "source",
    dailyRate: "daily rate",
    durationMonths: "duration",
    skills: "stack",
    remote: "remote",
    startDate: "start",
    notes: "notes",
    date: "date",
    stage: "stage",
  },
});

export function rowProblemText(problem: RowProblem, locale: Locale): string {
  const t = importMessages(locale);
  const field = (f: ImportField | undefined) => (f ? t(f) : "");
  switch (problem.code) {
    case "formula":
    case "unreadable":
      return t(`row_${problem.code}`, { field: field(problem.field), value: problem.value });
    case "too_long":
      return t("row_too_long", { field: field(problem.field) });
    case "extra_cells":
      return t("row_extra_cells", { cells: problem.cells, expected: problem.expected });
    case "duplicate":
      return t("row_duplicate", { firstLine: problem.firstLine });
    default:
      return t(`row_${problem.code}`);
  }
}

export function fileProblemText(problem: FileProblem, locale: Locale): string {
  const t = importMessages(locale);
  switch (problem.code) {
    case "missing_columns":
      return t("file_missing_columns", {
        missing: problem.missing.map((m) => t(m)).join(", "),
        found: problem.found.join(", ") || "—",
      });
    case "unterminated_quote":
      return t("file_unterminated_quote", { line: problem.line });
    case "too_many_rows":
      return t("file_too_many_rows", { rows: problem.rows, max: problem.max });
    default:
      return t("file_empty");
  }
}
