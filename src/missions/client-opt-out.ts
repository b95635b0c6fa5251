// A client may ask for no more follow-up emails (report reminders, rating requests, check-ins): every
// such email carries a List-Unsubscribe header with a signed link to a page that records it. Invoices,
// payment reminders and the reports themselves are business correspondence and keep going.

import { getOwnerSetting, putOwnerSetting } from "../invoicing/settings-store.ts";
import type { Config } from "../platform/config.ts";
import type { AppDeps } from "../platform/deps.ts";
import { signLink, verifyLink } from "../platform/security/signed-links.ts";

export const OPT_OUT_PURPOSE = "client.opt-out";
const OPT_OUT_LINK_TTL_MS = 400 * 86_400_000;

function optOutKey(clientId: string): string {
  return `optOut:${clientId}`;
}

export function optOutUrl(config: Config, ownerId: string, clientId: string, nowMs: number): string {
  const token = signLink(config.secretKey, {
    purpose: OPT_OUT_PURPOSE,
    subject: clientId,
    exp: nowMs + OPT_OUT_LINK_TTL_MS,
    data: { ownerId },
  });
  return `${config.baseUrl}/r/opt-out/${token}`;
}

export function readOptOutToken(
  config: Config,
  token: string,
  nowMs: number,
): { ownerId: string; clientId: string } | undefined {
  if (token.length > 1000) return undefined;
  const check = verifyLink(config.secretKey, token, OPT_OUT_PURPOSE, nowMs);
  const ownerId = check.ok ? check.claims.data?.ownerId : undefined;
  return check.ok && ownerId ? { ownerId, clientId: check.claims.subject } : undefined;
}

/** RFC 2369 List-Unsubscribe: the signed page, and the owner's address for clients that only mail. */
export function nudgeHeaders(
  config: Config,
  to: { ownerId: string; clientId: string; ownerEmail: string },
  nowMs: number,
): Record<string, string> {
  const url = optOutUrl(config, to.ownerId, to.clientId, nowMs);
  const mailto = `mailto:${encodeURIComponent(to.ownerEmail).replace(/%40/g, "@")}?subject=unsubscribe`;
  return { "List-Unsubscribe": `<${url}>, <${mailto}>` };
}

export async function isOptedOut(
  deps: Pick<AppDeps, "database">,
  ownerId: string,
  clientId: string,
): Promise<boolean> {
  return (await getOwnerSetting(deps.database, ownerId, optOutKey(clientId))) !== undefined;
}

/** One upsert per client, so two clicks never race. */
export async function recordOptOut(
  deps: Pick<AppDeps, "database" | "clock">,
  ownerId: string,
  clientId: string,
): Promise<void> {
  const now = deps.clock.now();
  await putOwnerSetting(deps.database, ownerId, optOutKey(clientId), { at: now }, now);
}
