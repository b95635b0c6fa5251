// A scheduler process for the crash tests: the server's every-minute tick, run back to back on DATA_DIR's database
// with the same environment (SMTP_URL, LEASE_SECONDS…). It prints "ready" once it can tick, then one JSON tick
// report per line. With HOLD=1 it waits for a line on stdin before its first tick: a test starts the next process
// while the current one works, so restarts cost no start-up time, and two processes can start together.
// Run: node test/helpers/workflow-fault-harness.ts
import "../../src/platform/node-loader.ts";

const { loadNodeConfig } = await import("../../src/platform/config.ts");
const { createLogger } = await import("../../src/platform/logger.ts");
const { createNodeDeps } = await import("../../src/platform/node-deps.ts");
const { tick } = await import("../../src/platform/tick.ts");

/** Between two ticks that found nothing to do, so an idle harness does not spin. */
const IDLE_PAUSE_MS = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const config = loadNodeConfig();
const deps = createNodeDeps(config, {
  logger: createLogger(config.logLevel, (line) => process.stderr.write(`${line}\n`)),
});
process.stdout.write("ready\n");
if (process.env.HOLD === "1") {
  await new Promise((resolve) => process.stdin.once("data", resolve));
  process.stdin.pause();
}

let stopping = false;
process.on("SIGTERM", () => {
  stopping = true;
});
while (!stopping) {
  const report = await tick(deps);
  process.stdout.write(`${JSON.stringify(report)}\n`);
  const busy = report.workflows.claimed + report.mail.sent + report.mail.retrying + report.mail.failed;
  if (busy === 0) await sleep(IDLE_PAUSE_MS);
}
await deps.database.close();
