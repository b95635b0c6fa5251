// Google OAuth 2.0 (authorization code, offline access): the consent URL with a signed state, the code
// exchange and access-token refresh at GOOGLE_OAUTH_TOKEN_URL. invalid_grant = the owner revoked or the
// token expired: the connection is broken until reconnected.
import type { Config } from "../../platform/config.ts";
import { signLink, verifyLink } from "../../platform/security/signed-links.ts";
import { sha256Hex } from "../../platform/security/tokens.ts";
import { calendarLimits } from "../network/fetch-policy.ts";
import { BrokenConnectionError, SyncFailure } from "./provider.ts";

export const GOOGLE_CONSENT_URL = "https://accounts.google.com/o/oauth2/v2/auth";
export const GOOGLE_SCOPES = [
  "https://www.googleapis.com/auth/calendar.calendarlist.readonly",
  "https://www.googleapis.com/auth/calendar.events",
  "https://www.googleapis.com/auth/calendar.freebusy",
];
const STATE_PURPOSE = "calendars.google-oauth";
const STATE_TTL_MS = 15 * 60_000;

export function googleRedirectUri(config: Config): string {
  return `${config.baseUrl}/dashboard/calendars/google/callback`;
}

export function googleConfigured(config: Config): boolean {
  return Boolean(config.google.clientId && config.google.clientSecret);
}

/** The state ties the callback to this owner and this browser session, so a forged callback goes nowhere. */
export function oauthState(
  config: Config,
  owner: { id: string; sessionId: string },
  now: number,
  reconnectId?: string,
): string {
  return signLink(config.secretKey, {
    purpose: STATE_PURPOSE,
    subject: owner.id,
    exp: now + STATE_TTL_MS,
    data: {
      session: sha256Hex(owner.sessionId).slice(0, 32),
      ...(reconnectId ? { reconnect: reconnectId } : {}),
    },
  });
}

export function checkOauthState(
  config: Config,
  state: string,
  owner: { id: string; sessionId: string },
  now: number,
): { ok: true; reconnectId?: string } | { ok: false } {
  const check = verifyLink(config.secretKey, state, STATE_PURPOSE, now);
  if (!check.ok || check.claims.subject !== owner.id) return { ok: false };
  if (check.claims.data?.session !== sha256Hex(owner.sessionId).slice(0, 32)) return { ok: false };
  const reconnectId = check.claims.data?.reconnect;
  return reconnectId ? { ok: true, reconnectId } : { ok: true };
}

export function consentUrl(config: Config, state: string): string {
  const params = new URLSearchParams({
    client_id: config.google.clientId ?? "",
    redirect_uri: googleRedirectUri(config),
    response_type: "code",
    scope: GOOGLE_SCOPES.join(" "),
    access_type: "offline",
    // Without it Google gives a refresh token only the first time an account consents.
    prompt: "consent",
    include_granted_scopes: "true",
    state,
  });
  return `${GOOGLE_CONSENT_URL}?${params}`;
}

export interface GoogleTokens {
  accessToken: string;
  accessTokenExpiresAt: number;
  refreshToken?: string;
}

async function tokenRequest(
  config: Config,
  form: Record<string, string>,
  now: number,
): Promise<GoogleTokens> {
  let response: Response;
  try {
    response = await fetch(config.google.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({
        client_id: config.google.clientId ?? "",
        client_secret: config.google.clientSecret ?? "",
        ...form,
      }),
      signal: AbortSignal.timeout(calendarLimits.timeoutMs),
    });
  } catch (error) {
    throw new SyncFailure(`Google's token service did not answer (${(error as Error).message})`);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (body.error === "invalid_grant" || body.error === "unauthorized_client")
    throw new BrokenConnectionError("Google no longer accepts this connection (access revoked or expired)");
  if (!response.ok || typeof body.access_token !== "string")
    throw new SyncFailure(
      `Google's token service answered HTTP ${response.status} ${String(body.error ?? "")}`.trim(),
    );
  const expiresIn = typeof body.expires_in === "number" ? body.expires_in : 3600;
  return {
    accessToken: body.access_token,
    accessTokenExpiresAt: now + expiresIn * 1000,
    ...(typeof body.refresh_token === "string" ? { refreshToken: body.refresh_token } : {}),
  };
}

export function exchangeCode(config: Config, code: string, now: number): Promise<GoogleTokens> {
  return tokenRequest(
    config,
    { grant_type: "authorization_code", code, redirect_uri: googleRedirectUri(config) },
    now,
  );
}

export function refreshAccessToken(config: Config, refreshToken: string, now: number): Promise<GoogleTokens> {
  return tokenRequest(config, { grant_type: "refresh_token", refresh_token: refreshToken }, now);
}
