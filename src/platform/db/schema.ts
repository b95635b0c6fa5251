// The whole database schema. Every owned row carries owner_id; instants are integer epoch milliseconds (UTC).
// drizzle-kit reads this file to write migrations/ (npm run db:generate).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const owners = sqliteTable("owners", {
  id: text("id").primaryKey(),
  handle: text("handle").notNull().unique(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  timeZone: text("time_zone").notNull(),
  locale: text("locale", { enum: ["fr", "en"] }).notNull(),
  passwordHash: text("password_hash").notNull(),
  /** Bumped in every batch that changes what slots depend on (see scheduling/availability-version.ts). */
  availabilityVersion: integer("availability_version").notNull().default(0),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** Every owned row: deleting the owner deletes it. */
const ownerIdColumn = () =>
  text("owner_id")
    .notNull()
    .references(() => owners.id, { onDelete: "cascade" });

export const sessions = sqliteTable(
  "sessions",
  {
    // sha256 of the cookie token: a leaked database does not leak live sessions.
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
  },
  (t) => [index("sessions_owner_idx").on(t.ownerId)],
);

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    name: text("name").notNull(),
    // First characters of the key, shown in lists so the owner can tell keys apart.
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    scopes: text("scopes").notNull().default("read,write"),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("api_keys_owner_idx").on(t.ownerId)],
);

// Fixed-window counters for login throttling and public form rate limits; shared by every process.
export const throttles = sqliteTable("throttles", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStart: integer("window_start").notNull(),
});

export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    // Same key twice = same email: the unique index is what makes sending idempotent.
    idempotencyKey: text("idempotency_key").notNull(),
    why: text("why").notNull(),
    toAddress: text("to_address").notNull(),
    toName: text("to_name"),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    headers: text("headers", { mode: "json" }).$type<Record<string, string>>(),
    attachments: text("attachments", { mode: "json" }).$type<StoredAttachment[]>(),
    locale: text("locale").notNull().default("fr"),
    // "unsent": no mail transport was configured; "expired": such an email judged too old to send later.
    status: text("status", { enum: ["queued", "sending", "sent", "failed", "unsent", "expired"] })
      .notNull()
      .default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    leaseUntil: integer("lease_until"),
    lastError: text("last_error"),
    messageId: text("message_id").notNull(),
    workflowRunId: text("workflow_run_id"),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [
    uniqueIndex("outbox_idempotency_idx").on(t.ownerId, t.idempotencyKey),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_owner_created_idx").on(t.ownerId, t.createdAt),
  ],
);

export interface StoredAttachment {
  filename: string;
  contentType: string;
  /** utf8 text, or base64 when encoding is "base64" */
  content: string;
  encoding?: "base64";
  /** e.g. "REQUEST" for an iCalendar invitation, so mail clients show accept/decline */
  method?: string;
}

// Key/value settings per owner (business identity, triage defaults, workflow switches), JSON valued.
export const ownerSettings = sqliteTable(
  "owner_settings",
  {
    ownerId: ownerIdColumn(),
    key: text("key").notNull(),
    value: text("value", { mode: "json" }).notNull(),
    updatedAt: integer("updated_at").notNull().default(sql`0`),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.key] })],
);

// ── Scheduling ────────────────────────────────────────────────────────────────────────────────

export const eventTypes = sqliteTable(
  "event_types",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    slug: text("slug").notNull(),
    // The rest of the definition (hours, questions, triage…) as validated JSON: it is always read whole.
    definition: text("definition", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    // Deleting a link that has bookings archives it (history stays); its slug is freed for reuse.
    archivedAt: integer("archived_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("event_types_owner_slug_idx").on(t.ownerId, t.slug)],
);

// One person, one contact: the same email merges into the same row (per owner).
export const contacts = sqliteTable(
  "contacts",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    company: text("company"),
    locale: text("locale").notNull().default("fr"),
    timeZone: text("time_zone"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("contacts_owner_email_idx").on(t.ownerId, t.email)],
);

export const leads = sqliteTable(
  "leads",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    contactId: text("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    eventTypeId: text("event_type_id"),
    source: text("source").notNull().default("direct"),
    verdict: text("verdict", { enum: ["qualified", "review", "declined"] }).notNull(),
    reasons: text("reasons", { mode: "json" }).notNull().$type<unknown[]>(),
    stage: text("stage").notNull().default("new"),
    answers: text("answers", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    utm: text("utm", { mode: "json" }).$type<Record<string, string>>(),
    notes: text("notes"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    // What the insights count, kept by every stage move (lead_events stays the record): summing them
    // from 50,000 leads' events on each page view would take seconds. A booking lead inserted at
    // "call_scheduled" or "declined" is read by its stage until it moves.
    reachedCall: integer("reached_call", { mode: "boolean" }).notNull().default(false),
    decidedAt: integer("decided_at"),
    ownerTouched: integer("owner_touched", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("leads_owner_created_idx").on(t.ownerId, t.createdAt),
    index("leads_contact_idx").on(t.contactId),
    // The board's columns and the stage counts; erased leads (no contact) are never listed.
    index("leads_owner_stage_idx").on(t.ownerId, t.stage, t.updatedAt).where(sql`${t.contactId} IS NOT NULL`),
    // The channel filter and the list of channels.
    index("leads_owner_source_idx")
      .on(t.ownerId, t.source, t.createdAt)
      .where(sql`${t.contactId} IS NOT NULL`),
  ],
);

export const bookings = sqliteTable(
  "bookings",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    eventTypeId: text("event_type_id")
      .notNull()
      .references(() => eventTypes.id),
    leadId: text("lead_id"),
    status: text("status", { enum: ["pending", "confirmed", "cancelled", "completed", "no_show"] }).notNull(),
    startMs: integer("start_ms").notNull(),
    endMs: integer("end_ms").notNull(),
    // Snapshot of the event type's buffers when booked: later edits do not move existing bookings' padding.
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull(),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    timeZone: text("time_zone").notNull(),
    locale: text("locale").notNull().default("fr"),
    answers: text("answers", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    location: text("location", { mode: "json" }).$type<{ type: string; details?: string }>(),
    notes: text("notes"),
    flagged: integer("flagged", { mode: "boolean" }).notNull().default(false),
    // iCalendar SEQUENCE: raised on every reschedule or cancellation.
    sequence: integer("sequence").notNull().default(0),
    cancelReason: text("cancel_reason"),
    cancelledBy: text("cancelled_by"),
    cancelledAt: integer("cancelled_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("bookings_owner_start_idx").on(t.ownerId, t.startMs),
    index("bookings_event_type_start_idx").on(t.eventTypeId, t.startMs),
  ],
);

// The lead's timeline: answers, bookings, emails, stage changes, notes.
export const leadEvents = sqliteTable(
  "lead_events",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    leadId: text("lead_id").notNull(),
    kind: text("kind").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    at: integer("at").notNull(),
  },
  (t) => [index("lead_events_lead_idx").on(t.leadId, t.at)],
);

// ── Missions and invoices ─────────────────────────────────────────────────────────────────────

export const clients = sqliteTable(
  "clients",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    name: text("name").notNull(),
    address: text("address", { mode: "json" }).notNull().$type<Record<string, string>>(),
    siren: text("siren"),
    siret: text("siret"),
    vatNumber: text("vat_number"),
    billingEmail: text("billing_email").notNull(),
    locale: text("locale").notNull().default("fr"),
    contacts: text("contacts", { mode: "json" }).$type<
      { name: string; email?: string; phone?: string; role?: string }[]
    >(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("clients_owner_idx").on(t.ownerId, t.name)],
);

export const missions = sqliteTable(
  "missions",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    clientId: text("client_id")
      .notNull()
      .references(() => clients.id),
    leadId: text("lead_id"),
    title: text("title").notNull(),
    dailyRateCents: integer("daily_rate_cents").notNull(),
    currency: text("currency").notNull().default("EUR"),
    startDate: text("start_date").notNull(),
    plannedEndDate: text("planned_end_date"),
    endDate: text("end_date"),
    status: text("status", { enum: ["planned", "active", "ended", "cancelled"] }).notNull(),
    source: text("source").notNull(),
    ratingUrl: text("rating_url"),
    ratingReceivedAt: integer("rating_received_at"),
    paymentTermsDays: integer("payment_terms_days").notNull().default(30),
    billingMode: text("billing_mode", { enum: ["monthly", "end", "platform"] }).notNull(),
    vatRate: integer("vat_rate"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("missions_owner_idx").on(t.ownerId, t.status)],
);

export const activityReports = sqliteTable(
  "activity_reports",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    missionId: text("mission_id")
      .notNull()
      .references(() => missions.id, { onDelete: "cascade" }),
    month: text("month").notNull(),
    days: text("days", { mode: "json" }).notNull().$type<{ date: string; fraction: number }[]>(),
    status: text("status", { enum: ["draft", "submitted", "approved", "contested"] }).notNull(),
    clientComment: text("client_comment"),
    submittedAt: integer("submitted_at"),
    decidedAt: integer("decided_at"),
    invoiceId: text("invoice_id"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("activity_reports_mission_month_idx").on(t.missionId, t.month)],
);

export const invoices = sqliteTable(
  "invoices",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    missionId: text("mission_id").references(() => missions.id),
    clientId: text("client_id")
      .notNull()
      .references(() => clients.id),
    activityReportId: text("activity_report_id"),
    type: text("type", { enum: ["invoice", "credit_note"] }).notNull(),
    status: text("status", { enum: ["draft", "issued"] }).notNull(),
    // Set only when issued, by one guarded statement; the unique indexes make a duplicate impossible.
    series: text("series"),
    sequence: integer("sequence"),
    number: text("number"),
    issueDate: text("issue_date"),
    dueDate: text("due_date"),
    periodStart: text("period_start").notNull(),
    periodEnd: text("period_end").notNull(),
    lines: text("lines", { mode: "json" }).notNull().$type<unknown[]>(),
    netCents: integer("net_cents").notNull(),
    vatCents: integer("vat_cents").notNull(),
    grossCents: integer("gross_cents").notNull(),
    // The complete document (seller, buyer, mentions) frozen at issue time: an issued invoice never changes.
    document: text("document", { mode: "json" }).$type<Record<string, unknown>>(),
    creditOfId: text("credit_of_id"),
    paidCents: integer("paid_cents").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    issuedAt: integer("issued_at"),
  },
  (t) => [
    uniqueIndex("invoices_series_sequence_idx").on(t.ownerId, t.series, t.sequence),
    uniqueIndex("invoices_number_idx").on(t.ownerId, t.number),
    index("invoices_owner_status_idx").on(t.ownerId, t.status, t.issueDate),
  ],
);

export const payments = sqliteTable(
  "payments",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    invoiceId: text("invoice_id")
      .notNull()
      .references(() => invoices.id),
    amountCents: integer("amount_cents").notNull(),
    date: text("date").notNull(),
    method: text("method"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("payments_invoice_idx").on(t.invoiceId)],
);

// Invoices a platform (Malt) issued in the owner's name: recorded, never numbered by us.
export const externalInvoices = sqliteTable(
  "external_invoices",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    missionId: text("mission_id")
      .notNull()
      .references(() => missions.id),
    platform: text("platform").notNull(),
    number: text("number").notNull(),
    issueDate: text("issue_date").notNull(),
    amountCents: integer("amount_cents").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("external_invoices_number_idx").on(t.ownerId, t.platform, t.number)],
);

// ── Calendars ─────────────────────────────────────────────────────────────────────────────────

export const calendarConnections = sqliteTable(
  "calendar_connections",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    type: text("type", { enum: ["google", "caldav", "ics"] }).notNull(),
    name: text("name").notNull(),
    status: text("status", { enum: ["active", "broken", "error"] })
      .notNull()
      .default("active"),
    // Credentials and tokens, encrypted with SECRET_KEY (AES-256-GCM), never stored in clear.
    secret: text("secret"),
    // Non-secret settings: server URL, calendars counted as busy, the calendar receiving bookings…
    settings: text("settings", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    // Provider cursors: Google syncToken, CalDAV ctag/etags, ICS ETag/Last-Modified.
    syncState: text("sync_state", { mode: "json" }).$type<Record<string, unknown>>(),
    syncIntervalMinutes: integer("sync_interval_minutes").notNull().default(5),
    lastSyncAt: integer("last_sync_at"),
    nextSyncAt: integer("next_sync_at"),
    lastError: text("last_error"),
    progress: text("progress", { mode: "json" }).$type<{ done: number; total?: number; phase?: string }>(),
    brokenNotifiedAt: integer("broken_notified_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("calendar_connections_owner_idx").on(t.ownerId),
    index("calendar_connections_due_idx").on(t.nextSyncAt),
  ],
);

export const busyIntervals = sqliteTable(
  "busy_intervals",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    connectionId: text("connection_id")
      .notNull()
      .references(() => calendarConnections.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    startMs: integer("start_ms").notNull(),
    endMs: integer("end_ms").notNull(),
    allDay: integer("all_day", { mode: "boolean" }).notNull().default(false),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("busy_intervals_owner_start_idx").on(t.ownerId, t.startMs),
    uniqueIndex("busy_intervals_connection_external_idx").on(t.connectionId, t.externalId),
  ],
);

// Where each booking was written in each calendar, so cancel and reschedule update the same event.
export const bookingCalendarEvents = sqliteTable(
  "booking_calendar_events",
  {
    bookingId: text("booking_id").notNull(),
    connectionId: text("connection_id")
      .notNull()
      .references(() => calendarConnections.id, { onDelete: "cascade" }),
    ownerId: text("owner_id").notNull(),
    externalId: text("external_id").notNull(),
    etag: text("etag"),
    meetUrl: text("meet_url"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.connectionId] })],
);

// ── Workflows ─────────────────────────────────────────────────────────────────────────────────

export const workflowRuns = sqliteTable(
  "workflow_runs",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    workflow: text("workflow").notNull(),
    // What the run is about (a booking, a mission, an invoice…): one live run per workflow and key.
    key: text("key").notNull(),
    input: text("input", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    status: text("status", { enum: ["waiting", "running", "completed", "failed", "cancelled"] }).notNull(),
    wakeAt: integer("wake_at"),
    // The step the run is suspended on, shown in the dashboard ("sleep:prospect-reminder", "event:booking.approved").
    waitingOn: text("waiting_on"),
    leaseOwner: text("lease_owner"),
    leaseUntil: integer("lease_until"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    finishedAt: integer("finished_at"),
  },
  (t) => [
    uniqueIndex("workflow_runs_key_idx").on(t.ownerId, t.workflow, t.key),
    index("workflow_runs_due_idx").on(t.status, t.wakeAt),
    // Waking the runs that wait for an event (wakeWaiters) must not scan every sleeping run of the owner.
    index("workflow_runs_waiting_idx").on(t.ownerId, t.waitingOn),
  ],
);

// The journal: a completed step is never run again; its output is replayed.
export const workflowSteps = sqliteTable(
  "workflow_steps",
  {
    runId: text("run_id")
      .notNull()
      .references(() => workflowRuns.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    output: text("output", { mode: "json" }).$type<unknown>(),
    completedAt: integer("completed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.name] })],
);

// Domain events a waiting run may be resumed by (booking.approved, rating.received…).
export const workflowEvents = sqliteTable(
  "workflow_events",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    name: text("name").notNull(),
    key: text("key").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("workflow_events_lookup_idx").on(t.ownerId, t.name, t.key, t.createdAt)],
);

// ── Webhooks ──────────────────────────────────────────────────────────────────────────────────

// Where the owner wants events POSTed. The signing secret is sealed with SECRET_KEY (we need it back to sign).
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    url: text("url").notNull(),
    description: text("description"),
    // JSON array of event types, e.g. ["booking.created","invoice.paid"].
    events: text("events", { mode: "json" }).notNull().$type<string[]>(),
    sealedSecret: text("sealed_secret").notNull(),
    status: text("status", { enum: ["active", "disabled"] }).notNull(),
    disabledReason: text("disabled_reason"),
    // Start of the current run of failed attempts; cleared by any success. Three days of it disables the endpoint.
    failingSince: integer("failing_since"),
    lastSuccessAt: integer("last_success_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("webhook_endpoints_owner_idx").on(t.ownerId, t.createdAt)],
);

// Every event, once, with the exact body that is signed and sent (replays send the same bytes).
export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    // AUTOINCREMENT: a strictly increasing order, even for two events in the same millisecond.
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull().unique(),
    ownerId: ownerIdColumn(),
    type: text("type").notNull(),
    // "booking:<id>", "invoice:<id>"…: deliveries of one resource to one endpoint go out in order.
    resource: text("resource").notNull(),
    // Same key twice = one event (a use case retried after a crash emits nothing new).
    dedupeKey: text("dedupe_key").notNull(),
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("webhook_events_dedupe_idx").on(t.ownerId, t.dedupeKey),
    index("webhook_events_owner_idx").on(t.ownerId, t.seq),
  ],
);

// One event to one endpoint. "waiting" = behind an unfinished delivery of the same resource to the same endpoint.
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    ownerId: ownerIdColumn(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    eventSeq: integer("event_seq").notNull(),
    eventType: text("event_type").notNull(),
    resource: text("resource").notNull(),
    // The event id for the automatic delivery; "replay:<id>" for each manual replay.
    dedupeKey: text("dedupe_key").notNull(),
    replayOf: text("replay_of"),
    status: text("status", { enum: ["waiting", "pending", "delivering", "succeeded", "failed"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    firstAttemptAt: integer("first_attempt_at"),
    leaseOwner: text("lease_owner"),
    leaseUntil: integer("lease_until"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    finishedAt: integer("finished_at"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_dedupe_idx").on(t.endpointId, t.dedupeKey),
    // Partial indexes: a delivery enters and leaves each once, instead of being re-indexed at every status change.
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index("webhook_deliveries_chain_idx")
      .on(t.endpointId, t.resource, t.eventSeq)
      .where(sql`status IN ('waiting', 'pending', 'delivering')`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    // Looked up by event (replays, the log's filter) and by SQLite's foreign-key checks on webhook_events.
    index("webhook_deliveries_event_idx").on(t.eventId),
  ],
);

// The delivery log: one row per HTTP attempt, with what came back and how long it took.
export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    // The key also makes recording the same attempt twice impossible.
    attempt: integer("attempt").notNull(),
    startedAt: integer("started_at").notNull(),
    durationMs: integer("duration_ms").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    responseExcerpt: text("response_excerpt"),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.attempt] })],
);
