// File names in the accountant's ZIP: safe on every file system, one per document, and the same name
// for the same number on every export.
import { describe, expect, it } from "vitest";
import { archiveNamer, fingerprint, safeBaseName } from "../../src/invoicing/export-names.ts";

describe("file names from invoice numbers", () => {
  it("keeps ordinary numbers as they are", () => {
    expect(safeBaseName("F-2027-0001")).toBe("F-2027-0001");
    expect(safeBaseName("AV_2027-0012")).toBe("AV_2027-0012");
  });

  it("drops accents and ligatures and replaces separators, dots and dangerous characters", () => {
    expect(safeBaseName("FÉ/2027/0001")).toBe("FE_2027_0001");
    expect(safeBaseName("Œuvre-Çà-2027")).toBe("OEuvre-Ca-2027");
    expect(safeBaseName("../../etc/passwd")).toBe("etc_passwd");
    expect(safeBaseName('a\\b:c*d?"e<f>g|h')).toBe("a_b_c_d_e_f_g_h");
    expect(safeBaseName("F 2027\u00a00001")).toBe("F_2027_0001");
    expect(safeBaseName("///")).toBe("document");
    expect(safeBaseName("x".repeat(300))).toHaveLength(80);
  });

  it("gives a changed number a fingerprint of the original, so two numbers never share a name", () => {
    const name = archiveNamer();
    const slashes = name("F/2027/0001");
    expect(slashes).toBe(`F_2027_0001-${fingerprint("F/2027/0001")}`);
    // The number that is literally what the first one was made into keeps its plain name.
    expect(name("F_2027_0001")).toBe("F_2027_0001");
    expect(name("F:2027:0001")).not.toBe(slashes);
    // Again on another export: same name.
    expect(archiveNamer()("F/2027/0001")).toBe(slashes);
  });

  it("never gives two names that differ only by case (macOS and Windows would merge them)", () => {
    const name = archiveNamer();
    const names = ["F-2027-0001", "f-2027-0001", "F-2027-0002"].map(name);
    expect(names[0]).toBe("F-2027-0001");
    expect(names[1]).toBe(`f-2027-0001-${fingerprint("f-2027-0001")}`);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(3);
  });

  it("fingerprints with 8 hex digits, differently for different numbers", () => {
    expect(fingerprint("F/2027/0001")).toMatch(/^[0-9a-f]{8}$/);
    expect(fingerprint("F/2027/0001")).not.toBe(fingerprint("F/2027/0002"));
    // FNV-1a 32 of the empty string is its offset basis.
    expect(fingerprint("")).toBe("811c9dc5");
  });
});
