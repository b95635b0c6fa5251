// What a booking looks like as an event in the owner's calendar. The prospect is a guest and may see it
// (Google copies guests' events), so it carries only what the prospect wrote or was sent. Pure.
import { createHash } from "node:crypto";

export interface BookingEventInput {
  bookingId: string;
  title: string;
  ownerName: string;
  prospect: { name: string; email: string };
  startMs: number;
  endMs: number;
  timeZone: string;
  status: "pending" | "confirmed";
  location: { type: string; details?: string } | null;
  answers: { label: string; value: string }[];
  notes: string | null;
  manageUrl: string;
}

export interface BookingEventContent {
  summary: string;
  description: string;
  location: string | undefined;
  wantsMeet: boolean;
}

const LOCATION_WORDS: Record<string, string> = {
  phone: "Téléphone / Phone",
  video: "Visio / Video",
  google_meet: "Google Meet",
  in_person: "",
};

export function bookingEventContent(input: BookingEventInput): BookingEventContent {
  const lines = [`${input.title} — ${input.prospect.name} <${input.prospect.email}>`];
  for (const answer of input.answers) lines.push(`${answer.label}: ${answer.value}`);
  if (input.notes?.trim()) lines.push("", input.notes.trim());
  lines.push("", input.manageUrl);
  const details = input.location?.details?.trim();
  const type = input.location?.type ?? "";
  return {
    summary: `${input.title} — ${input.ownerName} / ${input.prospect.name}`,
    description: lines.join("\n"),
    location: details || LOCATION_WORDS[type] || undefined,
    wantsMeet: type === "google_meet",
  };
}

function bookingHash(bookingId: string): string {
  return createHash("sha256").update(bookingId).digest("hex");
}

/** Google event ids use base32hex (0-9, a-v): hex qualifies. "crn" marks it as ours. Deterministic = idempotent. */
export function googleEventId(bookingId: string): string {
  return `crn${bookingHash(bookingId).slice(0, 40)}`;
}

/** The CalDAV object URL for a booking in a calendar collection; PUT there creates or replaces it. */
export function caldavObjectUrl(calendarUrl: string, bookingId: string): string {
  const base = calendarUrl.endsWith("/") ? calendarUrl : `${calendarUrl}/`;
  return `${base}creneau-${bookingHash(bookingId).slice(0, 32)}.ics`;
}
