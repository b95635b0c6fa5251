// Public HTML pages: the booking page /{handle}/{slug}, the manage page /bookings/{token}, owner one-click actions.
import { Hono } from "hono";
import type { AppEnv } from "../platform/http/context.ts";

export function bookingPageRoutes() {
  const app = new Hono<AppEnv>();
  return app;
}
