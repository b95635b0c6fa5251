// README.txt of the accountant's ZIP: what each file is and how the CSV is written, in the owner's
// language. Plain text with CRLF lines so Notepad shows it as well as any other editor.
import type { Locale } from "../platform/i18n.ts";
import { columnDescriptions } from "./export-readme-columns.ts";

export interface ReadmeFacts {
  year: number;
  /** the day of the export, YYYY-MM-DD in the owner's time zone */
  today: string;
  csvName: string;
  invoiceCount: number;
  creditNoteCount: number;
  columns: readonly string[];
  /** documents whose number could not be used as it is for a file name */
  renamed: readonly { number: string; name: string }[];
}

export function readmeText(locale: Locale, facts: ReadmeFacts): string {
  const text = locale === "en" ? english(facts) : french(facts);
  const descriptions = columnDescriptions(locale);
  const columns = facts.columns.map((column) => `  ${column}: ${descriptions[column] ?? ""}`);
  const renamed = facts.renamed.map(({ number, name }) => `  ${number} -> ${name}`);
  return [
    ...text.intro,
    "",
    ...text.files,
    "",
    text.csvConventions,
    ...columns,
    ...(renamed.length > 0 ? ["", text.renamed, ...renamed] : []),
    "",
  ].join("\r\n");
}

function french(f: ReadmeFacts) {
  return {
    intro: [
      `Export comptable ${f.year}, généré le ${f.today}.`,
      `${f.invoiceCount} facture(s) et ${f.creditNoteCount} avoir(s) émis en ${f.year}.`,
    ],
    files: [
      "Contenu :",
      `  ${f.csvName} : les factures, avoirs et encaissements de l'année, une ligne chacun.`,
      "  invoices/ : les factures ; credit-notes/ : les avoirs. Pour chaque numéro :",
      "    NUMERO.pdf : la facture Factur-X (PDF/A-3, profil EN 16931) envoyée au client, qui",
      "      contient elle-même le fichier XML CII ; c'est l'original à conserver.",
      "    NUMERO.xml : ce même XML CII (UN/CEFACT, norme EN 16931), à part.",
      "    NUMERO-ubl.xml : la même facture au format OASIS UBL 2.1 (EN 16931), mêmes montants.",
      "  README.txt : ce fichier.",
    ],
    csvConventions: [
      "Le CSV suit la RFC 4180 : séparateur virgule, encodage UTF-8, fins de ligne CRLF.",
      "Montants en euros, point décimal (1234.56), avoirs en négatif. Dans LibreOffice ou Excel,",
      "choisir « virgule » comme séparateur et « anglais » comme langue à l'import. Colonnes :",
    ].join("\r\n"),
    renamed: "Numéros modifiés dans les noms de fichiers (caractères non admis par tous les systèmes) :",
  };
}

function english(f: ReadmeFacts) {
  return {
    intro: [
      `Accounting export for ${f.year}, made on ${f.today}.`,
      `${f.invoiceCount} invoice(s) and ${f.creditNoteCount} credit note(s) issued in ${f.year}.`,
    ],
    files: [
      "Contents:",
      `  ${f.csvName}: the year's invoices, credit notes and payments received, one row each.`,
      "  invoices/: the invoices; credit-notes/: the credit notes. For each number:",
      "    NUMBER.pdf: the Factur-X invoice (PDF/A-3, EN 16931 profile) sent to the client, with",
      "      the CII XML inside it; this is the original to keep.",
      "    NUMBER.xml: that same CII XML (UN/CEFACT, EN 16931 standard), on its own.",
      "    NUMBER-ubl.xml: the same invoice as OASIS UBL 2.1 (EN 16931), with the same amounts.",
      "  README.txt: this file.",
    ],
    csvConventions: [
      "The CSV follows RFC 4180: comma separator, UTF-8, CRLF line endings.",
      "Amounts in euros with a decimal point (1234.56), credit notes negative. When importing into",
      'LibreOffice or Excel, choose "comma" as the separator and English as the language. Columns:',
    ].join("\r\n"),
    renamed: "Numbers changed in file names (characters not every system accepts):",
  };
}
