// API keys: shown once, stored as a SHA-256 hash (keys are long random strings, so a fast hash is enough).
import type { AppDeps } from "../platform/deps.ts";
import { randomToken, sha256Hex } from "../platform/security/tokens.ts";
import { insertApiKey } from "./store.ts";

export const API_KEY_PREFIX = "crn_";
export const SCOPES = ["read", "write"] as const;
export type Scope = (typeof SCOPES)[number];

export function hashApiKey(key: string): string {
  return sha256Hex(key);
}

export async function createApiKey(
  deps: Pick<AppDeps, "database" | "clock" | "newId">,
  ownerId: string,
  name: string,
  scopes: Scope[] = ["read", "write"],
): Promise<{ id: string; key: string }> {
  const key = `${API_KEY_PREFIX}${randomToken(30)}`;
  const id = deps.newId();
  await insertApiKey(deps.database, {
    id,
    ownerId,
    name: name.trim().slice(0, 80) || "API key",
    prefix: key.slice(0, API_KEY_PREFIX.length + 6),
    keyHash: hashApiKey(key),
    scopes: scopes.join(","),
    createdAt: deps.clock.now(),
  });
  return { id, key };
}
