// The shared HTTP suite inside workerd, on D1, through the Worker's own fetch handler (SELF).
import { SELF } from "cloudflare:test";
import { describeApp } from "./shared/describe-app.ts";
import type { AppFetch } from "./shared/http-client.ts";

const workerFetch: AppFetch = (path, init) => SELF.fetch(`http://creneau.test${path}`, init);

describeApp("workerd", () => workerFetch);
