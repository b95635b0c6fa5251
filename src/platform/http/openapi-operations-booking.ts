// The booking side of the API: public booking (API.md), booking links, bookings, leads.
import * as z from "zod";
import { newLeadSchema } from "../../leads/api-capture.ts";
import {
  leadCreatedResponse,
  leadDeclinedResponse,
  leadListItemResponse,
  leadResponse,
  leadSettingsResponse,
  leadWonResponse,
  personErasedResponse,
  personExportResponse,
} from "../../leads/api-responses.ts";
import { declineSchema, leadPatchSchema, leadsQuery } from "../../leads/api-routes.ts";
import { leadSettingsSchema } from "../../leads/lead-settings.ts";
import { winSchema } from "../../leads/won.ts";
import {
  eventTypeResponse,
  ownerBookingResponse,
  ownerCancelledResponse,
} from "../../scheduling/api-responses.ts";
import { bookingRequestSchema, cancelSchema, rescheduleSchema } from "../../scheduling/booking-request.ts";
import { eventTypeInputSchema } from "../../scheduling/event-type-input.ts";
import { bookingsQuery, eventTypesQuery } from "../../scheduling/owner-api-routes.ts";
import type { OperationSpec } from "./openapi.ts";
import { conflict, created, noContent, ok, operation, page, problem } from "./openapi-operation-kit.ts";
import {
  bookingCreatedResponse,
  bookingDeclinedResponse,
  cancelledResponse,
  managedBookingResponse,
  publicEventTypeResponse,
  rescheduledResponse,
  slotsResponse,
} from "./openapi-responses.ts";

// The slots query is parsed by hand (slots-request.ts) to give its own messages; this documents it.
const slotsQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date().meta({ description: "at most 62 days after from" }),
  timeZone: z
    .string()
    .meta({ description: "IANA zone the dates and offsets are given in", example: "Europe/Paris" }),
});

const publicTag = { tag: "Public booking" };
const links = { tag: "Booking links" };
const bookings = { tag: "Bookings" };
const leads = { tag: "Leads" };

export const BOOKING_OPERATIONS: OperationSpec[] = [
  operation(
    "get",
    "/api/public/{handle}/{slug}",
    "getPublicEventType",
    "A booking link and its questions",
    "public",
    { ...publicTag, responses: { 200: ok("The link, in the visitor's language", publicEventTypeResponse) } },
  ),
  operation(
    "get",
    "/api/public/{handle}/{slug}/slots",
    "listSlots",
    "Bookable slots between two dates",
    "public",
    {
      ...publicTag,
      query: slotsQuery,
      responses: {
        200: ok("Bookable slots by date, in the requested zone", slotsResponse),
        400: problem("A range over 62 days, or an unknown time zone"),
      },
    },
  ),
  operation(
    "post",
    "/api/public/{handle}/{slug}/bookings",
    "createBooking",
    "Book a slot (answers are triaged)",
    "public",
    {
      ...publicTag,
      body: bookingRequestSchema,
      responses: {
        201: created("Booked", bookingCreatedResponse),
        200: ok("Triage declined the lead and the link blocks declined leads", bookingDeclinedResponse),
        409: conflict("The slot is no longer available"),
      },
    },
  ),
  operation(
    "get",
    "/api/public/bookings/{token}",
    "getManagedBooking",
    "A booking through its manage token",
    "public",
    { ...publicTag, responses: { 200: ok("The booking", managedBookingResponse) } },
  ),
  operation(
    "post",
    "/api/public/bookings/{token}/cancel",
    "cancelManagedBooking",
    "Cancel through the manage token",
    "public",
    {
      ...publicTag,
      body: cancelSchema,
      bodyOptional: true,
      responses: { 200: ok("Cancelled", cancelledResponse), 409: conflict("Past the cancellation notice") },
    },
  ),
  operation(
    "post",
    "/api/public/bookings/{token}/reschedule",
    "rescheduleManagedBooking",
    "Move to another slot",
    "public",
    {
      ...publicTag,
      body: rescheduleSchema,
      responses: {
        200: ok("Moved", rescheduledResponse),
        409: conflict("Slot unavailable, or past the notice"),
      },
    },
  ),

  operation("get", "/api/event-types", "listEventTypes", "Booking links", "read", {
    ...links,
    query: eventTypesQuery,
    responses: { 200: page("Booking links, oldest first", eventTypeResponse) },
  }),
  operation("post", "/api/event-types", "createEventType", "Create a booking link", "write", {
    ...links,
    body: eventTypeInputSchema,
    responses: { 201: created("The booking link", eventTypeResponse), 409: conflict("The slug is taken") },
  }),
  operation("get", "/api/event-types/{id}", "getEventType", "A booking link", "read", {
    ...links,
    responses: { 200: ok("The booking link", eventTypeResponse) },
  }),
  operation("patch", "/api/event-types/{id}", "updateEventType", "Change a booking link", "write", {
    ...links,
    body: eventTypeInputSchema.partial(),
    responses: { 200: ok("The booking link", eventTypeResponse), 409: conflict("The slug is taken") },
  }),
  operation("delete", "/api/event-types/{id}", "deleteEventType", "Archive a booking link", "write", {
    ...links,
    responses: { 204: noContent },
  }),

  operation("get", "/api/bookings", "listBookings", "Bookings by start time", "read", {
    ...bookings,
    query: bookingsQuery,
    responses: { 200: page("Bookings, by start time", ownerBookingResponse) },
  }),
  operation("get", "/api/bookings/{id}", "getBooking", "A booking", "read", {
    ...bookings,
    responses: { 200: ok("The booking", ownerBookingResponse) },
  }),
  operation("post", "/api/bookings/{id}/approve", "approveBooking", "Approve a pending booking", "write", {
    ...bookings,
    responses: {
      200: ok("The booking, confirmed", ownerBookingResponse),
      409: conflict("It is not pending"),
    },
  }),
  operation(
    "post",
    "/api/bookings/{id}/cancel",
    "cancelBooking",
    "Cancel a booking (the prospect is told)",
    "write",
    {
      ...bookings,
      body: cancelSchema,
      bodyOptional: true,
      responses: { 200: ok("Cancelled (also when it already was)", ownerCancelledResponse) },
    },
  ),

  operation("get", "/api/leads", "listLeads", "Leads, newest first", "read", {
    ...leads,
    query: leadsQuery,
    responses: { 200: page("Leads", leadListItemResponse) },
  }),
  operation("post", "/api/leads", "createLead", "Add a lead (triaged; merged by email)", "write", {
    ...leads,
    body: newLeadSchema,
    responses: { 201: created("The lead, with merged: true when the email was known", leadCreatedResponse) },
  }),
  operation("get", "/api/leads/{id}", "getLead", "A lead with its timeline and bookings", "read", {
    ...leads,
    responses: { 200: ok("The lead", leadResponse) },
  }),
  operation("patch", "/api/leads/{id}", "updateLead", "Move a lead, change its notes or verdict", "write", {
    ...leads,
    body: leadPatchSchema,
    responses: { 200: ok("The lead, changed", leadResponse) },
  }),
  operation("delete", "/api/leads/{id}", "erasePerson", "Erase the person behind a lead (GDPR)", "write", {
    ...leads,
    responses: { 200: ok("What was erased", personErasedResponse) },
  }),
  operation(
    "get",
    "/api/leads/{id}/export",
    "exportPerson",
    "Everything kept about the person (GDPR)",
    "read",
    { ...leads, responses: { 200: ok("The person's data", personExportResponse) } },
  ),
  operation(
    "post",
    "/api/leads/{id}/decline",
    "declineLead",
    "Decline, with an optional kind email",
    "write",
    {
      ...leads,
      body: declineSchema,
      bodyOptional: true,
      responses: {
        200: ok("The lead, declined; emailed: whether the email was queued", leadDeclinedResponse),
      },
    },
  ),
  operation("post", "/api/leads/{id}/win", "winLead", "Won: create the client and the mission", "write", {
    ...leads,
    body: winSchema,
    responses: { 201: created("The client and the mission", leadWonResponse), 409: conflict("Already won") },
  }),
  operation("get", "/api/lead-settings", "getLeadSettings", "Triage defaults and decline templates", "read", {
    ...leads,
    responses: { 200: ok("The settings", leadSettingsResponse) },
  }),
  operation("put", "/api/lead-settings", "putLeadSettings", "Replace the lead settings", "write", {
    ...leads,
    body: leadSettingsSchema,
    responses: { 200: ok("The settings, saved", leadSettingsResponse) },
  }),
];
