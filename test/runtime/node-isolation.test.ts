// Owner isolation on Node + SQLite: the suite shared with workerd (test/workerd/isolation.test.ts).
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../../src/app.ts";
import type { AppDeps } from "../../src/platform/deps.ts";
import { type Peers, startPeers } from "../workerd/peers/start-peers.ts";
import { describeOwnerIsolation } from "../workerd/shared/describe-isolation.ts";
import { nodeAppFetch } from "./node-app-fetch.ts";

let peers: Peers;
beforeAll(async () => {
  peers = await startPeers();
});
afterAll(() => peers.close());

describeOwnerIsolation(
  "node",
  () => nodeAppFetch(peers.bindings),
  () => createApp({} as AppDeps).routes,
  () => peers.bindings.PEERS_URL!,
);
