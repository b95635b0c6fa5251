// Opening a connection outside a sync (booking writes, fresh free/busy checks): its decrypted secret,
// and Google tokens renewed along the way sealed back, so the next call does not refresh again.
import type { AppDeps } from "../platform/deps.ts";
import { updateConnection } from "./connection-store.ts";
import { type ConnectionRow, settingsOf } from "./connection-types.ts";
import type { CalDavAccess } from "./providers/caldav-client.ts";
import { caldavAccess } from "./providers/caldav-sync.ts";
import { GoogleSession } from "./providers/google-api.ts";
import { openSecret, sealSecret } from "./secrets.ts";

export async function withGoogleSession<T>(
  deps: AppDeps,
  connection: ConnectionRow,
  work: (session: GoogleSession) => Promise<T>,
): Promise<T> {
  const session = new GoogleSession(
    deps.config,
    openSecret(deps.config, connection.id, connection.secret),
    () => deps.clock.now(),
  );
  try {
    return await work(session);
  } finally {
    if (session.renewed)
      await updateConnection(
        deps.database,
        connection.id,
        { secret: sealSecret(deps.config, connection.id, session.secret) },
        deps.clock.now(),
      );
  }
}

export function caldavAccessFor(deps: AppDeps, connection: ConnectionRow): CalDavAccess {
  return caldavAccess({
    deps,
    settings: settingsOf(connection),
    secret: openSecret(deps.config, connection.id, connection.secret),
  });
}
