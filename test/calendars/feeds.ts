// iCalendar fixtures for calendar tests and the benchmark: files on disk, and generated feeds.
import { readFileSync } from "node:fs";
import path from "node:path";

export function fixture(name: string): string {
  return readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "20270329T080000Z" for an instant. */
export function icsUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

export function vevent(fields: Record<string, string>): string {
  return [
    "BEGIN:VEVENT",
    "DTSTAMP:20270301T080000Z",
    ...Object.entries(fields).map(([k, v]) => `${k}:${v}`),
    "END:VEVENT",
  ].join("\r\n");
}

export function vcalendar(events: string[]): string {
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Créneau tests//EN",
    ...events,
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}

/** One timed event in UTC: the building block of the big feeds. */
export function utcEvent(
  uid: string,
  startMs: number,
  minutes: number,
  extra: Record<string, string> = {},
): string {
  return vevent({
    UID: uid,
    SUMMARY: `Busy ${uid}`,
    DTSTART: icsUtc(startMs),
    DTEND: icsUtc(startMs + minutes * 60_000),
    DESCRIPTION: "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.",
    ...extra,
  });
}

/** RFC 5545 folding: lines of at most 75 octets, continued with CRLF + space. */
function folded(name: string, value: string): string {
  const line = `${name}:${value}`;
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
  return parts.join("\r\n ");
}

/** `count` 45-minute events spread over the days after `fromMs`, padded with folded text up to `targetBytes`. */
export function bigFeed(count: number, fromMs: number, targetBytes = 0): string {
  const events: string[] = [];
  const base = utcEvent("big-0", fromMs, 45).length + 2;
  const filler = targetBytes ? "x".repeat(Math.max(0, Math.ceil((targetBytes / count - base) * 0.985))) : "";
  for (let i = 0; i < count; i++) {
    const startMs = fromMs + Math.floor(i / 16) * 86_400_000 + (i % 16) * 3_600_000;
    const event = utcEvent(`big-${i}`, startMs, 45);
    events.push(filler ? event.replace("END:VEVENT", `${folded("X-FILLER", filler)}\r\nEND:VEVENT`) : event);
  }
  return vcalendar(events);
}

export function dateStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}
