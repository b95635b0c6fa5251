// Static assets served from memory with a content hash in the URL, so browsers cache them for a year.
import { createHash } from "node:crypto";
import { bookingScript } from "./booking-script.ts";
import { stylesheet } from "./stylesheet.ts";

const hashOf = (body: string) => createHash("sha256").update(body).digest("hex").slice(0, 12);
export const STYLESHEET_PATH = `/assets/style.${hashOf(stylesheet)}.css`;
export const SCRIPT_PATH = `/assets/booking.${hashOf(bookingScript)}.js`;

export const ASSETS: Record<string, { body: string; type: string }> = {
  [STYLESHEET_PATH]: { body: stylesheet, type: "text/css; charset=utf-8" },
  [SCRIPT_PATH]: { body: bookingScript, type: "text/javascript; charset=utf-8" },
};
