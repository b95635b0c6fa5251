// The client's review page for an activity report, reached from the emailed signed link. GET shows the
// days; POST approves or contests (CSRF-protected like every form), then shows the result (POST/redirect/GET).
import { Hono } from "hono";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { formString, readForm } from "../platform/http/request-body.ts";
import { reviewMessages } from "./pages/review-messages.ts";
import { reviewPage } from "./pages/review-page.ts";
import { decideReview, loadReview, type ReviewContext } from "./report-review.ts";

function render(c: AppContext, review: ReviewContext, extra: { comment?: string; error?: string } = {}) {
  const locale = review.client.locale === "en" ? "en" : "fr";
  c.set("locale", locale);
  c.header("Cache-Control", "no-store");
  return reviewPage({
    locale,
    csrfToken: c.get("csrfToken"),
    action: c.req.path,
    ownerName: review.owner.name,
    missionTitle: review.mission.title,
    clientName: review.client.name,
    month: review.report.month,
    days: review.report.days,
    dailyRateCents: review.mission.dailyRateCents,
    status: review.report.status,
    clientComment: review.report.clientComment,
    current: review.current,
    ...extra,
  });
}

export function activityReportPublicRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/r/:token", async (c) => {
    const review = await loadReview(c.get("deps"), c.req.param("token"));
    return c.html(render(c, review));
  });

  app.post("/r/:token", async (c) => {
    const deps = c.get("deps");
    const review = await loadReview(deps, c.req.param("token"));
    const form = await readForm(c);
    const decision = formString(form, "decision") === "approve" ? "approved" : "contested";
    const comment = formString(form, "comment").slice(0, 2000);
    if (decision === "contested" && comment === "") {
      const t = reviewMessages(review.client.locale === "en" ? "en" : "fr");
      return c.html(render(c, review, { error: t("commentRequired") }), 422);
    }
    await decideReview(deps, review, decision, comment || null);
    return c.redirect(c.req.path, 303);
  });

  return app;
}
