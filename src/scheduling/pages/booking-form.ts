// Step 1's form as plain data: what the visitor typed (kept verbatim to show it again) and how it becomes a booking.
import { bookingRequestSchema } from "../booking-request.ts";
import type { Question } from "../questions.ts";

/** Bots fill every field; people never see this one. */
export const HONEYPOT_FIELD = "website";
export const UTM_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;

type Form = Record<string, string | string[]>;

export interface BookingFormValues {
  name: string;
  email: string;
  notes: string;
  /** by question id; multiselect answers are lists */
  answers: Record<string, string | string[]>;
  source: string;
  utm: Record<string, string>;
  /** the zone the browser reported (filled by the page script), empty without JavaScript */
  timeZone: string;
}

export type ContactError = {
  field: "name" | "email" | "notes";
  code: "required" | "too_long" | "invalid_email";
};

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

export function answerField(questionId: string): string {
  return `answers.${questionId}`;
}

export function emptyBookingForm(): BookingFormValues {
  return { name: "", email: "", notes: "", answers: {}, source: "", utm: {}, timeZone: "" };
}

/** Where the visitor came from (?source=malt&utm_campaign=…), cut to what the booking accepts. */
export function trackingFrom(params: Record<string, string | string[] | undefined>): {
  source: string;
  utm: Record<string, string>;
} {
  const utm: Record<string, string> = {};
  for (const key of UTM_KEYS) {
    const value = first(params[key]).trim().slice(0, 200);
    if (value) utm[key] = value;
  }
  return { source: first(params.source).trim().toLowerCase().slice(0, 60), utm };
}

export function readBookingForm(form: Form, questions: readonly Question[]): BookingFormValues {
  const answers: Record<string, string | string[]> = {};
  for (const q of questions) {
    const raw = form[answerField(q.id)];
    answers[q.id] = q.type === "multiselect" ? list(raw) : first(raw);
  }
  return {
    name: first(form.name),
    email: first(form.email),
    notes: first(form.notes),
    answers,
    ...trackingFrom(form),
    timeZone: first(form.timeZone),
  };
}

export function isHoneypotFilled(form: Form): boolean {
  return first(form[HONEYPOT_FIELD]).trim() !== "";
}

/** Name, email and notes checked with the booking API's own schema, as codes the page translates. */
export function checkContact(values: BookingFormValues): ContactError[] {
  const errors: ContactError[] = [];
  const shape = bookingRequestSchema.shape;
  if (!values.name.trim()) errors.push({ field: "name", code: "required" });
  else if (!shape.name.safeParse(values.name).success) errors.push({ field: "name", code: "too_long" });
  if (!values.email.trim()) errors.push({ field: "email", code: "required" });
  else if (!shape.email.safeParse(values.email).success)
    errors.push({ field: "email", code: "invalid_email" });
  if (!shape.notes.safeParse(values.notes).success) errors.push({ field: "notes", code: "too_long" });
  return errors;
}
