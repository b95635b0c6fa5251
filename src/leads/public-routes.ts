import { Hono } from "hono";
import type { AppEnv } from "../platform/http/context.ts";

export function leadsPublicRoutes() {
  const app = new Hono<AppEnv>();
  return app;
}
