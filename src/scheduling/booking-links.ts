// Signed links sent by email: the prospect's manage link and the owner's one-click actions.
import type { Config } from "../platform/config.ts";
import { signLink } from "../platform/security/signed-links.ts";

export const MANAGE_PURPOSE = "booking.manage";
export const OWNER_ACTION_PURPOSE = "booking.owner-action";
const DAY = 86_400_000;

export type OwnerAction = "approve" | "cancel";

export function manageToken(config: Config, bookingId: string, endMs: number): string {
  return signLink(config.secretKey, { purpose: MANAGE_PURPOSE, subject: bookingId, exp: endMs + 90 * DAY });
}

export function manageUrl(config: Config, bookingId: string, endMs: number): string {
  return `${config.baseUrl}/bookings/${manageToken(config, bookingId, endMs)}`;
}

export function ownerActionUrl(
  config: Config,
  bookingId: string,
  action: OwnerAction,
  endMs: number,
): string {
  const token = signLink(config.secretKey, {
    purpose: OWNER_ACTION_PURPOSE,
    subject: bookingId,
    exp: endMs + 7 * DAY,
    data: { action },
  });
  return `${config.baseUrl}/m/bookings/${token}`;
}
