// The typed Hono environment every route shares.
import type { Context } from "hono";
import type { AppDeps } from "../deps.ts";
import type { Locale } from "../i18n.ts";

export interface CurrentOwner {
  id: string;
  handle: string;
  name: string;
  email: string;
  timeZone: string;
  locale: Locale;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    locale: Locale;
    csrfToken: string;
    owner: CurrentOwner | null;
    auth:
      | { kind: "session"; sessionId: string }
      | { kind: "api-key"; keyId: string; scopes: string[] }
      | null;
  };
}

export type AppContext = Context<AppEnv>;
