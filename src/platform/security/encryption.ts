// Secrets at rest (OAuth tokens, CalDAV passwords): AES-256-GCM under a key derived from SECRET_KEY with HKDF.
// node:crypto only, so it runs on Node and on Workers (nodejs_compat).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
// The info string separates this key from any other key derived from SECRET_KEY later.
const HKDF_INFO = "creneau/secrets-at-rest/aes-256-gcm/v1";
const HKDF_SALT = "creneau";

const keyCache = new Map<string, Buffer>();

function encryptionKey(secretKey: string): Buffer {
  let key = keyCache.get(secretKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secretKey, HKDF_SALT, HKDF_INFO, 32));
    keyCache.set(secretKey, key);
  }
  return key;
}

/**
 * Encrypts `plaintext`; `context` (e.g. the row id) is authenticated but not stored, so a ciphertext
 * copied onto another row does not decrypt there.
 */
export function encryptSecret(secretKey: string, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(secretKey), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

export class DecryptionError extends Error {}

/** Throws DecryptionError when the value was tampered with, written for another context, or under another key. */
export function decryptSecret(secretKey: string, sealed: string, context: string): string {
  const [version, ivText, bodyText, extra] = sealed.split(".");
  if (version !== VERSION || !ivText || !bodyText || extra !== undefined)
    throw new DecryptionError("not an encrypted secret");
  const iv = Buffer.from(ivText, "base64url");
  const body = Buffer.from(bodyText, "base64url");
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new DecryptionError("truncated secret");
  try {
    const decipher = createDecipheriv("aes-256-gcm", encryptionKey(secretKey), iv, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new DecryptionError("the secret does not decrypt with this key");
  }
}
