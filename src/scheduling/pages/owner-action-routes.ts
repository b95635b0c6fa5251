// The owner's one-click links /m/bookings/{token} (approve or cancel, signed, from the new-booking email).
// GET only shows (mail scanners prefetch links); the POST button, with its CSRF token, does the work.
import { Hono } from "hono";
import { getLead } from "../../leads/lead-store.ts";
import type { TriageReason } from "../../leads/triage.ts";
import type { AppContext, AppEnv } from "../../platform/http/context.ts";
import { formString, readForm } from "../../platform/http/request-body.ts";
import type { Locale } from "../../platform/i18n.ts";
import { verifyLink } from "../../platform/security/signed-links.ts";
import { displayAnswers } from "../answer-display.ts";
import { notifyBookingApproved } from "../approval-notifications.ts";
import { OWNER_ACTION_PURPOSE, type OwnerAction } from "../booking-links.ts";
import { notifyBookingCancelled } from "../booking-notifications.ts";
import { defaultOwnerCancelMessage } from "../emails/index.ts";
import { approveBooking, type BookingContext, cancelBooking, loadBookingContext } from "../manage-booking.ts";
import { pageMessages } from "../page-messages.ts";
import { summaryOf } from "./booking-summary.ts";
import { ownerActionPage } from "./owner-action-page.ts";
import { messagePage } from "./slots-page.ts";
import { useLocale } from "./visitor-locale.ts";

const asLocale = (v: string): Locale => (v === "en" ? "en" : "fr");

type Resolved =
  | { ctx: BookingContext; action: OwnerAction; locale: Locale; path: string }
  | { response: Response };

async function resolve(c: AppContext): Promise<Resolved> {
  const deps = c.get("deps");
  const token = c.req.param("token") ?? "";
  const check = verifyLink(deps.config.secretKey, token, OWNER_ACTION_PURPOSE, deps.clock.now());
  const action = check.ok ? check.claims.data?.action : undefined;
  if (!check.ok || (action !== "approve" && action !== "cancel")) {
    const locale = useLocale(c, c.req.query("lang"));
    const t = pageMessages(locale);
    const expired = !check.ok && check.reason === "expired";
    const page = messagePage({
      locale,
      title: expired ? t("linkExpiredTitle") : t("linkInvalidTitle"),
      text: expired ? t("linkExpiredText") : t("linkInvalidText"),
      action: { href: "/dashboard/bookings", label: t("openDashboard") },
    });
    return { response: await c.html(page, expired ? 410 : 404) };
  }
  const ctx = await loadBookingContext(deps, check.claims.subject);
  return {
    ctx,
    action,
    locale: useLocale(c, c.req.query("lang"), asLocale(ctx.owner.locale)),
    path: `/m/bookings/${token}`,
  };
}

async function verdictOf(c: AppContext, ctx: BookingContext, locale: Locale) {
  const lead = ctx.booking.leadId
    ? await getLead(c.get("deps").database, ctx.owner.id, ctx.booking.leadId)
    : undefined;
  if (!lead) return undefined;
  const reasons = (lead.reasons as TriageReason[])
    .filter((r) => r.outcome !== "pass")
    .map((r) => r.message?.[locale] ?? "");
  return { verdict: lead.verdict, reasons: reasons.filter(Boolean) };
}

export function ownerActionRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/:token", async (c) => {
    const r = await resolve(c);
    if ("response" in r) return r.response;
    const { ctx, locale } = r;
    return c.html(
      ownerActionPage({
        locale,
        csrfToken: c.get("csrfToken"),
        action: r.action,
        path: r.path,
        booking: summaryOf(ctx, locale),
        answers: displayAnswers(ctx.eventType.questions, ctx.booking.answers, locale),
        notes: ctx.booking.notes,
        verdict: await verdictOf(c, ctx, locale),
        // Written to the prospect, so in the prospect's language.
        message: defaultOwnerCancelMessage(asLocale(ctx.booking.locale), ctx.booking.name, ctx.owner.name),
        done: c.req.query("done") === "1" || c.req.query("done") === "declined",
        declined: c.req.query("done") === "declined",
      }),
    );
  });

  app.post("/:token", async (c) => {
    const deps = c.get("deps");
    const form = await readForm(c);
    const r = await resolve(c);
    if ("response" in r) return r.response;
    if (r.action === "approve") {
      const { approved } = await approveBooking(deps, r.ctx);
      if (approved) await notifyBookingApproved(deps, r.ctx);
      return c.redirect(`${r.path}?done=1`, 303);
    }
    const message = formString(form, "message").slice(0, 2000) || null;
    const { cancelled } = await cancelBooking(deps, r.ctx, "owner", message);
    if (cancelled) await notifyBookingCancelled(deps, r.ctx, "owner", message);
    const declined = cancelled && r.ctx.booking.status === "pending";
    return c.redirect(`${r.path}?done=${declined ? "declined" : "1"}`, 303);
  });

  return app;
}
