// globalSetup of the workerd project: closes the peers vitest.config.ts started, so the run exits at once.
import { closeAllPeers } from "./start-peers.ts";

export async function teardown(): Promise<void> {
  await closeAllPeers();
}
