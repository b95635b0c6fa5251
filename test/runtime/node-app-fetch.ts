// The app on Node for the shared runtime suites: a fresh SQLite database, the system clock, the real
// Node transports (SMTP to the test peer), driven through app.request() with no server.
import { createApp } from "../../src/app.ts";
import { parseConfig } from "../../src/platform/config.ts";
import { openSqlite } from "../../src/platform/db/sqlite.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { createNodeDeps } from "../../src/platform/node-deps.ts";
import { type AppFetch, SIGNUP_CODE } from "../workerd/shared/http-client.ts";

export function nodeAppFetch(bindings: Record<string, string> = {}): AppFetch {
  const config = parseConfig({
    SECRET_KEY: "node-parity-secret-key-0123456789abcdef",
    BASE_URL: "http://creneau.test",
    DATA_DIR: "/tmp/creneau-parity-unused",
    PUBLIC_POST_LIMIT: "0",
    SIGNUP_CODE,
    LOG_LEVEL: "warn",
    ...bindings,
  });
  const deps = {
    ...createNodeDeps(config, { logger: createLogger("warn"), database: openSqlite(":memory:") }),
    clientIp: (c: { req: { header(name: string): string | undefined } }) =>
      c.req.header("cf-connecting-ip") ?? "203.0.113.7",
  };
  const app = createApp(deps);
  return async (path, init) => app.request(`http://creneau.test${path}`, init);
}
