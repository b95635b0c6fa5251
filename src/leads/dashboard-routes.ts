import { Hono } from "hono";
import type { AppEnv } from "../platform/http/context.ts";

export function leadsDashboardRoutes() {
  const app = new Hono<AppEnv>();
  return app;
}
