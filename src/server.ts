// The Node server: HTTP + the every-minute scheduler, on one SQLite file (started by main.ts).
import { serve } from "@hono/node-server";
import cron from "node-cron";
import { createApp } from "./app.ts";
import { ConfigError, loadNodeConfig } from "./platform/config.ts";
import { createNodeDeps } from "./platform/node-deps.ts";
import { tick } from "./platform/tick.ts";

let config: ReturnType<typeof loadNodeConfig>;
try {
  config = loadNodeConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const deps = createNodeDeps(config);
const app = createApp(deps);

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  deps.logger.info("listening", {
    url: config.baseUrl,
    port: info.port,
    dataDir: config.dataDir,
    mail: deps.transport.name,
  });
});

let ticking = false;
const task = config.scheduler
  ? cron.schedule("* * * * *", async () => {
      if (ticking) return; // a slow tick is never overlapped by the next one in this process
      ticking = true;
      try {
        await tick(deps);
        deps.database.checkpoint();
      } catch (error) {
        deps.logger.error("tick failed", { error: String(error) });
      } finally {
        ticking = false;
      }
    })
  : null;

function shutdown(signal: string) {
  deps.logger.info("shutting down", { signal });
  task?.stop();
  server.close(() => {
    void deps.database.close().then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
