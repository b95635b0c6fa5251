// Cookie sessions for the dashboard: random token in an HttpOnly cookie, its hash in the database.
import type { MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppDeps } from "../platform/deps.ts";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { randomToken, sha256Hex } from "../platform/security/tokens.ts";
import { deleteSession, extendSession, findLiveSession, insertSession, toCurrentOwner } from "./store.ts";

export const SESSION_COOKIE = "creneau_session";
export const SESSION_TTL_MS = 30 * 24 * 3600_000;
const EXTEND_AFTER_MS = 3600_000;

export async function startSession(c: AppContext, deps: AppDeps, ownerId: string): Promise<void> {
  const token = randomToken(32);
  const now = deps.clock.now();
  await insertSession(deps.database, {
    id: sha256Hex(token),
    ownerId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + SESSION_TTL_MS,
  });
  setCookie(c, SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: deps.config.secureCookies,
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export async function endSession(c: AppContext): Promise<void> {
  const auth = c.get("auth");
  if (auth?.kind === "session") await deleteSession(c.get("deps").database, auth.sessionId);
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

/** Loads the signed-in owner, if any, for every HTML route. */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length < 200) {
      const deps = c.get("deps");
      const now = deps.clock.now();
      const id = sha256Hex(token);
      const found = await findLiveSession(deps.database, id, now);
      if (found) {
        c.set("owner", toCurrentOwner(found.owner));
        c.set("auth", { kind: "session", sessionId: id });
        c.set("locale", toCurrentOwner(found.owner).locale);
        if (now - found.session.lastSeenAt > EXTEND_AFTER_MS)
          await extendSession(deps.database, id, now, now + SESSION_TTL_MS);
      } else {
        deleteCookie(c, SESSION_COOKIE, { path: "/" });
      }
    }
    await next();
  };
}

/** Dashboard pages: a person without a session is sent to the login page and brought back after. */
export function requireSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get("owner")) return next();
    if (c.req.method === "GET") return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    throw new AppError("unauthorized", { detail: "Your session has expired. Sign in again." });
  };
}
