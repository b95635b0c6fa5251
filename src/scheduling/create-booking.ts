// Use case: a prospect books a slot. Validate → triage → (maybe block) → take the slot atomically → emails.
import { sql } from "drizzle-orm";
import type { OwnerRow } from "../accounts/store.ts";
import { freshBusyCheck } from "../calendars/fresh-busy.ts";
import { leadChannel } from "../leads/channels.ts";
import { insertLead, insertLeadEvent, upsertContact } from "../leads/lead-store.ts";
import { type TriageReason, triage } from "../leads/triage.ts";
import type { AppDeps } from "../platform/deps.ts";
import { AppError } from "../platform/http/problems.ts";
import { validate } from "../platform/http/request-body.ts";
import { heldMailStatements } from "../platform/mail/send.ts";
import { loadWorkflowSettings } from "../platform/workflows/settings-store.ts";
import { webhookEventsForBatch } from "../webhooks/emit.ts";
import { bookingEvent, newLeadEvents } from "../webhooks/payloads.ts";
import { BLOCKING_MARGIN_MS, type BusyLoader, noBusyTimes } from "./availability.ts";
import { bumpAvailability } from "./availability-version.ts";
import { createdMails } from "./booking-mails.ts";
import { type BookingRequest, bookingRequestSchema } from "./booking-request.ts";
import { type BookingRow, guardedBookingInsert, type SlotGuard } from "./booking-store.ts";
import { startBookingWorkflows } from "./booking-workflows.ts";
import type { StoredEventType } from "./event-type-input.ts";
import { formBookedStatements } from "./form-nudge.ts";
import { validateAnswers } from "./questions.ts";
import { isSlotBookable } from "./slots.ts";
import { criteriaFor } from "./triage-criteria.ts";
import { dayBounds, todayIn, weekBounds } from "./zoned-bounds.ts";

export interface CreateBookingResult {
  booking: BookingRow | null;
  lead: { id: string; verdict: "qualified" | "review" | "declined"; reasons: TriageReason[] };
  request: BookingRequest;
}

export function slotGuard(
  owner: { id: string; timeZone: string },
  eventType: StoredEventType,
  startMs: number,
): SlotGuard {
  return {
    ownerId: owner.id,
    eventTypeId: eventType.id,
    startMs,
    endMs: startMs + eventType.durationMinutes * 60_000,
    bufferBeforeMinutes: eventType.bufferBeforeMinutes,
    bufferAfterMinutes: eventType.bufferAfterMinutes,
    limits: {
      maxPerDay: eventType.maxPerDay,
      maxPerWeek: eventType.maxPerWeek,
      day: dayBounds(startMs, eventType.timeZone),
      week: weekBounds(startMs, eventType.timeZone),
    },
  };
}

export async function createBooking(
  deps: AppDeps,
  owner: OwnerRow,
  eventType: StoredEventType,
  raw: unknown,
  busyLoader?: BusyLoader,
): Promise<CreateBookingResult> {
  const request = validate(bookingRequestSchema, raw);
  const checked = validateAnswers(eventType.questions, request.answers);
  if (!checked.ok)
    throw new AppError("validation", {
      errors: checked.errors.map((e) => ({ path: e.path, message: e.message, code: e.code })),
    });
  const now = deps.clock.now();
  const criteria = await criteriaFor(deps.database, owner.id, eventType);
  const verdict = triage(eventType.questions, checked.answers, criteria, todayIn(now, owner.timeZone));
  const declined = verdict.verdict === "declined";
  const leadId = deps.newId();
  const sourceQuestion = eventType.questions.find((q) => q.role === "source");
  const sourceAnswer = sourceQuestion ? checked.answers[sourceQuestion.id] : undefined;
  const source = leadChannel({ explicit: request.source, utm: request.utm, answer: sourceAnswer });
  const companyQuestion = eventType.questions.find((q) => q.role === "company");
  const company =
    companyQuestion && typeof checked.answers[companyQuestion.id] === "string"
      ? String(checked.answers[companyQuestion.id])
      : null;
  const locale = request.locale ?? owner.locale;
  const contact = upsertContact({
    id: deps.newId(),
    ownerId: owner.id,
    email: request.email,
    name: request.name,
    company,
    locale,
    timeZone: request.timeZone,
    now,
  });
  const lead = {
    id: leadId,
    ownerId: owner.id,
    email: request.email,
    eventTypeId: eventType.id,
    source,
    verdict: verdict.verdict,
    reasons: verdict.reasons,
    answers: checked.answers,
    utm: request.utm ?? null,
    notes: request.notes ?? null,
    now,
  };
  const leadResult = { id: leadId, verdict: verdict.verdict, reasons: verdict.reasons };

  if (declined && criteria.onDecline === "block") {
    // The lead is kept (the owner sees who asked and why it did not fit); no slot is taken.
    const events = webhookEventsForBatch(deps, newLeadEvents({ ...lead, stage: "declined" }, "booking-link"));
    const results = await deps.database.batch([
      contact,
      insertLead({ ...lead, stage: "declined" }),
      insertLeadEvent({
        id: deps.newId(),
        ownerId: owner.id,
        leadId,
        kind: "lead.declined",
        data: { reasons: verdict.reasons },
        at: now,
      }),
      ...events.statements,
    ]);
    events.afterBatch(results);
    return { booking: null, lead: leadResult, request };
  }

  const startMs = Date.parse(request.start);
  // Whether the time is offered at all: the hours, the notice, the horizon, the calendars' busy times. Whether
  // it is still free of other bookings (their buffers, the daily and weekly limits) is for the guarded insert
  // to say, in the very statement that takes it; reading the bookings here as well would only repeat it.
  const busy = await (busyLoader ?? noBusyTimes)(
    owner.id,
    startMs - BLOCKING_MARGIN_MS,
    startMs + BLOCKING_MARGIN_MS,
  );
  if (!isSlotBookable({ rules: eventType, bookings: [], busy, nowMs: now }, startMs)) {
    throw new AppError("slot_unavailable", {
      detail: "This time is not offered (outside the hours, too soon or busy). Pick another slot.",
    });
  }
  const guard = slotGuard(owner, eventType, startMs);
  // The cache may be minutes old: ask the live calendars about this slot (with its buffers) once more.
  const paddedStart = startMs - eventType.bufferBeforeMinutes * 60_000;
  const paddedEnd = guard.endMs + eventType.bufferAfterMinutes * 60_000;
  if (await freshBusyCheck(deps, owner.id, paddedStart, paddedEnd)) {
    throw new AppError("slot_unavailable", {
      detail: "This time was just taken in the organiser's calendar. Pick another slot.",
    });
  }
  const pending = eventType.requiresConfirmation || (declined && criteria.onDecline === "approve");
  const booking: BookingRow = {
    id: deps.newId(),
    ownerId: owner.id,
    eventTypeId: eventType.id,
    leadId,
    status: pending ? "pending" : "confirmed",
    startMs,
    endMs: guard.endMs,
    bufferBeforeMinutes: eventType.bufferBeforeMinutes,
    bufferAfterMinutes: eventType.bufferAfterMinutes,
    name: request.name,
    email: request.email,
    timeZone: request.timeZone,
    locale,
    answers: checked.answers,
    location: eventType.locations[0] ?? null,
    notes: request.notes ?? null,
    flagged: declined,
    sequence: 0,
    cancelReason: null,
    cancelledBy: null,
    cancelledAt: null,
    createdAt: now,
    updatedAt: now,
  };
  // One batch: the guarded insert takes the slot or nothing; the lead, its events and its two emails (held
  // until notifyBookingCreated has written the owner's calendar) exist only if it did.
  const taken = sql`EXISTS (SELECT 1 FROM bookings WHERE id = ${booking.id})`;
  const events = webhookEventsForBatch(
    deps,
    [
      ...newLeadEvents({ ...lead, stage: "call_scheduled" }, "booking-link"),
      bookingEvent("booking.created", booking),
    ],
    taken,
  );
  const results = await deps.database.batch([
    guardedBookingInsert(booking, guard),
    bumpAvailability(owner.id),
    contact,
    insertLead({ ...lead, stage: "call_scheduled" }, booking.id),
    insertLeadEvent({
      id: deps.newId(),
      ownerId: owner.id,
      leadId,
      kind: "booking.created",
      data: { bookingId: booking.id, startMs },
      at: now,
    }),
    ...startBookingWorkflows(deps, booking, await loadWorkflowSettings(deps.database, owner.id)),
    ...formBookedStatements(deps, booking),
    ...heldMailStatements(deps, createdMails(deps, { booking, owner, eventType }, leadResult), taken),
    ...events.statements,
  ]);
  if (results[0]?.changes !== 1) {
    throw new AppError("slot_unavailable", {
      detail: "This time is no longer free: someone booked it or a time next to it. Pick another slot.",
    });
  }
  events.afterBatch(results);
  return { booking, lead: leadResult, request };
}
