// File names inside the accountant's ZIP. An invoice number becomes a name only after it is made safe
// on every file system the archive may be unpacked on: no "/" (a folder), no "..", no accents (old
// unzip tools garble UTF-8 names), no two names that differ only by case (macOS and Windows would
// overwrite one with the other).

const MAX_BASE_LENGTH = 80;
// NFKD splits "é" into "e" + a combining accent; these letters have no decomposition.
const LIGATURES: Record<string, string> = { œ: "oe", Œ: "OE", æ: "ae", Æ: "AE", ß: "ss" };

/** "FÉ/2027/0001" → "FE_2027_0001": ASCII letters, digits, "_" and "-" only, never empty. */
export function safeBaseName(number: string): string {
  const ascii = number
    .replace(/[œŒæÆß]/g, (letter) => LIGATURES[letter] ?? "_")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
  const safe = ascii
    .replace(/[^A-Za-z0-9_-]+/g, "_")
    .replace(/^[_-]+/, "")
    .slice(0, MAX_BASE_LENGTH);
  return safe === "" ? "document" : safe;
}

/**
 * Hands out one base name per document number, in the order the documents are archived. A number
 * that is already safe keeps its name; one that had to change, or that would clash with a name
 * already given (ignoring case), gets a fingerprint of the exact number appended, so the same number
 * always ends up under the same name and two numbers never share one.
 */
export function archiveNamer(): (number: string) => string {
  const taken = new Set<string>();
  return (number) => {
    const safe = safeBaseName(number);
    let name = safe === number && !taken.has(safe.toLowerCase()) ? safe : `${safe}-${fingerprint(number)}`;
    for (let extra = 2; taken.has(name.toLowerCase()); extra++)
      name = `${safe}-${fingerprint(number)}-${extra}`;
    taken.add(name.toLowerCase());
    return name;
  };
}

/** FNV-1a over the UTF-8 bytes, 8 hex digits: stable across runs and runtimes, no crypto needed. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}
