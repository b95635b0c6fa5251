// Which network targets a calendar URL may reach. Feeds and CalDAV servers are URLs typed by a user:
// without this, "https://169.254.169.254/…" or "http://127.0.0.1:6379" would make the server probe itself. Pure.

export class BlockedTargetError extends Error {}

type V4 = [number, number, number, number];

function parseV4(text: string): V4 | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? (bytes as V4) : null;
}

function publicV4([a, b, c]: V4): boolean {
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false; // this network, private, loopback, multicast, reserved
  if (a === 100 && b >= 64 && b <= 127) return false; // carrier-grade NAT
  if (a === 169 && b === 254) return false; // link-local, cloud metadata
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return false; // IETF protocol assignments, TEST-NET-1
  if (a === 198 && (b === 18 || b === 19)) return false; // benchmarking
  if (a === 198 && b === 51 && c === 100) return false; // TEST-NET-2
  if (a === 203 && b === 0 && c === 113) return false; // TEST-NET-3
  return true;
}

/** Eight 16-bit groups, or null when the text is not an IPv6 address. */
function parseV6(text: string): number[] | null {
  let address = text.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const tail: number[] = [];
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (v4?.[1]) {
    const bytes = parseV4(v4[1]);
    if (!bytes) return null;
    tail.push((bytes[0] << 8) | bytes[1], (bytes[2] << 8) | bytes[3]);
    // Keep a "::" that ends right before the IPv4 part; drop a single separating colon.
    const prefix = address.slice(0, v4.index + 1);
    address = prefix.endsWith("::") ? prefix : prefix.slice(0, -1);
  }
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0] ?? "");
  const rest = halves.length === 2 ? groups(halves[1] ?? "") : [];
  const missing = 8 - tail.length - head.length - rest.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return null;
  const hex = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!hex.every((h) => /^[0-9a-f]{1,4}$/i.test(h))) return null;
  return [...hex.map((h) => Number.parseInt(h, 16)), ...tail];
}

function publicV6(g: number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embeddedV4: V4 = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) {
    if (g5 === 0xffff) return publicV4(embeddedV4); // IPv4-mapped
    return false; // unspecified, loopback, IPv4-compatible
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0)
    return publicV4(embeddedV4); // NAT64
  if ((g0 & 0xfe00) === 0xfc00) return false; // unique local
  if ((g0 & 0xffc0) === 0xfe80) return false; // link-local
  if ((g0 & 0xff00) === 0xff00) return false; // multicast
  if (g0 === 0x2001 && g1 === 0x0db8) return false; // documentation
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return false; // discard
  return true;
}

/** True for addresses on the public internet; false for loopback, private, link-local, reserved and garbage. */
export function isPublicAddress(ip: string): boolean {
  const v4 = parseV4(ip);
  if (v4) return publicV4(v4);
  const v6 = parseV6(ip);
  return v6 ? publicV6(v6) : false;
}

export function isIpLiteral(host: string): boolean {
  return parseV4(host) !== null || parseV6(host) !== null;
}

/**
 * Validates a user-supplied calendar URL: http(s) only, no credentials in it, and (unless private targets
 * are allowed) no literal private address or local name. Names are checked again once resolved.
 */
export function checkTargetUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw.trim().replace(/^webcals?:\/\//i, "https://"));
  } catch {
    throw new BlockedTargetError("this is not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new BlockedTargetError("only http:// and https:// addresses are accepted");
  if (url.username || url.password)
    throw new BlockedTargetError("put the user name and password in their own fields, not in the URL");
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (
    isIpLiteral(host)
      ? !isPublicAddress(host)
      : host === "localhost" || /\.(localhost|local|internal)$/.test(host) || !host.includes(".")
  )
    throw new BlockedTargetError(
      `${url.hostname} is a private or local address, which calendar links may not use`,
    );
  return url;
}
