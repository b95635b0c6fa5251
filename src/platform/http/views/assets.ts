// Static assets served from memory with a content hash in the URL, so browsers cache them for a year.
import { createHash } from "node:crypto";
import { stylesheet } from "./stylesheet.ts";

const hash = createHash("sha256").update(stylesheet).digest("hex").slice(0, 12);
export const STYLESHEET_PATH = `/assets/style.${hash}.css`;

export const ASSETS: Record<string, { body: string; type: string }> = {
  [STYLESHEET_PATH]: { body: stylesheet, type: "text/css; charset=utf-8" },
};
