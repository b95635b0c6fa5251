// The client's review page for an activity report, reached from the emailed signed link. GET shows the
// days; POST approves or contests (CSRF-protected like every form), then shows the result (POST/redirect/GET).
// Also behind signed links: the owner's check-in approval and the client's opt-out from follow-ups.
import { Hono } from "hono";
import { findOwnerById } from "../accounts/store.ts";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { formString, readForm } from "../platform/http/request-body.ts";
import { localeFromAcceptLanguage } from "../platform/i18n.ts";
import {
  approveCheckIn,
  CHECK_IN_MAX_LENGTH,
  canSendCheckIn,
  loadCheckIn,
  readCheckInToken,
} from "./check-in.ts";
import { isOptedOut, readOptOutToken, recordOptOut } from "./client-opt-out.ts";
import { getClient } from "./client-store.ts";
import { localeOf } from "./emails/mail-parts.ts";
import { followUpMessages } from "./pages/follow-up-messages.ts";
import { checkInPage, followUpLinkPage, optOutPage } from "./pages/follow-up-pages.ts";
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

  app.route("/r", followUpRoutes());
  return app;
}

function followUpRoutes() {
  const app = new Hono<AppEnv>();
  const guessLocale = (c: AppContext) => localeFromAcceptLanguage(c.req.header("accept-language"));

  const checkIn = async (c: AppContext) => {
    const deps = c.get("deps");
    const link = readCheckInToken(deps.config, c.req.param("token") ?? "", deps.clock.now());
    const found = link.ok ? await loadCheckIn(deps, link) : null;
    c.header("Cache-Control", "no-store");
    if (!found) {
      const expired = !link.ok && link.expired;
      return {
        response: c.html(
          followUpLinkPage({ locale: guessLocale(c), expired, kind: "check-in" }),
          expired ? 410 : 404,
        ),
      };
    }
    const render = (extra: { text?: string; error?: string } = {}) =>
      checkInPage({
        locale: found.owner.locale,
        csrfToken: c.get("csrfToken"),
        action: c.req.path,
        clientName: found.client.name,
        clientEmail: found.client.billingEmail,
        missionTitle: found.mission.title,
        text: extra.text ?? found.draft,
        sentText: found.sentText,
        optedOut: found.optedOut,
        missionEnded: found.mission.status === "ended",
        ...(extra.error ? { error: extra.error } : {}),
      });
    return { found, render };
  };

  app.get("/check-in/:token", async (c) => {
    const r = await checkIn(c);
    return "response" in r ? r.response : c.html(r.render());
  });

  app.post("/check-in/:token", async (c) => {
    const form = await readForm(c);
    const r = await checkIn(c);
    if ("response" in r) return r.response;
    if (!canSendCheckIn(r.found)) return c.redirect(c.req.path, 303);
    const text = formString(form, "message").replace(/\r\n?/g, "\n").trim().slice(0, CHECK_IN_MAX_LENGTH);
    if (text === "") {
      const error = followUpMessages(r.found.owner.locale)("messageRequired");
      return c.html(r.render({ text, error }), 422);
    }
    await approveCheckIn(c.get("deps"), r.found, text);
    return c.redirect(c.req.path, 303);
  });

  const optOut = async (c: AppContext) => {
    const deps = c.get("deps");
    const claims = readOptOutToken(deps.config, c.req.param("token") ?? "", deps.clock.now());
    const client = claims ? await getClient(deps.database, claims.ownerId, claims.clientId) : undefined;
    const owner = claims ? await findOwnerById(deps.database, claims.ownerId) : undefined;
    c.header("Cache-Control", "no-store");
    return claims && client && owner ? { ...claims, client, owner } : null;
  };

  const renderOptOut = async (c: AppContext, found: NonNullable<Awaited<ReturnType<typeof optOut>>>) =>
    c.html(
      optOutPage({
        locale: localeOf(found.client.locale),
        csrfToken: c.get("csrfToken"),
        action: c.req.path,
        ownerName: found.owner.name,
        optedOut: await isOptedOut(c.get("deps"), found.ownerId, found.clientId),
      }),
    );

  app.get("/opt-out/:token", async (c) => {
    const found = await optOut(c);
    if (!found)
      return c.html(followUpLinkPage({ locale: guessLocale(c), expired: false, kind: "opt-out" }), 404);
    return renderOptOut(c, found);
  });

  app.post("/opt-out/:token", async (c) => {
    await readForm(c);
    const found = await optOut(c);
    if (!found)
      return c.html(followUpLinkPage({ locale: guessLocale(c), expired: false, kind: "opt-out" }), 404);
    await recordOptOut(c.get("deps"), found.ownerId, found.clientId);
    return c.redirect(c.req.path, 303);
  });

  return app;
}
