// The one wrapper around every email Créneau sends: the HTML and the text part are built from the same
// blocks, so they never say different things. Everything inside a block is data and gets escaped.
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Locale } from "../i18n.ts";

export type NoticeTone = "info" | "success" | "warn";

export type EmailBlock =
  | { kind: "paragraph"; text: string }
  | {
      kind: "keyValues";
      title?: string;
      /** `struck` marks a value that no longer holds (e.g. the time before a reschedule) */
      items: { label: string; value: string; struck?: boolean }[];
    }
  | { kind: "button"; label: string; url: string; variant?: "primary" | "secondary" }
  | { kind: "notice"; tone: NoticeTone; text: string; items?: string[] }
  | { kind: "quote"; text: string; title?: string };

export interface EmailInput {
  locale: Locale;
  /** the line inbox lists show after the subject; hidden in the body */
  preheader?: string;
  heading: string;
  blocks: EmailBlock[];
  footer?: string;
}

export interface RenderedEmail {
  html: string;
  text: string;
}

type Fragment = HtmlEscapedString | Promise<HtmlEscapedString>;

const TEXT_WIDTH = 76;
const FONT = "-apple-system,BlinkMacSystemFont,Segoe UI,Roboto,Helvetica,Arial,sans-serif";
const INK = "#1f2937";
const MUTED = "#4b5563";
const ACCENT = "#1d4ed8";
const TONES: Record<NoticeTone, { background: string; border: string; ink: string }> = {
  info: { background: "#eff6ff", border: "#1d4ed8", ink: "#1e3a8a" },
  success: { background: "#ecfdf5", border: "#047857", ink: "#064e3b" },
  warn: { background: "#fffbeb", border: "#b45309", ink: "#78350f" },
};

export function renderEmail(input: EmailInput): RenderedEmail {
  for (const block of input.blocks) if (block.kind === "button") assertSafeUrl(block.url);
  return { html: renderHtml(input), text: renderText(input) };
}

/** Links come from our own configuration, but a `javascript:` URL in an email must never happen. */
function assertSafeUrl(url: string): void {
  if (!/^(https?:\/\/|mailto:)/i.test(url))
    throw new Error(`Email button URL must be http(s) or mailto: ${url}`);
}

function renderHtml(input: EmailInput): string {
  const document = html`<!doctype html>
<html lang="${input.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${input.heading}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6;">
${input.preheader ? html`<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;">${input.preheader}</div>` : ""}
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" bgcolor="#f3f4f6" style="background:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellspacing="0" cellpadding="0" border="0" bgcolor="#ffffff" style="width:100%;max-width:600px;background:#ffffff;border-radius:8px;">
<tr><td style="padding:32px 28px;font-family:${FONT};font-size:16px;line-height:1.55;color:${INK};overflow-wrap:break-word;word-wrap:break-word;">
<h1 style="margin:0 0 20px;font-size:22px;line-height:1.3;font-weight:700;color:#111827;">${input.heading}</h1>
${input.blocks.map(blockHtml)}
</td></tr>
</table>
${input.footer ? html`<p style="margin:16px 0 0;max-width:600px;font-family:${FONT};font-size:13px;line-height:1.5;color:${MUTED};">${lines(input.footer)}</p>` : ""}
</td></tr>
</table>
</body>
</html>`;
  if (document instanceof Promise) throw new Error("email layout must render synchronously");
  return document.toString();
}

/** Keeps line breaks typed by a person: each line escaped, joined by <br>. */
function lines(text: string): Fragment[] {
  return normalizeNewlines(text)
    .split("\n")
    .map((line, index) => (index === 0 ? html`${line}` : html`<br>${line}`));
}

function blockHtml(block: EmailBlock): Fragment {
  switch (block.kind) {
    case "paragraph":
      return html`<p style="margin:0 0 16px;">${lines(block.text)}</p>`;
    case "keyValues":
      return html`${block.title ? html`<h2 style="margin:24px 0 8px;font-size:17px;line-height:1.3;color:#111827;">${block.title}</h2>` : ""}<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="margin:0 0 16px;border-collapse:collapse;">
${block.items.map(
  (item) => html`<tr><td style="padding:8px 0;border-bottom:1px solid #e5e7eb;">
<div style="font-size:13px;line-height:1.4;color:${MUTED};">${item.label}</div>
<div style="font-size:16px;line-height:1.5;color:${INK};">${item.struck ? html`<s>${lines(item.value)}</s>` : lines(item.value)}</div>
</td></tr>`,
)}
</table>`;
    case "button": {
      const primary = block.variant !== "secondary";
      const background = primary ? ACCENT : "#ffffff";
      const ink = primary ? "#ffffff" : ACCENT;
      return html`<table role="presentation" cellspacing="0" cellpadding="0" border="0" style="margin:0 0 12px;">
<tr><td bgcolor="${background}" style="border-radius:6px;background:${background};">
<a href="${block.url}" target="_blank" style="display:inline-block;padding:12px 22px;border:2px solid ${ACCENT};border-radius:6px;font-family:${FONT};font-size:16px;font-weight:600;line-height:1.2;color:${ink};text-decoration:none;">${block.label}</a>
</td></tr>
</table>`;
    }
    case "notice": {
      const tone = TONES[block.tone];
      return html`<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="margin:0 0 16px;">
<tr><td bgcolor="${tone.background}" style="padding:12px 16px;background:${tone.background};border-left:4px solid ${tone.border};color:${tone.ink};">
<strong>${lines(block.text)}</strong>
${block.items?.length ? html`<ul style="margin:8px 0 0;padding:0 0 0 20px;">${block.items.map((item) => html`<li style="margin:2px 0;">${lines(item)}</li>`)}</ul>` : ""}
</td></tr>
</table>`;
    }
    case "quote":
      return html`${block.title ? html`<p style="margin:0 0 6px;font-size:14px;color:${MUTED};">${block.title}</p>` : ""}<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="margin:0 0 16px;">
<tr><td bgcolor="#f9fafb" style="padding:12px 16px;background:#f9fafb;border-left:4px solid #9ca3af;color:${INK};">${lines(block.text)}</td></tr>
</table>`;
  }
}

function renderText(input: EmailInput): string {
  const colon = input.locale === "fr" ? "\u00a0: " : ": ";
  const sections = [`${input.heading}\n${"=".repeat(Math.min(input.heading.length, TEXT_WIDTH))}`];
  for (const block of input.blocks) sections.push(blockText(block, colon));
  if (input.footer) sections.push(`-- \n${wrap(input.footer)}`);
  return `${sections.join("\n\n")}\n`;
}

function blockText(block: EmailBlock, colon: string): string {
  switch (block.kind) {
    case "paragraph":
      return wrap(block.text);
    case "keyValues": {
      const items = block.items.map((item) => wrap(`${item.label}${colon}${item.value}`, "", "  "));
      return (block.title ? [`${block.title}\n${"-".repeat(block.title.length)}`, ...items] : items).join(
        "\n",
      );
    }
    case "button":
      // Never wrapped: a URL cut in two is a broken link.
      return `${block.label}${colon}${block.url}`;
    case "notice":
      return [wrap(block.text), ...(block.items ?? []).map((item) => wrap(`- ${item}`, "  ", "    "))].join(
        "\n",
      );
    case "quote":
      return [block.title ? wrap(block.title) : "", wrap(block.text, "> ")].filter(Boolean).join("\n");
  }
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * Greedy word wrap that keeps the author's line breaks and never splits a word (nor a URL).
 * The first line starts with `prefix`, every other one with `continuation`.
 */
export function wrap(text: string, prefix = "", continuation = prefix, width = TEXT_WIDTH): string {
  const out: string[] = [];
  for (const [index, line] of normalizeNewlines(text).split("\n").entries()) {
    let current = index === 0 ? prefix : continuation;
    let empty = true;
    for (const word of line.split(" ")) {
      if (!empty && current.length + 1 + word.length > width) {
        out.push(current.trimEnd());
        current = continuation + word;
      } else {
        current += (empty ? "" : " ") + word;
      }
      empty = false;
    }
    out.push(current.trimEnd());
  }
  return out.join("\n");
}
