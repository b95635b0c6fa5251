import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv } from "../../src/leads/csv/parse.ts";
import { planAgainstExisting, readImportFile } from "../../src/leads/csv/plan.ts";
import { looksLikeFormula } from "../../src/leads/csv/rows.ts";

const TODAY = "2027-03-01";
const utf8 = (text: string) => new TextEncoder().encode(text);
// Windows-1252, as French Excel saves: Latin-1 plus € at 0x80.
const cp1252 = (text: string) =>
  Uint8Array.from([...text].map((ch) => (ch === "€" ? 0x80 : ch.charCodeAt(0))));

describe("CSV parsing", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks inside, and reports record lines", () => {
    const text = 'name,notes\r\n"Dupont, Jean","said ""hi""\nthen left"\r\nAlice,ok\n\n';
    expect(parseCsv(text, ",")).toEqual({
      records: [
        { line: 1, cells: ["name", "notes"] },
        { line: 2, cells: ["Dupont, Jean", 'said "hi"\nthen left'] },
        { line: 4, cells: ["Alice", "ok"] },
      ],
    });
  });

  it("says where a quote was never closed", () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n', ",").unterminatedQuoteAt).toBe(2);
  });

  it("detects the delimiter from the header, ignoring delimiters inside quotes", () => {
    expect(detectDelimiter("Nom;E-mail;Entreprise\nA;b@c.fr;X")).toBe(";");
    expect(detectDelimiter('"a;b;c",email\n')).toBe(",");
    expect(detectDelimiter("name\temail\n")).toBe("\t");
  });
});

describe("reading an import file", () => {
  it("reads French Excel output: Windows-1252, semicolons, French headers and values", () => {
    const file = cp1252(
      "Prénom;Nom;E-mail;Société;TJM;Durée;Télétravail;Début\r\nJérôme;Lefèvre;JEROME@example.fr;Crédit Nord;650 €;6 mois;hybride;01/04/2027\r\n",
    );
    const read = readImportFile(file, TODAY);
    expect(read.encoding).toBe("windows-1252");
    expect(read.delimiter).toBe(";");
    expect(read.errors).toEqual([]);
    expect(read.rows).toEqual([
      {
        line: 2,
        name: "Jérôme Lefèvre",
        email: "jerome@example.fr",
        company: "Crédit Nord",
        source: "other",
        answers: { dailyRate: 65_000, durationMonths: 6, remote: "hybrid", startDate: "2027-04-01" },
        notes: null,
        date: null,
        stage: "new",
      },
    ]);
  });

  it("strips a UTF-8 byte order mark so the first header is still recognised, and reads UTF-16", () => {
    const bom = readImportFile(utf8("\uFEFFemail,name\r\na@example.org,Ann\r\n"), TODAY);
    expect(bom.encoding).toBe("utf-8");
    expect(bom.rows.map((r) => r.email)).toEqual(["a@example.org"]);
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[..."email,name\nb@example.org,Bé\n"].flatMap((ch) => [ch.charCodeAt(0), 0]),
    ]);
    const read = readImportFile(utf16, TODAY);
    expect(read.encoding).toBe("utf-16le");
    expect(read.rows[0]).toMatchObject({ email: "b@example.org", name: "Bé" });
  });

  it("refuses a file without an email or name column, naming what it found", () => {
    const read = readImportFile(utf8("Contact;Phone\nAnn;0102\n"), TODAY);
    expect(read.problem).toEqual({
      code: "missing_columns",
      missing: ["email"],
      found: ["Contact", "Phone"],
    });
    expect(read.rows).toEqual([]);
  });

  it("a wrongly chosen delimiter shows up as missing columns, not as garbage rows", () => {
    const read = readImportFile(utf8("name;email\nAnn;a@example.org\n"), TODAY, ",");
    expect(read.problem).toMatchObject({ code: "missing_columns", found: ["name;email"] });
  });

  it("reports every bad row with every reason, and keeps the good ones", () => {
    const csv = [
      "name,email,company,tjm,source,stage",
      "Ann,ann@example.org,Acme,600,Malt,",
      "Bob,not-an-email,Acme,,LinkedIn,",
      ",carl@example.org,=cmd|' /C calc'!A0,,,",
      "Dan,dan@example.org,+33 6 12 34 56 78,six cents,,",
      "Eve,ANN@example.org,Dup,,,",
      "Fay,fay@example.org,Acme,,bouche à oreille,gagné",
      "Gus,gus@example.org,Acme,600,Malt,new,extra",
      "Hal,hal@example.org,@SUM(A1),,,",
    ].join("\n");
    const read = readImportFile(utf8(csv), TODAY);
    expect(read.rows.map((r) => [r.line, r.email, r.source, r.stage])).toEqual([
      [2, "ann@example.org", "malt", "new"],
      [7, "fay@example.org", "referral", "won"],
    ]);
    expect(read.errors).toEqual([
      { line: 3, problems: [{ code: "email_invalid", field: "email" }] },
      {
        line: 4,
        problems: [
          { code: "formula", field: "company", value: "=cmd|' /C calc'!A0" },
          { code: "name_missing" },
        ],
      },
      { line: 5, problems: [{ code: "unreadable", field: "dailyRate", value: "six cents" }] },
      { line: 6, problems: [{ code: "duplicate", firstLine: 2 }] },
      { line: 8, problems: [{ code: "extra_cells", cells: 7, expected: 6 }] },
      { line: 9, problems: [{ code: "formula", field: "company", value: "@SUM(A1)" }] },
    ]);
  });

  it("handles 100,000 rows quickly, with the errors still reported per row", () => {
    const lines = ["name,email,tjm"];
    for (let i = 0; i < 100_000; i++)
      lines.push(i % 1000 === 999 ? `P${i},broken${i},600` : `P${i},p${i}@example.org,600`);
    const started = performance.now();
    const read = readImportFile(utf8(lines.join("\n")), TODAY);
    const elapsed = performance.now() - started;
    expect(read.rows).toHaveLength(99_900);
    expect(read.errors).toHaveLength(100);
    expect(read.errors[0]).toEqual({ line: 1001, problems: [{ code: "email_invalid", field: "email" }] });
    expect(elapsed).toBeLessThan(3000);
  });

  it("refuses more rows than it can preview", () => {
    const lines = ["name,email", ...Array.from({ length: 100_001 }, (_, i) => `P,p${i}@x.org`)];
    expect(readImportFile(utf8(lines.join("\n")), TODAY).problem).toEqual({
      code: "too_many_rows",
      rows: 100_001,
      max: 100_000,
    });
  });
});

describe("planning against the pipeline", () => {
  it("adds a returning person to their history, and skips someone with an open lead", () => {
    const read = readImportFile(
      utf8("name,email\nAnn,ann@example.org\nBob,bob@example.org\nCy,cy@example.org\n"),
      TODAY,
    );
    const existing = new Map([
      ["ann@example.org", { hasOpenLead: true }],
      ["bob@example.org", { hasOpenLead: false }],
    ]);
    const plan = planAgainstExisting(read.rows, existing);
    expect(plan.skipped).toEqual([{ line: 2, email: "ann@example.org" }]);
    expect(plan.rows.map((r) => [r.email, r.action])).toEqual([
      ["bob@example.org", "merge"],
      ["cy@example.org", "create"],
    ]);
  });
});

describe("formula detection", () => {
  it.each([
    ["=1+1", true],
    ["@SUM(A1)", true],
    ["+cmd", true],
    ["-2+3+cmd|' /C calc'!A0", true],
    ["- cmd", true],
    ["+33 6 12 34 56 78", false],
    ["-5", false],
    ["\tx", true],
    ["Acme", false],
  ])("%j → %j", (value, formula) => expect(looksLikeFormula(value)).toBe(formula));
});
