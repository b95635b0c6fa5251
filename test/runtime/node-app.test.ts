// The shared HTTP suite (test/workerd/shared/) on Node: a fresh SQLite database per app, the system clock,
// mail captured in memory, driven through app.request() with no server.
import { createApp } from "../../src/app.ts";
import { newId, systemClock } from "../../src/platform/clock.ts";
import { parseConfig } from "../../src/platform/config.ts";
import { openSqlite } from "../../src/platform/db/sqlite.ts";
import type { AppDeps } from "../../src/platform/deps.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { capturingTransport } from "../helpers/test-app.ts";
import { describeApp } from "../workerd/shared/describe-app.ts";
import { type AppFetch, SIGNUP_CODE } from "../workerd/shared/http-client.ts";

export function nodeAppFetch(): AppFetch {
  const deps: AppDeps = {
    config: parseConfig({
      SECRET_KEY: "node-parity-secret-key-0123456789abcdef",
      BASE_URL: "http://creneau.test",
      DATA_DIR: "/tmp/creneau-parity-unused",
      PUBLIC_POST_LIMIT: "0",
      SIGNUP_CODE,
    }),
    database: openSqlite(":memory:"),
    transport: capturingTransport(),
    clock: systemClock,
    newId,
    logger: createLogger("silent"),
    runtime: "node",
    clientIp: (c) => c.req.header("cf-connecting-ip") ?? "203.0.113.7",
    defer: (work) => {
      work.catch(() => {});
    },
  };
  const app = createApp(deps);
  return async (path, init) => app.request(`http://creneau.test${path}`, init);
}

describeApp("node", nodeAppFetch);
