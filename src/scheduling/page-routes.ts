// Public HTML pages: the booking page /{handle}/{slug} in three steps (answers → time → booked), the manage
// page /bookings/{token} and the owner's one-click pages /m/bookings/{token} (pages/manage-routes.ts, pages/owner-action-routes.ts).
// Step 1's validated answers reach step 3 in a signed, short-lived token (pages/booking-draft.ts), not the database.
import { Hono } from "hono";
import type { OwnerRow } from "../accounts/store.ts";
import { triage } from "../leads/triage.ts";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { wantsJson } from "../platform/http/errors.ts";
import { AppError } from "../platform/http/problems.ts";
import { formString, readForm } from "../platform/http/request-body.ts";
import type { Locale } from "../platform/i18n.ts";
import { timeZoneChoices } from "../platform/time-zones.ts";
import { loadWorkflowSettings } from "../platform/workflows/settings-store.ts";
import { loadAvailability } from "./availability.ts";
import { manageToken } from "./booking-links.ts";
import { notifyBookingCreated } from "./booking-notifications.ts";
import { busyLoaderFor } from "./busy.ts";
import { createBooking } from "./create-booking.ts";
import type { StoredEventType } from "./event-type-input.ts";
import { eventTitle } from "./event-type-view.ts";
import { startAbandonedFormStatement } from "./form-nudge.ts";
import { pageMessages } from "./page-messages.ts";
import { type BookingDraft, readDraft, signDraft } from "./pages/booking-draft.ts";
import {
  type BookingFormValues,
  checkContact,
  emptyBookingForm,
  isHoneypotFilled,
  readBookingForm,
  trackingFrom,
} from "./pages/booking-form.ts";
import { bookingFormErrors, bookingFormPage } from "./pages/booking-form-page.ts";
import { manageRoutes } from "./pages/manage-routes.ts";
import { nudgeOptOutRoutes } from "./pages/nudge-opt-out-routes.ts";
import { ownerActionRoutes } from "./pages/owner-action-routes.ts";
import type { LinkHeader } from "./pages/public-parts.ts";
import { declinedPage, messagePage, slotsPage } from "./pages/slots-page.ts";
import { otherLanguageLink, useLocale } from "./pages/visitor-locale.ts";
import { isValidZone, weekSlots } from "./pages/week-slots.ts";
import { findPublicEventType } from "./public-api-routes.ts";
import { limitPublicPosts } from "./public-throttle.ts";
import { validateAnswers } from "./questions.ts";
import { criteriaFor } from "./triage-criteria.ts";
import { isoInZone, todayIn } from "./zoned-bounds.ts";

// A longer draft (long free-text answers) would make the step-2 URL too long: step 2 then navigates by POST.
const MAX_URL_TOKEN = 6000;

interface Link {
  owner: OwnerRow;
  eventType: StoredEventType;
  path: string;
}

async function findLink(c: AppContext): Promise<Link | undefined> {
  const { handle, slug } = c.req.param() as { handle: string; slug: string };
  try {
    const found = await findPublicEventType(c, handle, slug);
    return { ...found, path: `/${found.owner.handle}/${found.eventType.slug}` };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return undefined;
    throw error;
  }
}

function notFound(c: AppContext, locale: Locale) {
  // "/api/nowhere" also reads as /{handle}/{slug}: API clients keep their problem+json.
  if (wantsJson(c)) throw new AppError("not_found");
  const t = pageMessages(locale);
  return c.html(messagePage({ locale, title: t("notFoundTitle"), text: t("notFoundText") }), 404);
}

function linkHeaderOf(link: Link, locale: Locale): LinkHeader {
  const { title, description } = eventTitle(link.eventType, locale);
  return {
    ownerName: link.owner.name,
    title,
    description,
    durationMinutes: link.eventType.durationMinutes,
    locations: link.eventType.locations,
  };
}

function bookingBody(draft: BookingDraft, start: string, timeZone: string) {
  return { ...draft, start, timeZone };
}

function renderForm(
  c: AppContext,
  link: Link,
  locale: Locale,
  values: BookingFormValues,
  errors: Record<string, string>,
) {
  const query = { ...(values.source ? { source: values.source } : {}), ...values.utm };
  return bookingFormPage({
    locale,
    csrfToken: c.get("csrfToken"),
    action: link.path,
    langSwitch: otherLanguageLink(link.path, query, locale),
    header: linkHeaderOf(link, locale),
    questions: link.eventType.questions,
    values,
    errors,
  });
}

interface SlotsView {
  token: string;
  draft: BookingDraft;
  zone: string | undefined;
  week?: string;
  error?: string;
}

async function renderSlots(c: AppContext, link: Link, locale: Locale, v: SlotsView) {
  const t = pageMessages(locale);
  const timeZone = isValidZone(v.zone) ? v.zone : link.owner.timeZone;
  const deps = c.get("deps");
  const load = (fromMs: number, toMs: number) =>
    loadAvailability(deps, link.owner.id, link.eventType, fromMs, toMs, busyLoaderFor(deps));
  const slots = await weekSlots(load, link.eventType, { timeZone, week: v.week, nowMs: deps.clock.now() });
  const hidden = { s: v.token, lang: locale };
  const long = v.token.length > MAX_URL_TOKEN;
  return slotsPage({
    locale,
    // A draft too long for a URL has no language link (it would be one); the language stays the visitor's.
    langSwitch: long ? undefined : otherLanguageLink(`${link.path}/slots`, { s: v.token, timeZone }, locale),
    header: linkHeaderOf(link, locale),
    bookingAs: { name: v.draft.name, email: v.draft.email },
    picker: {
      locale,
      csrfToken: c.get("csrfToken"),
      timeZone,
      timeZones: timeZoneChoices(),
      zoneGuessed: !v.zone,
      ...slots,
      nav: { action: `${link.path}/slots`, method: long ? "post" : "get", hidden },
      book: { action: `${link.path}/book`, hidden, label: t("book") },
      error: v.error,
    },
  });
}

function draftProblem(c: AppContext, link: Link, locale: Locale, reason: "expired" | "invalid") {
  const t = pageMessages(locale);
  const page = messagePage({
    locale,
    title: t("draftExpiredTitle"),
    text: t("draftExpiredText"),
    action: { href: `${link.path}?lang=${locale}`, label: t("startAgain") },
  });
  return c.html(page, reason === "expired" ? 410 : 400);
}

export function bookingPageRoutes() {
  const app = new Hono<AppEnv>();
  // Fixed paths first: /bookings/{token} would otherwise read as /{handle}/{slug}.
  app.route("/bookings/stop", nudgeOptOutRoutes());
  app.route("/bookings", manageRoutes());
  app.route("/m/bookings", ownerActionRoutes());

  // Step 1: the questions.
  app.get("/:handle/:slug", async (c) => {
    const locale = useLocale(c, c.req.query("lang"));
    const link = await findLink(c);
    if (!link) return notFound(c, locale);
    return c.html(renderForm(c, link, locale, { ...emptyBookingForm(), ...trackingFrom(c.req.query()) }, {}));
  });

  app.post("/:handle/:slug", limitPublicPosts(), async (c) => {
    const deps = c.get("deps");
    const form = await readForm(c);
    const locale = useLocale(c, formString(form, "lang"));
    const link = await findLink(c);
    if (!link) return notFound(c, locale);
    const t = pageMessages(locale);
    // A bot filled the invisible field: it sees a success and nothing is stored.
    if (isHoneypotFilled(form))
      return c.html(messagePage({ locale, title: t("receivedTitle"), text: t("receivedText") }));
    const { owner, eventType } = link;
    const values = readBookingForm(form, eventType.questions);
    const contactErrors = checkContact(values);
    const checked = validateAnswers(eventType.questions, values.answers);
    if (contactErrors.length || !checked.ok) {
      const errors = bookingFormErrors(
        locale,
        eventType.questions,
        checked.ok ? [] : checked.errors,
        contactErrors,
      );
      return c.html(renderForm(c, link, locale, values, errors), 422);
    }
    const now = deps.clock.now();
    const draft: BookingDraft = {
      name: values.name.trim(),
      email: values.email.trim(),
      ...(values.notes.trim() ? { notes: values.notes } : {}),
      answers: checked.answers,
      ...(values.source ? { source: values.source } : {}),
      ...(Object.keys(values.utm).length ? { utm: values.utm } : {}),
      locale,
    };
    const zone = isValidZone(values.timeZone) ? values.timeZone : undefined;
    const criteria = await criteriaFor(deps.database, owner.id, eventType);
    const verdict = triage(eventType.questions, checked.answers, criteria, todayIn(now, owner.timeZone));
    if (verdict.verdict === "declined" && criteria.onDecline === "block") {
      // The booking use case keeps the declined lead and takes no slot; it never reads `start` on this path.
      const body = bookingBody(draft, isoInZone(now, "UTC"), zone ?? owner.timeZone);
      const result = await createBooking(deps, owner, eventType, body, busyLoaderFor(deps));
      const reasons = result.lead.reasons.filter((r) => r.outcome === "fail").map((r) => r.message[locale]);
      return c.html(declinedPage({ locale, header: linkHeaderOf(link, locale), name: draft.name, reasons }));
    }
    // The attempt is recorded as an abandoned-form run: one nudge later unless this email books this link.
    const { abandonedFormHours } = await loadWorkflowSettings(deps.database, owner.id);
    await deps.database.batch([
      startAbandonedFormStatement(deps, {
        ownerId: owner.id,
        eventTypeId: eventType.id,
        draft,
        timeZone: zone ?? null,
        nudgeAfterHours: abandonedFormHours,
      }),
    ]);
    const token = signDraft(deps.config.secretKey, eventType.id, draft, now);
    if (token.length > MAX_URL_TOKEN)
      return c.html(await renderSlots(c, link, locale, { token, draft, zone }));
    const query = new URLSearchParams({ s: token, lang: locale, ...(zone ? { timeZone: zone } : {}) });
    return c.redirect(`${link.path}/slots?${query}`, 303);
  });

  // Step 2: the week of free times. GET normally; POST when the token is too long for a URL.
  const showSlots = async (c: AppContext, params: Record<string, string>) => {
    const locale = useLocale(c, params.lang);
    const link = await findLink(c);
    if (!link) return notFound(c, locale);
    const check = readDraft(
      c.get("deps").config.secretKey,
      params.s ?? "",
      link.eventType.id,
      c.get("deps").clock.now(),
    );
    if (!check.ok) return draftProblem(c, link, locale, check.reason);
    return c.html(
      await renderSlots(c, link, locale, {
        token: params.s!,
        draft: check.draft,
        zone: params.timeZone,
        week: params.week,
      }),
    );
  };
  app.get("/:handle/:slug/slots", (c) => showSlots(c, c.req.query()));
  app.post("/:handle/:slug/slots", async (c) => {
    const form = await readForm(c);
    return showSlots(c, Object.fromEntries(Object.keys(form).map((k) => [k, formString(form, k)])));
  });

  // Step 3: book the chosen time.
  app.post("/:handle/:slug/book", limitPublicPosts(), async (c) => {
    const deps = c.get("deps");
    const form = await readForm(c);
    const locale = useLocale(c, formString(form, "lang"));
    const link = await findLink(c);
    if (!link) return notFound(c, locale);
    const t = pageMessages(locale);
    const token = formString(form, "s");
    const check = readDraft(deps.config.secretKey, token, link.eventType.id, deps.clock.now());
    if (!check.ok) return draftProblem(c, link, locale, check.reason);
    const { draft } = check;
    const zone = formString(form, "timeZone");
    const start = formString(form, "start");
    const again = async (error: string, status: 409 | 422) => {
      const week = /^\d{4}-\d{2}-\d{2}/.test(start) ? start.slice(0, 10) : undefined;
      return c.html(await renderSlots(c, link, locale, { token, draft, zone, week, error }), status);
    };
    if (!start) return again(t("pickTimeError"), 422);
    const timeZone = isValidZone(zone) ? zone : link.owner.timeZone;
    let result: Awaited<ReturnType<typeof createBooking>>;
    try {
      result = await createBooking(
        deps,
        link.owner,
        link.eventType,
        bookingBody({ ...draft, locale }, start, timeZone),
        busyLoaderFor(deps),
      );
    } catch (error) {
      if (error instanceof AppError && error.code === "slot_unavailable") return again(t("slotTaken"), 409);
      if (error instanceof AppError && error.code === "validation") {
        // Answers that no longer fit (the owner changed the questions meanwhile) mean starting again.
        const aboutAnswers = error.errors?.some((e) => e.path !== "start" && e.path !== "timeZone");
        return aboutAnswers ? draftProblem(c, link, locale, "invalid") : again(t("pickTimeError"), 422);
      }
      throw error;
    }
    const { booking, lead } = result;
    if (!booking) {
      const reasons = lead.reasons.filter((r) => r.outcome === "fail").map((r) => r.message[locale]);
      return c.html(declinedPage({ locale, header: linkHeaderOf(link, locale), name: draft.name, reasons }));
    }
    await notifyBookingCreated(deps, { booking, owner: link.owner, eventType: link.eventType }, lead);
    return c.redirect(`/bookings/${manageToken(deps.config, booking.id, booking.endMs)}?new=1`, 303);
  });

  return app;
}
