// The outbox, as the API (GET /api/outbox) and as dashboard pages with HTML and text previews.
import { Hono } from "hono";
import * as z from "zod";
import { requireSession } from "../../accounts/sessions.ts";
import type { AppEnv } from "../http/context.ts";
import { cursorSchema, limitSchema, page } from "../http/pagination.ts";
import { AppError } from "../http/problems.ts";
import { validate } from "../http/request-body.ts";
import { messageFromRow } from "./outbox.ts";
import { canDeliver } from "./outbox-only-transport.ts";
import { getOutboxMessage, listOutbox, type OutboxRow } from "./outbox-store.ts";
import { outboxDetailPage, outboxListPage } from "./pages/outbox-pages.ts";
import { resendUnsent } from "./unsent-resend.ts";
import { countUnsent } from "./unsent-store.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function summary(
  row: Pick<
    OutboxRow,
    | "id"
    | "toAddress"
    | "toName"
    | "subject"
    | "why"
    | "status"
    | "attempts"
    | "lastError"
    | "messageId"
    | "createdAt"
    | "sentAt"
  >,
) {
  return {
    id: row.id,
    to: [{ address: row.toAddress, name: row.toName }],
    subject: row.subject,
    why: row.why,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    messageId: row.messageId,
    createdAt: iso(row.createdAt),
    sentAt: iso(row.sentAt),
    rawUrl: `/api/outbox/${row.id}/raw`,
  };
}

export const outboxQuery = z.object({
  status: z.enum(["queued", "sending", "sent", "failed", "unsent", "expired"]).optional(),
  why: z.string().max(100).optional().meta({ description: "what sent it, or its start (e.g. workflow:)" }),
  limit: limitSchema(50, 200),
  // The outbox's first cursors were the creation instant alone: such a cursor still works (strictly older).
  cursor: z
    .union([
      cursorSchema,
      z
        .string()
        .regex(/^\d{1,16}$/)
        .transform((s) => ({ at: Number(s), id: "" })),
    ])
    .optional(),
});

function pageParams(c: { req: { query(k: string): string | undefined } }) {
  const limit = Math.min(200, Math.max(1, Number(c.req.query("limit") ?? 50) || 50));
  const before = c.req.query("cursor") ? Number(c.req.query("cursor")) : undefined;
  if (before !== undefined && !Number.isFinite(before))
    throw new AppError("bad_request", { detail: "cursor is invalid" });
  return { limit, before };
}

function resentCounts(requeued: string | undefined, expired: string | undefined) {
  const count = (value: string | undefined) => (/^\d{1,6}$/.test(value ?? "") ? Number(value) : 0);
  return { requeued: count(requeued), expired: count(expired) };
}

export function outboxApiRoutes() {
  const api = new Hono<AppEnv>();
  api.get("/", async (c) => {
    const q = validate(outboxQuery, c.req.query(), "query");
    const rows = await listOutbox(c.get("deps").database, c.get("owner")!.id, {
      ...q,
      limit: q.limit + 1,
      after: q.cursor,
    });
    const { items, nextCursor } = page(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
    return c.json({ items: items.map(summary), nextCursor });
  });
  // 409 when no transport is configured: the emails stay unsent.
  api.post("/resend-unsent", async (c) => c.json(await resendUnsent(c.get("deps"), c.get("owner")!.id)));
  api.get("/:id", async (c) => {
    const row = await getOutboxMessage(c.get("deps").database, c.get("owner")!.id, c.req.param("id"));
    if (!row) throw new AppError("not_found");
    return c.json({
      ...summary(row),
      html: row.html,
      text: row.text,
      attachments: (row.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType })),
    });
  });
  api.get("/:id/raw", async (c) => {
    const deps = c.get("deps");
    const row = await getOutboxMessage(deps.database, c.get("owner")!.id, c.req.param("id"));
    if (!row) throw new AppError("not_found");
    const raw = await deps.transport.render(messageFromRow(row, deps.config.mailFrom));
    return c.body(raw, 200, {
      "Content-Type": "message/rfc822",
      "Content-Disposition": `inline; filename="${row.id}.eml"`,
    });
  });
  return api;
}

export function outboxDashboardRoutes() {
  const dash = new Hono<AppEnv>();
  dash.use("*", requireSession());
  dash.get("/", async (c) => {
    const owner = c.get("owner")!;
    const { limit, before } = pageParams(c);
    const deps = c.get("deps");
    const [rows, unsent] = await Promise.all([
      listOutbox(deps.database, owner.id, { limit: limit + 1, before }),
      countUnsent(deps.database, owner.id),
    ]);
    const next = rows.length > limit ? rows[limit - 1]?.createdAt : undefined;
    const done =
      c.req.query("done") === "resent"
        ? resentCounts(c.req.query("requeued"), c.req.query("expired"))
        : undefined;
    return c.html(
      outboxListPage({
        owner,
        csrfToken: c.get("csrfToken"),
        rows: rows.slice(0, limit),
        nextCursor: next,
        unsent: { count: unsent, canSend: canDeliver(deps.transport) },
        ...(done ? { resent: done } : {}),
      }),
    );
  });
  dash.post("/resend-unsent", async (c) => {
    const deps = c.get("deps");
    if (!canDeliver(deps.transport)) return c.redirect("/dashboard/outbox", 303);
    const { requeued, expired } = await resendUnsent(deps, c.get("owner")!.id);
    return c.redirect(`/dashboard/outbox?done=resent&requeued=${requeued}&expired=${expired}`, 303);
  });
  dash.get("/:id", async (c) => {
    const owner = c.get("owner")!;
    const row = await getOutboxMessage(c.get("deps").database, owner.id, c.req.param("id"));
    if (!row) throw new AppError("not_found");
    return c.html(outboxDetailPage({ owner, csrfToken: c.get("csrfToken"), row }));
  });
  dash.get("/:id/raw", async (c) => {
    const deps = c.get("deps");
    const row = await getOutboxMessage(deps.database, c.get("owner")!.id, c.req.param("id"));
    if (!row) throw new AppError("not_found");
    const raw = await deps.transport.render(messageFromRow(row, deps.config.mailFrom));
    return c.body(raw, 200, { "Content-Type": "text/plain; charset=utf-8" });
  });
  // The email's own HTML, framed by the detail page: sandboxed, no scripts, no network.
  dash.get("/:id/html", async (c) => {
    const row = await getOutboxMessage(c.get("deps").database, c.get("owner")!.id, c.req.param("id"));
    if (!row) throw new AppError("not_found");
    c.header(
      "Content-Security-Policy",
      "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
    );
    c.header("X-Frame-Options", "SAMEORIGIN");
    return c.html(row.html);
  });
  return dash;
}
