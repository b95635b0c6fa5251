// Bearer API keys on /api/*: GET needs the read scope, anything else the write scope.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { hashApiKey } from "./api-keys.ts";
import { findActiveApiKey, toCurrentOwner, touchApiKey } from "./store.ts";

const LAST_USED_RESOLUTION_MS = 60_000;

export function requireApiKey(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S{10,200})$/i.exec(header);
    if (!match?.[1])
      throw new AppError("unauthorized", { detail: "Send an API key as 'Authorization: Bearer <key>'." });
    const deps = c.get("deps");
    const found = await findActiveApiKey(deps.database, hashApiKey(match[1]));
    if (!found) throw new AppError("unauthorized", { detail: "This API key is unknown or revoked." });
    const scopes = found.key.scopes.split(",");
    const needed = ["GET", "HEAD", "OPTIONS"].includes(c.req.method) ? "read" : "write";
    if (!scopes.includes(needed))
      throw new AppError("forbidden", { detail: `This API key lacks the '${needed}' scope.` });
    const owner = toCurrentOwner(found.owner);
    c.set("owner", owner);
    c.set("locale", owner.locale);
    c.set("auth", { kind: "api-key", keyId: found.key.id, scopes });
    const now = deps.clock.now();
    // Writing on every request would serialise reads behind writes; a minute's precision is plenty.
    if (!found.key.lastUsedAt || now - found.key.lastUsedAt > LAST_USED_RESOLUTION_MS) {
      await touchApiKey(deps.database, found.key.id, now);
    }
    await next();
  };
}
