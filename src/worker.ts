// Cloudflare Workers entry point: the same app over D1; the Cron Trigger runs the scheduler tick.
// The app is built once per isolate and reused by every request it serves; what belongs to one
// request (waitUntil) reaches the app through withExecutionContext.
import { type App, createApp } from "./app.ts";
import { ConfigError } from "./platform/config.ts";
import type { AppDeps } from "./platform/deps.ts";
import { tick } from "./platform/tick.ts";
import { createWorkerDeps, type WorkerEnv, workerVars } from "./platform/worker-deps.ts";
import { type WaitUntil, withExecutionContext } from "./platform/worker-request-scope.ts";

export type { WorkerEnv };

interface Instance {
  deps: AppDeps;
  app: App;
}

// Keyed by the variables and the database binding, so a redeploy with new secrets (a new isolate anyway)
// or a test passing other bindings gets its own instance; the same bindings always get the same one.
const instances = new Map<string, { db: unknown; instance: Instance }>();
export const instanceStats = { built: 0 };

function instanceFor(env: WorkerEnv): Instance {
  const key = JSON.stringify(Object.entries(workerVars(env)).sort());
  const known = instances.get(key);
  if (known && known.db === env.DB) return known.instance;
  const deps = createWorkerDeps(env);
  const instance = { deps, app: createApp(deps) };
  instanceStats.built++;
  instances.set(key, { db: env.DB, instance });
  return instance;
}

function configProblem(error: ConfigError): Response {
  // Logged for the operator (wrangler tail); visitors get no detail about the configuration.
  console.error(error.message);
  return new Response("Créneau is not configured correctly on this deployment.", { status: 500 });
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: WaitUntil): Response | Promise<Response> {
    let instance: Instance;
    try {
      instance = instanceFor(env);
    } catch (error) {
      if (error instanceof ConfigError) return configProblem(error);
      throw error;
    }
    return withExecutionContext(ctx, () => instance.app.fetch(request, env, ctx as never));
  },
  async scheduled(_controller: unknown, env: WorkerEnv, ctx: WaitUntil): Promise<void> {
    const { deps } = instanceFor(env);
    await withExecutionContext(ctx, () => tick(deps));
  },
};
