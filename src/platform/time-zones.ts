// The IANA zones people pick from (setup, sign-up, booking pages, the event type editor), sorted, with UTC.
// Built on first use: listing them reads ICU's zone data, which a server that never renders a picker need not map.
let zones: readonly string[] | undefined;

export function timeZoneChoices(): readonly string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort();
  return zones;
}
