// Validates a CII invoice against the official EN 16931 artefacts kept beside the project
// (../shared/en16931, or EN16931_DIR): the D16B XSD through xmllint, then the business rules
// (schematron compiled for SaxonJS) in-process. Tests skip with a clear message when they are absent.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export interface FailedAssert {
  id: string;
  /** "fatal" breaks the standard; "warning" is what the rules call a recommendation. */
  flag: string;
  text: string;
}
export type CiiValidation = { xsdErrors: string[]; failedAsserts: FailedAssert[] } | { skipped: string };

const repoRoot = path.resolve(import.meta.dirname, "../..");
export const EN16931_DIR = process.env.EN16931_DIR ?? path.resolve(repoRoot, "../shared/en16931");
const XSD_PATH = path.join(
  EN16931_DIR,
  "cii/schema/D16B SCRDM (Subset)/uncoupled clm/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd",
);
const SEF_PATH = path.join(EN16931_DIR, "EN16931-CII-validation.sef.json");
export const CII_EXAMPLES_DIR = path.join(EN16931_DIR, "cii/examples");
const XMLLINT = process.env.XMLLINT ?? "/usr/bin/xmllint";

/** Why validation cannot run here, or undefined when it can. Synchronous, for `it.skipIf`. */
export function en16931SkipReason(): string | undefined {
  if (!existsSync(XSD_PATH) || !existsSync(SEF_PATH)) {
    return `EN 16931 artefacts not found in ${EN16931_DIR} (set EN16931_DIR to the folder holding cii/ and the .sef.json)`;
  }
  if (!existsSync(XMLLINT))
    return `xmllint not found at ${XMLLINT} (apt-get install libxml2-utils, or set XMLLINT)`;
  return undefined;
}

export async function validateCii(xml: string): Promise<CiiValidation> {
  const skipped = en16931SkipReason();
  if (skipped) return { skipped };
  const [xsdErrors, failedAsserts] = await Promise.all([validateSyntax(xml), validateBusinessRules(xml)]);
  return { xsdErrors, failedAsserts };
}

function validateSyntax(xml: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(XMLLINT, ["--noout", "--nonet", "--schema", XSD_PATH, "-"]);
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const errors = stderr
        .split("\n")
        .filter((line) => line.trim() !== "" && !/^- (validates|fails to validate)$/.test(line.trim()));
      if (code !== 0 && errors.length === 0) errors.push(`xmllint exited with code ${code}`);
      resolve(errors);
    });
    child.stdin.end(xml, "utf8");
  });
}

interface SaxonJsApi {
  transform(
    options: { stylesheetInternal: unknown; sourceText: string; destination: "raw" },
    mode: "async",
  ): Promise<{ principalResult: unknown }>;
  getResource(options: { text: string; type: "xml" }): Promise<unknown>;
  XPath: { evaluate(xpath: string, context: unknown, options?: Record<string, unknown>): unknown };
}

// saxon-js ships no types; it is loaded on first use only.
let saxonJs: SaxonJsApi | undefined;
function saxon(): SaxonJsApi {
  saxonJs ??= createRequire(import.meta.url)("saxon-js") as SaxonJsApi;
  return saxonJs;
}

// The 5 MB compiled schematron is parsed once per test file and reused for every invoice.
let compiledRules: unknown;

async function validateBusinessRules(xml: string): Promise<FailedAssert[]> {
  compiledRules ??= JSON.parse(readFileSync(SEF_PATH, "utf8"));
  const { principalResult } = await saxon().transform(
    { stylesheetInternal: compiledRules, sourceText: xml, destination: "raw" },
    "async",
  );
  const asserts = saxon().XPath.evaluate(
    "array { descendant-or-self::*:failed-assert ! map { 'id': string(@id), 'flag': string(@flag), 'text': normalize-space(*:text) } }",
    principalResult,
  );
  return asserts as FailedAssert[];
}

const CII_NAMESPACES = {
  rsm: "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
  ram: "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
  udt: "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
  qdt: "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
};

/**
 * The string values an XPath 3.1 expression selects in a CII document (prefixes rsm, ram, udt, qdt),
 * read back by a real XML parser so tests check what a receiver would see. Needs no artefacts.
 */
export async function ciiXPath(xml: string, expression: string): Promise<string[]> {
  const document = await saxon().getResource({ text: xml, type: "xml" });
  const values = saxon().XPath.evaluate(`array { (${expression}) ! string() }`, document, {
    namespaceContext: CII_NAMESPACES,
  });
  return values as string[];
}

/** A one-line summary for assertion messages. */
export function describeFailures(result: CiiValidation): string {
  if ("skipped" in result) return result.skipped;
  return [...result.xsdErrors, ...result.failedAsserts.map((a) => `${a.id} (${a.flag}): ${a.text}`)].join(
    "\n",
  );
}
