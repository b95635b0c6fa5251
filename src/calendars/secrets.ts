// Connection secrets are sealed with SECRET_KEY and bound to their row: a copied ciphertext opens nowhere else.
import type { Config } from "../platform/config.ts";
import { decryptSecret, encryptSecret } from "../platform/security/encryption.ts";
import type { ConnectionSecret } from "./connection-types.ts";

export function sealSecret(config: Config, connectionId: string, secret: ConnectionSecret): string {
  return encryptSecret(config.secretKey, JSON.stringify(secret), `calendar-connection:${connectionId}`);
}

export function openSecret(config: Config, connectionId: string, sealed: string | null): ConnectionSecret {
  if (!sealed) return {};
  return JSON.parse(
    decryptSecret(config.secretKey, sealed, `calendar-connection:${connectionId}`),
  ) as ConnectionSecret;
}
