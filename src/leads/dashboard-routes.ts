// Dashboard pages for leads (all behind a session): list, board, lead page and its actions, quick add,
// CSV import, settings. Fixed paths are mounted before /leads/:id so they are never read as an id.
import { Hono } from "hono";
import { requireSession } from "../accounts/sessions.ts";
import type { AppEnv } from "../platform/http/context.ts";
import { captureRoutes } from "./routes/capture-routes.ts";
import { leadRoutes } from "./routes/lead-routes.ts";
import { listRoutes } from "./routes/list-routes.ts";
import { settingsRoutes } from "./routes/settings-routes.ts";

export function leadsDashboardRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/leads/*", requireSession());
  app.use("/leads", requireSession());
  app.route("/", listRoutes());
  app.route("/", captureRoutes());
  app.route("/", settingsRoutes());
  app.route("/", leadRoutes());
  return app;
}
