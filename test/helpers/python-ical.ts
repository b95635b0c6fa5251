import { execFile } from "node:child_process";

// Debian's interpreter on purpose: the python3 on PATH is a pyenv build without python3-icalendar.
const PYTHON = "/usr/bin/python3";
const MISSING_LIBRARY_EXIT = 3;

export interface ParsedAddress {
  email: string;
  cn: string | null;
}

export interface ParsedAttendee extends ParsedAddress {
  partstat: string | null;
  rsvp: string | null;
  role: string | null;
}

export interface ParsedEvent {
  uid: string | null;
  sequence: number | null;
  /** ISO 8601 in UTC (`+00:00`); a floating time comes back without offset so it fails comparisons. */
  dtstamp: string | null;
  dtstart: string | null;
  dtend: string | null;
  /** The TZID parameter of DTSTART, null when written in UTC. */
  dtstartTzid: string | null;
  summary: string | null;
  description: string | null;
  location: string | null;
  status: string | null;
  url: string | null;
  organizer: ParsedAddress | null;
  attendees: ParsedAttendee[];
}

export interface ParsedCalendar {
  version: string | null;
  method: string | null;
  prodId: string | null;
  calendarName: string | null;
  calendarDescription: string | null;
  refreshInterval: string | null;
  publishedTtl: string | null;
  events: ParsedEvent[];
}

// icalendar 4.x files bad event properties under component.errors instead of raising, so the
// script turns any such error into a failure. It also decodes RFC 6868 parameter escapes (^' ^n ^^),
// which icalendar only learnt in later versions.
const SCRIPT = String.raw`
import json, re, sys
from datetime import datetime, timezone
try:
    from icalendar import Calendar
except ImportError as exc:
    sys.stderr.write("python3-icalendar is not installed for /usr/bin/python3: %s\n" % exc)
    sys.exit(${MISSING_LIBRARY_EXIT})

def text(value):
    return None if value is None else str(value)

def param(address, name):
    value = address.params.get(name)
    if value is None:
        return None
    return re.sub(r"\^(\^|'|n)", lambda m: {"^": "^", "'": '"', "n": "\n"}[m.group(1)], str(value))

def email(address):
    value = str(address)
    if not value.lower().startswith("mailto:"):
        raise ValueError("calendar address is not a mailto: URI: %r" % value)
    return value[len("mailto:"):]

def instant(prop):
    if prop is None:
        return None
    value = prop.dt
    if not isinstance(value, datetime):
        raise ValueError("expected a DATE-TIME, got %r" % value)
    if value.tzinfo is None:
        return value.isoformat()
    return value.astimezone(timezone.utc).isoformat()

def attendees(event):
    value = event.get("ATTENDEE")
    if value is None:
        return []
    return value if isinstance(value, list) else [value]

cal = Calendar.from_ical(sys.stdin.buffer.read().decode("utf-8"))
for component in cal.walk():
    if component.errors:
        raise ValueError("%s: %r" % (component.name, component.errors))

events = []
for event in cal.walk("VEVENT"):
    organizer = event.get("ORGANIZER")
    start = event.get("DTSTART")
    events.append({
        "uid": text(event.get("UID")),
        "sequence": None if event.get("SEQUENCE") is None else int(event.decoded("SEQUENCE")),
        "dtstamp": instant(event.get("DTSTAMP")),
        "dtstart": instant(start),
        "dtend": instant(event.get("DTEND")),
        "dtstartTzid": None if start is None else start.params.get("TZID"),
        "summary": text(event.get("SUMMARY")),
        "description": text(event.get("DESCRIPTION")),
        "location": text(event.get("LOCATION")),
        "status": text(event.get("STATUS")),
        "url": text(event.get("URL")),
        "organizer": None if organizer is None else {"email": email(organizer), "cn": param(organizer, "CN")},
        "attendees": [
            {"email": email(a), "cn": param(a, "CN"), "partstat": param(a, "PARTSTAT"),
             "rsvp": param(a, "RSVP"), "role": param(a, "ROLE")}
            for a in attendees(event)
        ],
    })

json.dump({
    "version": text(cal.get("VERSION")),
    "method": text(cal.get("METHOD")),
    "prodId": text(cal.get("PRODID")),
    "calendarName": text(cal.get("X-WR-CALNAME")),
    "calendarDescription": text(cal.get("X-WR-CALDESC")),
    "refreshInterval": text(cal.get("REFRESH-INTERVAL")),
    "publishedTtl": text(cal.get("X-PUBLISHED-TTL")),
    "events": events,
}, sys.stdout, ensure_ascii=False)
`;

/** Parses iCalendar text with Python's `icalendar`, an implementation independent of ical-generator. */
export function parseWithPython(ics: string): Promise<ParsedCalendar> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      PYTHON,
      ["-c", SCRIPT],
      { encoding: "utf8", env: { PYTHONIOENCODING: "utf-8", LC_ALL: "C.UTF-8" } },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === "ENOENT") {
            reject(new Error(`${PYTHON} not found: install Debian's python3 and python3-icalendar`));
          } else if (error.code === MISSING_LIBRARY_EXIT) {
            reject(new Error(`${stderr.trim()} (apt-get install python3-icalendar)`));
          } else {
            reject(new Error(`icalendar could not parse the calendar:\n${stderr}`));
          }
          return;
        }
        resolve(JSON.parse(stdout) as ParsedCalendar);
      },
    );
    child.stdin?.end(ics, "utf8");
  });
}
