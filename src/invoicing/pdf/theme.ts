import type { RGB } from "pdf-lib";
import { rgb } from "pdf-lib";

// One place for the look of the invoice: A4 in points, a restrained palette (one accent, greys), a
// type scale. Plain DeviceRGB fills, never an opacity: PDF/A forbids nothing here, but transparency
// groups are where PDF/A files usually go wrong.

export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 50, right: 50, top: 48, bottom: 40 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Room kept at the bottom of every page for the seller's legal line and the page number. */
export const FOOTER_HEIGHT = 34;

export const COLORS: Record<"ink" | "muted" | "faint" | "rule" | "accent" | "accentSoft" | "white", RGB> = {
  ink: rgb(0.11, 0.13, 0.17),
  muted: rgb(0.4, 0.43, 0.49),
  faint: rgb(0.55, 0.58, 0.63),
  rule: rgb(0.85, 0.87, 0.9),
  accent: rgb(0.12, 0.29, 0.49),
  accentSoft: rgb(0.93, 0.95, 0.98),
  white: rgb(1, 1, 1),
};

export const SIZE = {
  title: 22,
  sellerName: 14,
  heading: 8,
  body: 9.5,
  small: 8,
  tiny: 7,
  totalDue: 11,
} as const;

/** Line height as a multiple of the font size. */
export const LEADING = 1.38;

/** Small capitals-style section labels ("FACTURÉ À", table headers). */
export const HEADING_STYLE = { weight: "semibold", size: SIZE.heading, color: COLORS.muted } as const;
