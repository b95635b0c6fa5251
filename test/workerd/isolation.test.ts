// Owner isolation inside workerd on D1: the same suite as on Node (test/runtime/node-isolation.test.ts).
import { env, SELF } from "cloudflare:test";
import { createApp } from "../../src/app.ts";
import type { AppDeps } from "../../src/platform/deps.ts";
import { describeOwnerIsolation } from "./shared/describe-isolation.ts";
import type { AppFetch } from "./shared/http-client.ts";

const workerFetch: AppFetch = (path, init) => SELF.fetch(`http://creneau.test${path}`, init);

describeOwnerIsolation(
  "workerd",
  () => workerFetch,
  // The router is built without touching its dependencies, so listing the routes needs none.
  () => createApp({} as AppDeps).routes,
  () => String(env.PEERS_URL),
);
