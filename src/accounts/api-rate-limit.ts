// Per-key rate limit on the JSON API: a fixed window counted in the throttles table (one upsert per request),
// so the limit holds across processes and on Workers. Over it: 429 with Retry-After. Every answer says where
// the key stands (RateLimit-* headers, IETF draft names).
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { hit, type ThrottleRule } from "../platform/throttle.ts";

/** The default (API_RATE_LIMIT): ten requests a second on average, far above what an integration needs, low enough to stop a runaway loop. */
export const API_KEY_RATE: ThrottleRule = { limit: 600, windowMs: 60_000 };

export function limitApiKeyRate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.get("auth");
    const deps = c.get("deps");
    if (auth?.kind !== "api-key" || deps.config.apiRateLimit === 0) return next();
    const rule: ThrottleRule = { ...API_KEY_RATE, limit: deps.config.apiRateLimit };
    const now = deps.clock.now();
    const state = await hit(deps.database, `api-key:${auth.keyId}`, rule, now);
    const resetSeconds = Math.max(1, Math.ceil((state.windowStart + rule.windowMs - now) / 1000));
    c.header("RateLimit-Limit", String(rule.limit));
    c.header("RateLimit-Remaining", String(Math.max(0, rule.limit - state.count)));
    c.header("RateLimit-Reset", String(resetSeconds));
    if (state.count > rule.limit)
      throw new AppError("too_many_requests", {
        detail: `This API key made more than ${rule.limit} requests in ${rule.windowMs / 1000} s; wait ${resetSeconds} s.`,
        extra: { retryAfterSeconds: resetSeconds },
      });
    await next();
  };
}
