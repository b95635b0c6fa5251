// Calls to Calendar API v3 through @googleapis/calendar, with the documented failure handling:
// 401 → refresh the access token once and retry; 403 rate limits and 429 → exponential backoff with
// jitter; 5xx and network errors → retry; 410 → the caller resyncs; invalid_grant → broken connection.
import type { calendar_v3 } from "@googleapis/calendar";
import type { Config } from "../../platform/config.ts";
import type { ConnectionSecret } from "../connection-types.ts";
import { calendarLimits } from "../network/fetch-policy.ts";
import { refreshAccessToken } from "./google-oauth.ts";
import { BrokenConnectionError, SyncFailure } from "./provider.ts";

/** Tuning for retries; tests shorten the delays. */
export const googleRetry = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** The sync token Google gave is no longer valid: a full sync of that calendar is required. */
export class SyncTokenGone extends Error {}

type FailureKind = "unauthorized" | "rate" | "server" | "network" | "gone" | "not_found" | "other";

export function classifyGoogleError(error: unknown): { kind: FailureKind; status?: number; reason?: string } {
  const e = error as {
    status?: unknown;
    code?: unknown;
    response?: { status?: number; data?: { error?: { errors?: { reason?: string }[]; status?: string } } };
  };
  const status =
    typeof e.status === "number"
      ? e.status
      : typeof e.response?.status === "number"
        ? e.response.status
        : undefined;
  const reason = e.response?.data?.error?.errors?.[0]?.reason;
  if (status === undefined) return { kind: "network" };
  if (status === 401) return { kind: "unauthorized", status, reason };
  if (status === 429) return { kind: "rate", status, reason };
  if (status === 403 && (reason === "rateLimitExceeded" || reason === "userRateLimitExceeded"))
    return { kind: "rate", status, reason };
  if (status === 410) return { kind: "gone", status, reason };
  if (status === 404) return { kind: "not_found", status, reason };
  if (status >= 500) return { kind: "server", status, reason };
  return { kind: "other", status, reason };
}

/** Full jitter: a random wait up to the exponential bound, so many clients do not retry in step. */
export function backoffDelay(attempt: number): number {
  const bound = Math.min(googleRetry.maxDelayMs, googleRetry.baseDelayMs * 2 ** attempt);
  return Math.round(googleRetry.random() * bound);
}

let module: Promise<typeof import("@googleapis/calendar")> | undefined;

async function client(config: Config, accessToken: string): Promise<calendar_v3.Calendar> {
  module ??= import("@googleapis/calendar");
  const { calendar } = await module;
  return calendar({
    version: "v3",
    rootUrl: `${config.google.apiRoot}/`,
    // Retries are ours (above): gaxios' own would retry 403 rate limits blindly and 401 never.
    retry: false,
    timeout: calendarLimits.timeoutMs,
    headers: { authorization: `Bearer ${accessToken}` },
  });
}

/** One connection's access to Google during a sync or a booking write; keeps renewed tokens for saving. */
export class GoogleSession {
  secret: ConnectionSecret;
  renewed = false;
  private readonly config: Config;
  private readonly clock: () => number;

  constructor(config: Config, secret: ConnectionSecret, clock: () => number) {
    this.config = config;
    this.secret = { ...secret };
    this.clock = clock;
  }

  private async accessToken(force: boolean): Promise<string> {
    const now = this.clock();
    const fresh = this.secret.accessToken && (this.secret.accessTokenExpiresAt ?? 0) - now > 60_000;
    if (fresh && !force) return this.secret.accessToken!;
    if (!this.secret.refreshToken)
      throw new BrokenConnectionError("this Google connection has no refresh token");
    const tokens = await refreshAccessToken(this.config, this.secret.refreshToken, now);
    this.secret = { ...this.secret, ...tokens };
    this.renewed = true;
    return tokens.accessToken;
  }

  /** Runs one API request with the failure handling above. */
  async call<T>(what: string, request: (api: calendar_v3.Calendar) => Promise<T>): Promise<T> {
    return (await this.run(what, request, [])) as T;
  }

  /** Like call, but the statuses in `tolerate` (e.g. 404 on a delete) resolve to null instead of failing. */
  callTolerating<T>(
    what: string,
    request: (api: calendar_v3.Calendar) => Promise<T>,
    tolerate: number[],
  ): Promise<T | null> {
    return this.run(what, request, tolerate);
  }

  private async run<T>(
    what: string,
    request: (api: calendar_v3.Calendar) => Promise<T>,
    tolerate: number[],
  ): Promise<T | null> {
    let refreshedAfter401 = false;
    for (let attempt = 0; ; attempt++) {
      const api = await client(this.config, await this.accessToken(false));
      try {
        return await request(api);
      } catch (error) {
        const failure = classifyGoogleError(error);
        if (failure.status !== undefined && tolerate.includes(failure.status)) return null;
        if (failure.kind === "unauthorized" && !refreshedAfter401) {
          refreshedAfter401 = true;
          await this.accessToken(true);
          attempt--;
          continue;
        }
        const retryable = failure.kind === "rate" || failure.kind === "server" || failure.kind === "network";
        if (retryable && attempt + 1 < googleRetry.attempts) {
          await googleRetry.sleep(backoffDelay(attempt));
          continue;
        }
        if (failure.kind === "gone") throw new SyncTokenGone(what);
        if (failure.kind === "unauthorized")
          throw new BrokenConnectionError(
            "Google refuses this connection's access (HTTP 401 after a token refresh)",
          );
        const detail = failure.status
          ? `HTTP ${failure.status}${failure.reason ? ` ${failure.reason}` : ""}`
          : String((error as Error).message ?? error).slice(0, 160);
        const retries = retryable ? ` after ${googleRetry.attempts} attempts` : "";
        throw new SyncFailure(`Google Calendar failed to ${what}${retries} (${detail})`);
      }
    }
  }
}
