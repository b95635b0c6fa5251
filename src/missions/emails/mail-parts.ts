// Small pieces every mission email shares.
import type { Locale } from "../../platform/i18n.ts";

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** A subject is one line, whatever a mission title or a client name holds. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").trim();
}

/** The recipient's language: a client's stored locale is free text, anything but "en" reads French. */
export function localeOf(value: string | null | undefined): Locale {
  return value === "en" ? "en" : "fr";
}
