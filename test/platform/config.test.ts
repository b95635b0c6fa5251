import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadNodeConfig, parseConfig } from "../../src/platform/config.ts";

const SECRET = "s".repeat(40);

function issuesOf(env: Record<string, string>): string[] {
  try {
    parseConfig({ SECRET_KEY: SECRET, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("applies the documented defaults", () => {
    const config = parseConfig({ SECRET_KEY: SECRET });
    expect(config).toMatchObject({
      port: 3000,
      dataDir: "./data",
      baseUrl: "http://localhost:3000",
      secureCookies: false,
      allowPrivateTargets: false,
    });
    expect(config.google.apiRoot).toBe("https://www.googleapis.com");
  });

  it("names each invalid variable", () => {
    expect(issuesOf({ PORT: "eighty" })[0]).toMatch(/^PORT:/);
    expect(issuesOf({ PORT: "70000" })[0]).toMatch(/^PORT:/);
    expect(issuesOf({ BASE_URL: "ftp://example.com" })[0]).toMatch(/^BASE_URL:/);
    expect(issuesOf({ SMTP_URL: "http://mail" })[0]).toMatch(/^SMTP_URL:/);
    expect(issuesOf({ ALLOW_PRIVATE_TARGETS: "yes please" })[0]).toMatch(/^ALLOW_PRIVATE_TARGETS:/);
    expect(issuesOf({ SECRET_KEY: "short" })[0]).toMatch(/^SECRET_KEY:/);
    expect(issuesOf({ PORT: "x", BASE_URL: "nope" })).toHaveLength(2);
  });

  it("marks cookies Secure behind https and trims the trailing slash", () => {
    const config = parseConfig({ SECRET_KEY: SECRET, BASE_URL: "https://rdv.example.fr/" });
    expect(config.baseUrl).toBe("https://rdv.example.fr");
    expect(config.secureCookies).toBe(true);
  });

  it("generates SECRET_KEY into DATA_DIR once and reuses it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "creneau-config-"));
    const first = loadNodeConfig({ DATA_DIR: dir });
    const second = loadNodeConfig({ DATA_DIR: dir });
    expect(first.secretKey.length).toBeGreaterThanOrEqual(32);
    expect(second.secretKey).toBe(first.secretKey);
    const file = path.join(dir, "secret.key");
    expect(readFileSync(file, "utf8").trim()).toBe(first.secretKey);
    expect(statSync(file).mode & 0o077).toBe(0);
  });
});
