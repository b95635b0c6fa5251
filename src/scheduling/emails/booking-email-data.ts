// What every booking email is rendered from: plain data, already in the recipient's language.
import type { Locale } from "../../platform/i18n.ts";

export type LocationType = "phone" | "video" | "google_meet" | "in_person";
export type TriageVerdict = "qualified" | "review" | "declined";

export interface BookingEmailPerson {
  name: string;
  email: string;
  timeZone: string;
}

export interface BookingEmailData {
  /** the recipient's */
  locale: Locale;
  owner: BookingEmailPerson;
  prospect: BookingEmailPerson;
  /** already in the right language */
  eventTitle: string;
  durationMinutes: number;
  startMs: number;
  endMs: number;
  location?: { type: LocationType; details?: string };
  /** signed link for the prospect: view, cancel, reschedule */
  manageUrl: string;
  /** the prospect's answers, already formatted as text */
  answers: { label: string; value: string }[];
  /** reasons already in the recipient's language */
  verdict?: { verdict: TriageVerdict; reasons: string[] };
  status: "confirmed" | "pending";
  /** what the prospect wrote in the free "notes" field */
  notes?: string;
}

export interface BookingEmail {
  subject: string;
  html: string;
  text: string;
}
