// The JSON mail API on Node: the suite shared with workerd (test/workerd/mail.test.ts).
import { afterAll, beforeAll } from "vitest";
import { type Peers, startPeers } from "../workerd/peers/start-peers.ts";
import { describeMailApi } from "../workerd/shared/describe-mail.ts";
import { nodeAppFetch } from "./node-app-fetch.ts";

let peers: Peers;
beforeAll(async () => {
  peers = await startPeers();
});
afterAll(() => peers.close());

describeMailApi(
  "node",
  (vars) => nodeAppFetch({ ...peers.bindings, ...vars }),
  () => peers.bindings,
);
