// The verification snippets in docs/webhooks.md are run as written: they accept what Créneau signs and refuse
// a changed body, a wrong secret and an old timestamp.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { signatureHeader } from "../../src/webhooks/signature.ts";

const doc = readFileSync(new URL("../../docs/webhooks.md", import.meta.url), "utf8");
const block = (language: string) => {
  const match = new RegExp("```" + language + "\\n([\\s\\S]*?)```").exec(doc);
  if (!match?.[1]) throw new Error(`no ${language} block in docs/webhooks.md`);
  return match[1];
};

const secret = "whsec_test_secret";
const body = '{"id":"e1","type":"invoice.paid","createdAt":"2027-03-26T09:00:00.000Z","data":{"id":"i1"}}';

describe("docs/webhooks.md verification snippets", () => {
  it("Node.js", async () => {
    const source = block("js")
      .replace(/^import .*$/m, "")
      .replace("export function", "function");
    const verify = new Function("createHmac", "timingSafeEqual", `${source}; return verifyCreneau;`)(
      (await import("node:crypto")).createHmac,
      (await import("node:crypto")).timingSafeEqual,
    ) as (header: string, raw: string, secret: string) => boolean;
    const header = signatureHeader(secret, Date.now(), body);
    expect(verify(header, body, secret)).toBe(true);
    expect(verify(header, body.replace("i1", "i2"), secret)).toBe(false);
    expect(verify(header, body, "whsec_other")).toBe(false);
    expect(verify(signatureHeader(secret, Date.now() - 3_600_000, body), body, secret)).toBe(false);
  });

  it("Python", () => {
    const run = (header: string, raw: string, key: string) =>
      execFileSync(
        "/usr/bin/python3",
        [
          "-c",
          `${block("python")}\nimport sys\nprint(verify_creneau(sys.argv[1], sys.argv[2].encode(), sys.argv[3]))`,
          header,
          raw,
          key,
        ],
        { encoding: "utf8" },
      ).trim();
    const header = signatureHeader(secret, Date.now(), body);
    expect(run(header, body, secret)).toBe("True");
    expect(run(header, `${body} `, secret)).toBe("False");
    expect(run(signatureHeader(secret, Date.now() - 3_600_000, body), body, secret)).toBe("False");
  });
});
