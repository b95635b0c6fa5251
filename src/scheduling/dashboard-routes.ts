// Dashboard pages for booking links (editor) and bookings.
import { Hono } from "hono";
import { requireSession } from "../accounts/sessions.ts";
import type { AppEnv } from "../platform/http/context.ts";

export function schedulingDashboardRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", requireSession());
  return app;
}
