// Use case: connect a calendar. URLs are checked, CalDAV accounts discovered and Google tokens tried before
// anything is stored, so a typo is a clear 422, not a connection that fails later.
import type { AppDeps } from "../platform/deps.ts";
import type { CreateConnectionInput } from "./connection-input.ts";
import {
  getConnection,
  insertConnection,
  listConnections,
  updateConnectionStatement,
} from "./connection-store.ts";
import type { ConnectionRow, ConnectionSecret, RemoteCalendar } from "./connection-types.ts";
import { settingsOf } from "./connection-types.ts";
import { checkedUrl, invalid } from "./connection-validation.ts";
import { discoverCalendars } from "./providers/caldav-client.ts";
import { caldavAccess } from "./providers/caldav-sync.ts";
import { GoogleSession } from "./providers/google-api.ts";
import { googleConfigured, refreshAccessToken } from "./providers/google-oauth.ts";
import { listGoogleCalendars } from "./providers/google-sync.ts";
import { FEED_CALENDAR_ID } from "./providers/ics-feed.ts";
import { sealSecret } from "./secrets.ts";
import { describeSyncError } from "./sync-errors.ts";
import { startSyncChainStatement } from "./sync-runs.ts";
import { releaseOtherBookingCalendars } from "./update-connection.ts";

async function ownerHasBookingCalendar(deps: AppDeps, ownerId: string): Promise<boolean> {
  return (await listConnections(deps.database, ownerId)).some(
    (c) => settingsOf(c).bookingCalendarId !== null,
  );
}

/** Where bookings go: the owner's choice, else the first writable calendar if no connection receives them yet. */
async function bookingCalendar(
  deps: AppDeps,
  ownerId: string,
  calendars: RemoteCalendar[],
  chosen: string | null | undefined,
): Promise<string | null> {
  if (chosen !== undefined) {
    if (chosen !== null && !calendars.some((c) => c.id === chosen && !c.readOnly))
      throw invalid("bookingCalendarId", "is not a writable calendar of this account");
    return chosen;
  }
  if (await ownerHasBookingCalendar(deps, ownerId)) return null;
  return (calendars.find((c) => c.primary && !c.readOnly) ?? calendars.find((c) => !c.readOnly))?.id ?? null;
}

/** The new row, after making it the only one receiving bookings if it does. */
async function stored(deps: AppDeps, ownerId: string, id: string): Promise<ConnectionRow> {
  const row = (await getConnection(deps.database, ownerId, id))!;
  if (settingsOf(row).bookingCalendarId !== null) {
    const release = await releaseOtherBookingCalendars(deps, ownerId, id, deps.clock.now());
    if (release.length) await deps.database.batch(release);
  }
  return row;
}

async function googleAccount(deps: AppDeps, refreshToken: string) {
  if (!googleConfigured(deps.config))
    throw invalid(
      "type",
      "Google is not configured on this server (GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET)",
    );
  const now = deps.clock.now();
  try {
    const tokens = await refreshAccessToken(deps.config, refreshToken, now);
    const secret: ConnectionSecret = { refreshToken, ...tokens };
    const session = new GoogleSession(deps.config, secret, () => deps.clock.now());
    const calendars = await listGoogleCalendars(session);
    return { secret: session.secret, calendars, accountEmail: calendars.find((c) => c.primary)?.id };
  } catch (error) {
    throw invalid("refreshToken", `Google refused this connection: ${describeSyncError(error).message}`);
  }
}

/**
 * Stores a Google account's tokens: a new connection, or, when the account is connected already (a
 * reconnect after a revoked grant), the same connection with fresh tokens and its choices kept.
 */
export async function saveGoogleAccount(
  deps: AppDeps,
  ownerId: string,
  account: { secret: ConnectionSecret; calendars: RemoteCalendar[]; accountEmail?: string },
  options: {
    name?: string;
    syncIntervalMinutes?: number;
    bookingCalendarId?: string | null;
    reconnectId?: string;
  },
): Promise<ConnectionRow> {
  const now = deps.clock.now();
  const existing = (await listConnections(deps.database, ownerId)).find(
    (c) =>
      c.type === "google" &&
      (c.id === options.reconnectId ||
        (account.accountEmail !== undefined && settingsOf(c).accountEmail === account.accountEmail)),
  );
  if (existing) {
    const settings = settingsOf(existing);
    const calendars = account.calendars.map((c) => {
      const known = settings.calendars.find((k) => k.id === c.id);
      return known ? { ...c, busy: known.busy } : c;
    });
    await deps.database.batch([
      updateConnectionStatement(
        deps.database,
        existing.id,
        {
          status: "active",
          lastError: null,
          brokenNotifiedAt: null,
          nextSyncAt: now,
          secret: sealSecret(deps.config, existing.id, account.secret),
          settings: { ...settings, calendars, accountEmail: account.accountEmail ?? settings.accountEmail },
        },
        now,
      ),
      // A broken connection's chain ended: the reconnect starts a new one.
      startSyncChainStatement(deps, existing, now),
    ]);
    return (await getConnection(deps.database, ownerId, existing.id))!;
  }
  const id = deps.newId();
  await insertConnection(deps, {
    id,
    ownerId,
    type: "google",
    name: options.name ?? account.accountEmail ?? "Google Calendar",
    status: "active",
    secret: sealSecret(deps.config, id, account.secret),
    settings: {
      accountEmail: account.accountEmail,
      calendars: account.calendars,
      bookingCalendarId: await bookingCalendar(deps, ownerId, account.calendars, options.bookingCalendarId),
    },
    syncIntervalMinutes: options.syncIntervalMinutes ?? 5,
    nextSyncAt: now,
    createdAt: now,
    updatedAt: now,
  });
  return stored(deps, ownerId, id);
}

export async function createConnection(
  deps: AppDeps,
  ownerId: string,
  input: CreateConnectionInput,
): Promise<ConnectionRow> {
  const now = deps.clock.now();
  if (input.type === "google") {
    const account = await googleAccount(deps, input.refreshToken);
    return saveGoogleAccount(deps, ownerId, account, input);
  }
  const url = checkedUrl(deps, input.url);
  const id = deps.newId();
  const base = {
    id,
    ownerId,
    status: "active" as const,
    syncIntervalMinutes: input.syncIntervalMinutes ?? (input.type === "ics" ? 15 : 5),
    nextSyncAt: now,
    createdAt: now,
    updatedAt: now,
  };
  if (input.type === "ics") {
    const name = input.name ?? new URL(url).hostname;
    await insertConnection(deps, {
      ...base,
      type: "ics",
      name,
      settings: {
        url,
        calendars: [{ id: FEED_CALENDAR_ID, name, busy: true, readOnly: true }],
        bookingCalendarId: null,
      },
    });
    return (await getConnection(deps.database, ownerId, id))!;
  }
  const settings = {
    url,
    username: input.username,
    calendars: [] as RemoteCalendar[],
    bookingCalendarId: null,
  };
  let calendars: RemoteCalendar[];
  try {
    calendars = await discoverCalendars(
      caldavAccess({ deps, settings, secret: { password: input.password } }),
    );
  } catch (error) {
    throw invalid("url", `could not open this CalDAV account: ${describeSyncError(error).message}`);
  }
  if (calendars.length === 0) throw invalid("url", "this CalDAV account has no calendar for events");
  if (input.busyCalendarIds) {
    const unknown = input.busyCalendarIds.find((c) => !calendars.some((k) => k.id === c));
    if (unknown) throw invalid("busyCalendarIds", `${unknown} is not a calendar of this account`);
    calendars = calendars.map((c) => ({ ...c, busy: input.busyCalendarIds!.includes(c.id) }));
  }
  await insertConnection(deps, {
    ...base,
    type: "caldav",
    name: input.name ?? `${input.username} @ ${new URL(url).hostname}`,
    secret: sealSecret(deps.config, id, { password: input.password }),
    settings: {
      ...settings,
      calendars,
      bookingCalendarId: await bookingCalendar(deps, ownerId, calendars, input.bookingCalendarId),
    },
  });
  return stored(deps, ownerId, id);
}
