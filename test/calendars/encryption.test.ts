import { describe, expect, it } from "vitest";
import { DecryptionError, decryptSecret, encryptSecret } from "../../src/platform/security/encryption.ts";

const KEY = "a-secret-key-of-at-least-thirty-two-characters";

describe("secrets at rest (AES-256-GCM, key from SECRET_KEY via HKDF)", () => {
  it("round-trips, and never writes the same ciphertext twice nor the plaintext", () => {
    const token = JSON.stringify({ refreshToken: "1//0gRefreshTokenValue" });
    const a = encryptSecret(KEY, token, "calendar-connection:c1");
    const b = encryptSecret(KEY, token, "calendar-connection:c1");
    expect(a).not.toBe(b);
    expect(a).not.toContain("RefreshTokenValue");
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
    expect(decryptSecret(KEY, a, "calendar-connection:c1")).toBe(token);
  });

  it("refuses another key, another row, and any tampering", () => {
    const sealed = encryptSecret(KEY, "password", "calendar-connection:c1");
    expect(() => decryptSecret(`${KEY}-rotated`, sealed, "calendar-connection:c1")).toThrow(DecryptionError);
    expect(() => decryptSecret(KEY, sealed, "calendar-connection:c2")).toThrow(DecryptionError);
    const [v, iv, body] = sealed.split(".");
    const flipped = `${body!.slice(0, -2)}${body!.endsWith("A") ? "B" : "A"}${body!.slice(-1)}`;
    expect(() => decryptSecret(KEY, `${v}.${iv}.${flipped}`, "calendar-connection:c1")).toThrow(
      DecryptionError,
    );
    expect(() => decryptSecret(KEY, "plain text", "calendar-connection:c1")).toThrow(DecryptionError);
  });
});
