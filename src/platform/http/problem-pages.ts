// Each problem "type" URI resolves to a short page, as RFC 9457 suggests.
import { Hono } from "hono";
import type { AppEnv } from "./context.ts";
import { AppError, PROBLEMS, type ProblemCode } from "./problems.ts";

export function problemRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/:code", (c) => {
    const code = c.req.param("code") as ProblemCode;
    if (!(code in PROBLEMS)) throw new AppError("not_found");
    const { status, title } = PROBLEMS[code];
    return c.json({ type: `/problems/${code}`, title, status });
  });
  return app;
}
