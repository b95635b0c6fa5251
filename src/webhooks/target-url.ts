// Which URLs an endpoint may have: https on the public internet; http and private addresses only with
// ALLOW_PRIVATE_TARGETS (tests, intranets). Names are checked again once resolved, at every delivery.
import { BlockedTargetError, checkTargetUrl } from "../calendars/network/address-policy.ts";

export type TargetCheck = { ok: true; url: string } | { ok: false; message: string };

export function checkWebhookUrl(raw: string, allowPrivate: boolean): TargetCheck {
  let url: URL;
  try {
    url = checkTargetUrl(raw, allowPrivate);
  } catch (error) {
    if (!(error instanceof BlockedTargetError)) throw error;
    const message = /private or local/.test(error.message)
      ? "is a private or local address; webhooks go to the public internet (ALLOW_PRIVATE_TARGETS=1 allows it)"
      : error.message;
    return { ok: false, message };
  }
  if (/^webcals?:/i.test(raw.trim())) return { ok: false, message: "must be an http(s) URL" };
  if (url.protocol !== "https:" && !allowPrivate)
    return { ok: false, message: "must use https:// (the events carry your prospects' personal data)" };
  if (url.hash) return { ok: false, message: "must not have a #fragment" };
  return { ok: true, url: url.href };
}
