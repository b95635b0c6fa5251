// Per-address limit on the public booking POSTs: stops a bot, never a person booking a call.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { hit } from "../platform/throttle.ts";

const WINDOW_MS = 10 * 60_000;

export function limitPublicPosts(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = c.get("deps");
    const limit = deps.config.publicPostLimit;
    if (limit > 0) {
      const now = deps.clock.now();
      const state = await hit(
        deps.database,
        `public-post:${deps.clientIp(c)}`,
        { limit, windowMs: WINDOW_MS },
        now,
      );
      if (state.count > limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((state.windowStart + WINDOW_MS - now) / 1000));
        throw new AppError("too_many_requests", {
          detail: "Too many attempts from your network. Try again in a few minutes.",
          extra: { retryAfterSeconds },
        });
      }
    }
    await next();
  };
}
