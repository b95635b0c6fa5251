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
