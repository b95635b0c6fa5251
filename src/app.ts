// The application: one Hono app built from its dependencies, the same on Node and on Workers.
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { requireApiKey } from "./accounts/api-auth.ts";
import { limitApiKeyRate } from "./accounts/api-rate-limit.ts";
import { accountRoutes } from "./accounts/routes.ts";
import { loadSession } from "./accounts/sessions.ts";
import { calendarsApiRoutes } from "./calendars/api-routes.ts";
import { calendarsDashboardRoutes } from "./calendars/dashboard-routes.ts";
import { calendarsPublicRoutes } from "./calendars/public-routes.ts";
import { insightsDashboardRoutes } from "./insights/dashboard-routes.ts";
import { invoicingApiRoutes } from "./invoicing/api-routes.ts";
import { invoicingDashboardRoutes } from "./invoicing/dashboard-routes.ts";
import { leadsApiRoutes } from "./leads/api-routes.ts";
import { leadsDashboardRoutes } from "./leads/dashboard-routes.ts";
import { leadsPublicRoutes } from "./leads/public-routes.ts";
import { missionsApiRoutes } from "./missions/api-routes.ts";
import { missionsDashboardRoutes } from "./missions/dashboard-routes.ts";
import { activityReportPublicRoutes } from "./missions/public-routes.ts";
import type { AppDeps } from "./platform/deps.ts";
import type { AppEnv } from "./platform/http/context.ts";
import { csrfProtection } from "./platform/http/csrf.ts";
import { respondWithError } from "./platform/http/errors.ts";
import { limitBody, requestContext, securityHeaders } from "./platform/http/middleware.ts";
import { openApiRoutes } from "./platform/http/openapi-routes.ts";
import { problemRoutes } from "./platform/http/problem-pages.ts";
import { AppError } from "./platform/http/problems.ts";
import { ASSETS } from "./platform/http/views/assets.ts";
import { outboxApiRoutes, outboxDashboardRoutes } from "./platform/mail/outbox-routes.ts";
import { workflowApiRoutes } from "./platform/workflows/api-routes.ts";
import { workflowDashboardRoutes } from "./platform/workflows/dashboard-routes.ts";
import { schedulingDashboardRoutes } from "./scheduling/dashboard-routes.ts";
import { ownerSchedulingApiRoutes } from "./scheduling/owner-api-routes.ts";
import { bookingPageRoutes } from "./scheduling/page-routes.ts";
import { publicApiRoutes } from "./scheduling/public-api-routes.ts";
import { webhooksApiRoutes } from "./webhooks/api-routes.ts";
import { webhooksDashboardRoutes } from "./webhooks/dashboard-routes.ts";

export type App = Hono<AppEnv>;

const CSV_UPLOAD_BYTES = 25 * 1024 * 1024;

export function createApp(deps: AppDeps): App {
  const app = new Hono<AppEnv>();
  app.use("*", requestContext(deps));
  app.use("*", securityHeaders());
  app.onError((error, c) => respondWithError(c, error));
  app.notFound((c) =>
    respondWithError(c, new AppError("not_found", { detail: `Nothing at ${c.req.path}.` })),
  );

  app.get("/healthz", async (c) => {
    try {
      await deps.database.all(sqlSelectOne);
      return c.json({ status: "ok" });
    } catch (error) {
      deps.logger.error("health check failed", { error: String(error) });
      return c.json({ status: "unavailable" }, 503);
    }
  });
  app.get("/assets/:file", (c) => {
    const asset = ASSETS[c.req.path];
    if (!asset) throw new AppError("not_found");
    return c.body(asset.body, 200, {
      "Content-Type": asset.type,
      "Cache-Control": "public, max-age=31536000, immutable",
    });
  });
  app.route("/problems", problemRoutes());
  // Subscribable calendar feeds: secret URLs, no cookies, no CSRF.
  app.route("/", calendarsPublicRoutes());

  // Public booking API: no authentication, no cookies.
  const publicApi = new Hono<AppEnv>();
  publicApi.use("*", limitBody());
  publicApi.route("/", publicApiRoutes());
  app.route("/api/public", publicApi);
  // The API's description and its viewer: public, before the Bearer-key router.
  app.route("/api", openApiRoutes());

  // The JSON API: Bearer keys, no cookies, so no CSRF.
  const api = new Hono<AppEnv>();
  api.use("*", limitBody());
  api.use("*", requireApiKey());
  api.use("*", limitApiKeyRate());
  api.route("/outbox", outboxApiRoutes());
  api.route("/", ownerSchedulingApiRoutes());
  api.route("/", missionsApiRoutes());
  api.route("/", invoicingApiRoutes());
  api.route("/", calendarsApiRoutes());
  api.route("/", leadsApiRoutes());
  api.route("/", workflowApiRoutes());
  api.route("/", webhooksApiRoutes());
  api.get("/me", (c) => c.json(c.get("owner")));
  app.route("/api", api);

  // People's pages: sessions, CSRF on every form.
  const pages = new Hono<AppEnv>();
  // A lead CSV of 100,000 rows is several megabytes; every other form stays under the 1 MB default.
  const csvUpload = limitBody(CSV_UPLOAD_BYTES);
  const anyForm = limitBody();
  pages.use("*", (c, next) =>
    c.req.method === "POST" && c.req.path === "/dashboard/leads/import"
      ? csvUpload(c, next)
      : anyForm(c, next),
  );
  pages.use("*", loadSession());
  pages.use("*", csrfProtection());
  pages.route("/dashboard/outbox", outboxDashboardRoutes());
  pages.route("/dashboard", schedulingDashboardRoutes());
  pages.route("/dashboard", missionsDashboardRoutes());
  pages.route("/dashboard", invoicingDashboardRoutes());
  pages.route("/", activityReportPublicRoutes());
  pages.route("/dashboard", calendarsDashboardRoutes());
  pages.route("/dashboard", leadsDashboardRoutes());
  pages.route("/dashboard", insightsDashboardRoutes());
  pages.route("/dashboard", workflowDashboardRoutes());
  pages.route("/dashboard", webhooksDashboardRoutes());
  pages.route("/", leadsPublicRoutes());
  pages.route("/", accountRoutes());
  // Last: /{handle}/{slug} would otherwise shadow fixed paths.
  pages.route("/", bookingPageRoutes());
  app.route("/", pages);
  return app;
}

const sqlSelectOne = sql`SELECT 1`;
