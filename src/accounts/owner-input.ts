// What it takes to create an owner: validated the same way for the setup page, the CLI and tests.
import * as z from "zod";
import { LOCALES } from "../platform/i18n.ts";
import { isValidTimeZone as isKnownTimeZone } from "../scheduling/zone-clock.ts";

// Public URLs are /{handle}/{slug}: a handle must never shadow an application path.
export const RESERVED_HANDLES = new Set([
  "api",
  "r",
  "assets",
  "dashboard",
  "healthz",
  "login",
  "logout",
  "setup",
  "signup",
  "settings",
  "problems",
  "public",
  "bookings",
  "booking",
  "static",
  "admin",
  "feeds",
  "links",
  "m",
  "oauth",
  "webhooks",
  "favicon.ico",
  "robots.txt",
]);

/** An IANA name with an area ("Europe/Paris") or "UTC": abbreviations like "CET" are refused. */
export function isValidTimeZone(zone: string): boolean {
  if (!zone.includes("/") && zone !== "UTC") return false;
  return isKnownTimeZone(zone);
}

export const timeZoneSchema = z
  .string()
  .trim()
  .refine(isValidTimeZone, "is not a known IANA time zone (e.g. Europe/Paris)");

export const passwordSchema = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters");

export const ownerInputSchema = z.object({
  name: z.string().trim().min(1, "is required").max(120),
  email: z.email("is not a valid email address").trim().toLowerCase().max(254),
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "use 2–40 lowercase letters, digits or dashes")
    .min(2, "use 2–40 lowercase letters, digits or dashes")
    .refine((h) => !RESERVED_HANDLES.has(h), "is reserved, choose another"),
  timeZone: timeZoneSchema,
  locale: z.enum(LOCALES).default("fr"),
  password: passwordSchema,
});

export type OwnerInput = z.output<typeof ownerInputSchema>;
