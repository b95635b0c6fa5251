// "Connect Google": to Google's consent screen with a state bound to this owner and session, and back:
// the code exchanged for tokens (sealed at once), the account's calendars listed, the first sync started.
import type { AppContext } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { formString, readForm } from "../platform/http/request-body.ts";
import { syncInBackground } from "./background-sync.ts";
import { saveGoogleAccount } from "./create-connection.ts";
import { GoogleSession } from "./providers/google-api.ts";
import {
  checkOauthState,
  consentUrl,
  exchangeCode,
  googleConfigured,
  oauthState,
} from "./providers/google-oauth.ts";
import { listGoogleCalendars } from "./providers/google-sync.ts";
import { SyncFailure } from "./providers/provider.ts";
import { describeSyncError } from "./sync-errors.ts";

function sessionOf(c: AppContext): { id: string; sessionId: string } {
  const auth = c.get("auth");
  if (auth?.kind !== "session") throw new AppError("unauthorized");
  return { id: c.get("owner")!.id, sessionId: auth.sessionId };
}

export async function googleStart(c: AppContext): Promise<Response> {
  const deps = c.get("deps");
  if (!googleConfigured(deps.config))
    throw new AppError("bad_request", { detail: "Google is not configured on this server." });
  const reconnect = formString(await readForm(c), "reconnect");
  const state = oauthState(deps.config, sessionOf(c), deps.clock.now(), reconnect || undefined);
  return c.redirect(consentUrl(deps.config, state), 303);
}

export async function googleCallback(c: AppContext): Promise<Response> {
  const deps = c.get("deps");
  const owner = sessionOf(c);
  const state = checkOauthState(deps.config, c.req.query("state") ?? "", owner, deps.clock.now());
  if (!state.ok)
    throw new AppError("bad_request", {
      title: "This Google sign-in is not valid here",
      detail: "It expired or was started from another session. Start again from the Calendars page.",
    });
  if (c.req.query("error")) return c.redirect("/dashboard/calendars?done=denied", 303);
  const code = c.req.query("code");
  if (!code) throw new AppError("bad_request", { detail: "Google sent no authorization code." });
  let account: Parameters<typeof saveGoogleAccount>[2];
  try {
    const tokens = await exchangeCode(deps.config, code, deps.clock.now());
    if (!tokens.refreshToken)
      throw new SyncFailure(
        "Google gave no offline access; remove Créneau from your Google account's access and connect again",
      );
    const session = new GoogleSession(deps.config, tokens, () => deps.clock.now());
    const calendars = await listGoogleCalendars(session);
    account = { secret: session.secret, calendars, accountEmail: calendars.find((cal) => cal.primary)?.id };
  } catch (error) {
    throw new AppError("bad_request", {
      title: "Google could not be connected",
      detail: describeSyncError(error).message,
    });
  }
  const row = await saveGoogleAccount(
    deps,
    owner.id,
    account,
    state.reconnectId ? { reconnectId: state.reconnectId } : {},
  );
  syncInBackground(c, row.id, true);
  return c.redirect(`/dashboard/calendars/${row.id}?done=created`, 303);
}
