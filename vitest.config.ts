import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { unstable_readConfig } from "wrangler";
import { startPeers } from "./test/workerd/peers/start-peers.ts";

// The Worker build's module aliases (wrangler.toml [alias]) apply to the workerd tests too, so they run
// the code that is deployed.
const workerAliases = Object.fromEntries(
  Object.entries(unstable_readConfig({ config: "./wrangler.toml" }).alias ?? {}).map(([name, target]) => [
    name,
    new URL(String(target), import.meta.url).pathname,
  ]),
);

// Three projects: plain Node (unit + HTTP + real peers), workerd with D1, and the browser.
// TZ is deliberately neither UTC nor Europe/Paris so code that leans on the host zone fails.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include: ["test/**/*.test.ts"],
          exclude: ["test/workerd/**", "test/e2e/**", "node_modules/**"],
          env: { TZ: "Pacific/Auckland" },
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [
          // The peers (SMTP, mail API, Google fake, .ics feeds) start with workerd, in this Node process.
          cloudflareTest(async () => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations("./migrations"),
                SECRET_KEY: "workerd-test-secret-key-0123456789abcdef",
                BASE_URL: "http://creneau.test",
                LOG_LEVEL: "warn",
                PUBLIC_POST_LIMIT: "0",
                SIGNUP_CODE: "workerd-signup-code",
                ...(await startPeers()).bindings,
              },
            },
          })),
        ],
        resolve: { alias: workerAliases },
        test: {
          name: "workerd",
          testTimeout: 20_000,
          include: ["test/workerd/**/*.test.ts"],
          setupFiles: ["test/workerd/apply-migrations.ts"],
          globalSetup: ["test/workerd/peers/teardown.ts"],
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
