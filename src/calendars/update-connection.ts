// Use case: change a connection: its name and pace, which calendars count as busy, where bookings go,
// the feed URL or the CalDAV credentials. Busy times of a calendar no longer counted go at once.
import type { BatchStatement } from "../platform/db/database.ts";
import type { AppDeps } from "../platform/deps.ts";
import { forgetCalendarStatement } from "./busy-store.ts";
import type { UpdateConnectionInput } from "./connection-input.ts";
import { getConnection, listConnections, updateConnectionStatement } from "./connection-store.ts";
import { type ConnectionRow, type ConnectionSettings, settingsOf, syncStateOf } from "./connection-types.ts";
import { checkedUrl, invalid } from "./connection-validation.ts";
import { discoverCalendars } from "./providers/caldav-client.ts";
import { caldavAccess } from "./providers/caldav-sync.ts";
import { openSecret, sealSecret } from "./secrets.ts";
import { describeSyncError } from "./sync-errors.ts";
import { startSyncChainStatement } from "./sync-runs.ts";

/** Only one calendar receives bookings: choosing one here unsets it everywhere else. */
export async function releaseOtherBookingCalendars(
  deps: AppDeps,
  ownerId: string,
  keepConnectionId: string,
  now: number,
): Promise<BatchStatement[]> {
  return (await listConnections(deps.database, ownerId))
    .filter((c) => c.id !== keepConnectionId && settingsOf(c).bookingCalendarId !== null)
    .map((c) =>
      updateConnectionStatement(
        deps.database,
        c.id,
        { settings: { ...settingsOf(c), bookingCalendarId: null } },
        now,
      ),
    );
}

async function newCredentials(
  deps: AppDeps,
  row: ConnectionRow,
  settings: ConnectionSettings,
  input: UpdateConnectionInput,
) {
  const secret = {
    ...openSecret(deps.config, row.id, row.secret),
    ...(input.password ? { password: input.password } : {}),
  };
  const next = { ...settings, ...(input.username ? { username: input.username } : {}) };
  try {
    await discoverCalendars(caldavAccess({ deps, settings: next, secret }));
  } catch (error) {
    throw invalid("password", `the server refused these credentials: ${describeSyncError(error).message}`);
  }
  return { settings: next, secret: sealSecret(deps.config, row.id, secret) };
}

export async function updateCalendarConnection(
  deps: AppDeps,
  ownerId: string,
  row: ConnectionRow,
  input: UpdateConnectionInput,
): Promise<ConnectionRow> {
  const now = deps.clock.now();
  let settings = settingsOf(row);
  const state = syncStateOf(row);
  const cursors = { ...state.cursors };
  const statements: BatchStatement[] = [];
  let resync = false;
  let secret: string | undefined;

  if ((input.url || input.username || input.password) && row.type === "google")
    throw invalid("url", "a Google connection has no URL or password; reconnect it instead");
  if (input.url && row.type === "ics") {
    settings = { ...settings, url: checkedUrl(deps, input.url) };
    resync = true;
  }
  if (row.type === "caldav" && (input.url || input.username || input.password)) {
    if (input.url) settings = { ...settings, url: checkedUrl(deps, input.url) };
    ({ settings, secret } = await newCredentials(deps, row, settings, input));
    resync = true;
  }
  for (const choice of input.calendars ?? []) {
    const calendar = settings.calendars.find((c) => c.id === choice.id);
    if (!calendar) throw invalid("calendars", `${choice.id} is not a calendar of this connection`);
    if (calendar.busy === choice.busy) continue;
    delete cursors[calendar.id];
    if (!choice.busy) statements.push(forgetCalendarStatement(row.id, calendar.id));
    resync ||= choice.busy;
  }
  if (input.calendars) {
    settings = {
      ...settings,
      calendars: settings.calendars.map((c) => ({
        ...c,
        busy: input.calendars!.find((x) => x.id === c.id)?.busy ?? c.busy,
      })),
    };
  }
  if (input.bookingCalendarId !== undefined) {
    const target = input.bookingCalendarId;
    if (target !== null && !settings.calendars.some((c) => c.id === target && !c.readOnly))
      throw invalid("bookingCalendarId", "is not a calendar of this connection that accepts new events");
    settings = { ...settings, bookingCalendarId: target };
    if (target !== null) statements.push(...(await releaseOtherBookingCalendars(deps, ownerId, row.id, now)));
  }
  statements.push(
    updateConnectionStatement(
      deps.database,
      row.id,
      {
        settings,
        syncState: resync
          ? { ...state, cursors, etag: undefined, lastModified: undefined, lastFullSyncAt: undefined }
          : { ...state, cursors },
        ...(input.name ? { name: input.name } : {}),
        ...(input.syncIntervalMinutes ? { syncIntervalMinutes: input.syncIntervalMinutes } : {}),
        ...(secret ? { secret, status: "active" as const, lastError: null, brokenNotifiedAt: null } : {}),
        ...(resync ? { nextSyncAt: now } : {}),
      },
      now,
    ),
    // New credentials make a broken connection usable again: its ended chain starts anew (else a no-op).
    startSyncChainStatement(deps, row, resync ? now : Math.max(now, row.nextSyncAt ?? now)),
  );
  await deps.database.batch(statements);
  return (await getConnection(deps.database, ownerId, row.id))!;
}
