// CSRF for every HTML form: a signed double-submit token (cookie + hidden field) and an Origin check.
// The JSON API is exempt: it authenticates with a Bearer header, which a cross-site form cannot send.
import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { hmacBase64Url, randomToken, safeEqual } from "../security/tokens.ts";
import type { AppEnv } from "./context.ts";
import { AppError } from "./problems.ts";

export const CSRF_COOKIE = "creneau_csrf";
export const CSRF_FIELD = "_csrf";

function isValidToken(secret: string, token: string | undefined): token is string {
  if (!token) return false;
  const [nonce, signature] = token.split(".");
  return !!nonce && !!signature && safeEqual(signature, hmacBase64Url(secret, `csrf:${nonce}`));
}

export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { config } = c.get("deps");
    let token = getCookie(c, CSRF_COOKIE);
    if (!isValidToken(config.secretKey, token)) {
      const nonce = randomToken(18);
      token = `${nonce}.${hmacBase64Url(config.secretKey, `csrf:${nonce}`)}`;
      setCookie(c, CSRF_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "Lax",
        secure: config.secureCookies,
      });
    }
    c.set("csrfToken", token);
    const unsafe = !["GET", "HEAD", "OPTIONS"].includes(c.req.method);
    if (unsafe && !c.req.path.startsWith("/api/")) {
      const origin = c.req.header("origin");
      if (
        origin &&
        origin !== "null" &&
        origin !== new URL(c.req.url).origin &&
        origin !== new URL(config.baseUrl).origin
      ) {
        throw new AppError("csrf", { detail: "This form was sent from another site." });
      }
      const sent =
        c.req.header("x-csrf-token") ?? (await formToken(c.req.raw.headers.get("content-type"), c));
      if (!sent || sent !== getCookie(c, CSRF_COOKIE) || !isValidToken(config.secretKey, sent)) {
        throw new AppError("csrf", {
          detail: "The form expired or was not sent from this site. Reload the page and try again.",
        });
      }
    }
    await next();
  };
}

async function formToken(
  contentType: string | null,
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
): Promise<string | undefined> {
  if (!contentType || !/form-data|x-www-form-urlencoded/i.test(contentType)) return undefined;
  const body = await c.req.parseBody({ all: true });
  const value = body[CSRF_FIELD];
  return typeof value === "string" ? value : undefined;
}
