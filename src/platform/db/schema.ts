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
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const sessions = sqliteTable(
  "sessions",
  {
    // sha256 of the cookie token: a leaked database does not leak live sessions.
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
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
    ownerId: text("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
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
    ownerId: text("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
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
    status: text("status", { enum: ["queued", "sending", "sent", "failed"] })
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
    ownerId: text("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
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
    ownerId: text("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
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
    ownerId: text("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
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
    ownerId: text("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
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
  },
  (t) => [
    index("leads_owner_created_idx").on(t.ownerId, t.createdAt),
    index("leads_contact_idx").on(t.contactId),
  ],
);

export const bookings = sqliteTable(
  "bookings",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
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
    ownerId: text("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    leadId: text("lead_id").notNull(),
    kind: text("kind").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    at: integer("at").notNull(),
  },
  (t) => [index("lead_events_lead_idx").on(t.leadId, t.at)],
);
