// The shared HTTP suites (test/workerd/shared/) on Node + SQLite, with the same real peers as workerd.
import { afterAll, beforeAll } from "vitest";
import { type Peers, startPeers } from "../workerd/peers/start-peers.ts";
import { describeApp } from "../workerd/shared/describe-app.ts";
import { describeCalendars } from "../workerd/shared/describe-calendars.ts";
import { nodeAppFetch } from "./node-app-fetch.ts";

let peers: Peers;
beforeAll(async () => {
  peers = await startPeers();
});
afterAll(() => peers.close());

describeApp("node", () => nodeAppFetch(peers.bindings));
describeCalendars(
  "node",
  () => nodeAppFetch(peers.bindings),
  () => peers.bindings,
);
