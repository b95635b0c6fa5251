// The deployable artefact itself: `wrangler deploy --dry-run` output served by workerd with D1 migrated.
// The workerd suites run the sources through vitest; this catches what only the real bundle shows
// (module-scope code Workers refuse at start-up, a Data module the bundler did not pick up).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Bundle,
  buildWorker,
  type RunningWorker,
  serveConfig,
  startWorker,
} from "../../bench/workerd.ts";

let bundle: Bundle;
let worker: RunningWorker;
beforeAll(async () => {
  bundle = buildWorker();
  worker = await startWorker(bundle, serveConfig(bundle));
}, 120_000);
afterAll(async () => {
  await worker?.stop();
});

describe("the Worker bundle", () => {
  it("starts in workerd and answers from D1", async () => {
    const health = await fetch(`${worker.url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok" });
    const home = await fetch(`${worker.url}/`, { redirect: "manual" });
    expect(home.headers.get("location")).toBe("/setup");
    const setup = await fetch(`${worker.url}/setup`);
    expect(setup.status).toBe(200);
    expect(await setup.text()).toContain('name="_csrf"');
  });

  it("carries the fonts and ICC profile as Data modules next to the script", () => {
    // Two trimmed Inter weights (about 103 KiB gzipped each) and the profile: one missing font would show.
    expect(bundle.dataKib).toBeGreaterThan(200);
    expect(bundle.scriptKib).toBeGreaterThan(100);
  });
});
