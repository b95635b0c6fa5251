// Secret feed URLs: no session, no cookies; the token in the path is the only key.
import { Hono } from "hono";
import type { AppEnv } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { bookingsFeedFor, ownerForFeedToken } from "./bookings-feed-route.ts";

export function calendarsPublicRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/feeds/:file", async (c) => {
    const file = c.req.param("file");
    const owner = file.endsWith(".ics") ? await ownerForFeedToken(c.get("deps"), file.slice(0, -4)) : null;
    if (!owner)
      throw new AppError("not_found", { detail: "This calendar feed does not exist or was revoked." });
    const { body, etag } = await bookingsFeedFor(c.get("deps"), owner);
    const headers = {
      ETag: etag,
      "Cache-Control": "private, max-age=300",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
    };
    if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, "Content-Type": "text/calendar; charset=utf-8" });
  });
  return app;
}
