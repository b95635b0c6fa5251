// Every error leaves through here: problem+json for the API, an HTML page for people. Never a stack trace.
import { html } from "hono/html";
import { HTTPException } from "hono/http-exception";
import type { AppContext } from "./context.ts";
import { AppError, PROBLEMS, problemBody } from "./problems.ts";
import { errorMessages } from "./views/error-messages.ts";
import { page } from "./views/layout.ts";

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    const code =
      error.status === 413
        ? "payload_too_large"
        : error.status === 401
          ? "unauthorized"
          : error.status === 403
            ? "forbidden"
            : error.status === 404
              ? "not_found"
              : error.status < 500
                ? "bad_request"
                : "internal";
    return new AppError(code, { detail: error.status < 500 ? error.message || undefined : undefined });
  }
  return new AppError("internal");
}

export function wantsJson(c: AppContext): boolean {
  if (c.req.path.startsWith("/api/")) return true;
  const accept = c.req.header("accept") ?? "";
  return accept.includes("json") && !accept.includes("text/html");
}

export function respondWithError(c: AppContext, error: unknown): Response | Promise<Response> {
  const appError = toAppError(error);
  const requestId = c.get("requestId");
  if (appError.code === "internal") {
    c.get("deps")?.logger.error("unhandled error", {
      requestId,
      path: c.req.path,
      error: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
  }
  const body = problemBody(appError, { instance: c.req.path, requestId });
  const headers: Record<string, string> = {};
  const retryAfter = appError.extra?.retryAfterSeconds;
  if (typeof retryAfter === "number") headers["Retry-After"] = String(retryAfter);
  if (appError.code === "unauthorized" && c.req.path.startsWith("/api/"))
    headers["WWW-Authenticate"] = 'Bearer realm="creneau"';
  if (wantsJson(c)) {
    return c.body(JSON.stringify(body), PROBLEMS[appError.code].status, {
      ...headers,
      "Content-Type": "application/problem+json; charset=utf-8",
    });
  }
  const locale = c.get("locale") ?? "fr";
  const t = errorMessages(locale);
  const key = `title_${PROBLEMS[appError.code].status}` as const;
  const title =
    key in
    { title_400: 1, title_403: 1, title_404: 1, title_409: 1, title_413: 1, title_422: 1, title_429: 1 }
      ? t(key as "title_404")
      : t("title_500");
  return c.html(
    page({
      title,
      locale,
      narrow: true,
      body: html`<div class="card"><h1>${title}</h1>
<p>${appError.code === "internal" ? t("internal") : (appError.detail ?? body.title)}</p>
<p class="small muted">${t("requestId")} <code>${requestId ?? "-"}</code></p>
<p><a href="/">${t("home")}</a></p></div>`,
    }),
    PROBLEMS[appError.code].status as 400,
    headers,
  );
}
