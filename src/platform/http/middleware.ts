// Cross-cutting middleware: request ids and access logs, security headers, body limits, locale.
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps } from "../deps.ts";
import { localeFromAcceptLanguage } from "../i18n.ts";
import type { AppEnv } from "./context.ts";
import { AppError } from "./problems.ts";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set("deps", deps);
    c.set("requestId", requestId);
    c.set("owner", null);
    c.set("auth", null);
    c.set("locale", localeFromAcceptLanguage(c.req.header("accept-language")));
    const started = performance.now();
    await next();
    c.header("X-Request-Id", requestId);
    if (c.req.path !== "/healthz") {
      deps.logger.info("request", {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        owner: c.get("owner")?.id,
      });
    }
  };
}

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    // Manage and approval links carry tokens: never leak them to other sites.
    referrerPolicy: "same-origin",
    xFrameOptions: "DENY",
    crossOriginEmbedderPolicy: false,
    // A route that sets its own policy (the sandboxed email preview) keeps it.
    overwrite: false,
  });
}

export const MAX_BODY_BYTES = 1024 * 1024;

export function limitBody(maxSize = MAX_BODY_BYTES): MiddlewareHandler<AppEnv> {
  const tooLarge = () => {
    throw new AppError("payload_too_large", { detail: `The body must be at most ${maxSize} bytes.` });
  };
  const counting = bodyLimit({ maxSize, onError: tooLarge });
  // Decided from the headers when they say the size: Hono's middleware reads `request.body` first, which on
  // Node turns every request into a web stream and took a fifth of a booking POST. Only a body of unknown
  // size (chunked) is counted as it streams in.
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      if (Number.parseInt(length, 10) > maxSize) tooLarge();
      return next();
    }
    return counting(c, next);
  };
}
