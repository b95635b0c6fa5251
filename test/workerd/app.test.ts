// The shared HTTP suites inside workerd, on D1, through the Worker's own fetch handler (SELF), with the
// real peers vitest.config.ts started (SMTP, Google fake, Radicale, .ics feeds).
import { env, SELF } from "cloudflare:test";
import { describeApp } from "./shared/describe-app.ts";
import { describeCalendars } from "./shared/describe-calendars.ts";
import type { AppFetch } from "./shared/http-client.ts";

const workerFetch: AppFetch = (path, init) => SELF.fetch(`http://creneau.test${path}`, init);
const bindings = () => env as Record<string, string>;

describeApp("workerd", () => workerFetch);
describeCalendars("workerd", () => workerFetch, bindings);
