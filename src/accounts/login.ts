// Use case: check credentials with throttling per email and per client address.
import type { AppDeps } from "../platform/deps.ts";
import { DUMMY_HASH, verifyPassword } from "../platform/security/password.ts";
import { blockedFor, hit, reset, type ThrottleRule } from "../platform/throttle.ts";
import { findOwnerByEmail, type OwnerRow } from "./store.ts";

export const LOGIN_PER_EMAIL: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 };
export const LOGIN_PER_IP: ThrottleRule = { limit: 20, windowMs: 15 * 60_000 };

export type LoginResult = { ok: true; owner: OwnerRow } | { ok: false; retryAfterSeconds?: number };

export async function login(
  deps: Pick<AppDeps, "database" | "clock">,
  input: { email: string; password: string; clientIp: string },
): Promise<LoginResult> {
  const now = deps.clock.now();
  const email = input.email.trim().toLowerCase().slice(0, 254);
  const emailKey = `login:email:${email}`;
  const ipKey = `login:ip:${input.clientIp}`;
  const wait = Math.max(
    await blockedFor(deps.database, emailKey, LOGIN_PER_EMAIL, now),
    await blockedFor(deps.database, ipKey, LOGIN_PER_IP, now),
  );
  if (wait > 0) return { ok: false, retryAfterSeconds: wait };
  const owner = await findOwnerByEmail(deps.database, email);
  // Verify against a dummy hash for unknown emails so response time does not reveal who has an account.
  const valid = await verifyPassword(input.password.slice(0, 200), owner?.passwordHash ?? DUMMY_HASH);
  if (owner && valid) {
    await reset(deps.database, emailKey);
    return { ok: true, owner };
  }
  await hit(deps.database, emailKey, LOGIN_PER_EMAIL, now);
  await hit(deps.database, ipKey, LOGIN_PER_IP, now);
  return { ok: false };
}
