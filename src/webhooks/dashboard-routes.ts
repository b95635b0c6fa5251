// The dashboard's webhook pages: the same use cases as the API, with forms (sessions and CSRF from the
// pages router).
import { Hono } from "hono";
import { requireSession } from "../accounts/sessions.ts";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { cursorSchema, page } from "../platform/http/pagination.ts";
import { AppError } from "../platform/http/problems.ts";
import { formString, readForm } from "../platform/http/request-body.ts";
import { attemptsOf, listDeliveries } from "./delivery-queries.ts";
import { deleteEndpoint, type EndpointRow, getEndpoint, listEndpoints } from "./endpoint-store.ts";
import { isWebhookEventType } from "./event-types.ts";
import { changeEndpoint, createEndpoint, MAX_ENDPOINTS, replayDelivery } from "./manage-endpoints.ts";
import { endpointPage } from "./pages/endpoint-page.ts";
import { webhookMessages } from "./pages/messages.ts";
import { webhooksPage } from "./pages/webhooks-page.ts";

function formEvents(form: Record<string, string | string[]>): string[] {
  const raw = form.events;
  return (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(isWebhookEventType);
}

function problemText(error: unknown): string | null {
  if (!(error instanceof AppError) || (error.code !== "validation" && error.code !== "conflict")) return null;
  return error.errors?.map((e) => `${e.path}: ${e.message}`).join("; ") ?? error.detail ?? error.message;
}

async function ownedEndpoint(c: AppContext): Promise<EndpointRow> {
  const found = await getEndpoint(c.get("deps").database, c.get("owner")!.id, c.req.param("id") ?? "");
  if (!found) throw new AppError("not_found");
  return found;
}

async function renderEndpoint(
  c: AppContext,
  endpoint: EndpointRow,
  extra: { secret?: string; error?: string } = {},
) {
  const { database } = c.get("deps");
  const parsed = cursorSchema.safeParse(c.req.query("cursor"));
  const rows = await listDeliveries(database, endpoint.ownerId, endpoint.id, {
    limit: 51,
    after: parsed.success ? parsed.data : undefined,
  });
  const { items, nextCursor } = page(rows, 50, (d) => ({ at: d.createdAt, id: d.id }));
  const logs = await attemptsOf(
    database,
    items.map((d) => d.id),
  );
  return endpointPage({
    owner: c.get("owner")!,
    csrfToken: c.get("csrfToken"),
    endpoint,
    deliveries: items.map((delivery) => ({ delivery, log: logs.get(delivery.id) ?? [] })),
    nextCursor,
    ...extra,
  });
}

export function webhooksDashboardRoutes() {
  const dash = new Hono<AppEnv>();
  dash.use("/webhooks/*", requireSession());
  dash.use("/webhooks", requireSession());
  dash.use("/webhook-deliveries/*", requireSession());

  dash.get("/webhooks", async (c) => {
    const owner = c.get("owner")!;
    const endpoints = await listEndpoints(c.get("deps").database, owner.id, { limit: MAX_ENDPOINTS });
    return c.html(webhooksPage({ owner, csrfToken: c.get("csrfToken"), endpoints }));
  });

  dash.post("/webhooks", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const form = await readForm(c);
    const input = {
      url: formString(form, "url"),
      description: formString(form, "description"),
      events: formEvents(form),
    };
    const endpoints = await listEndpoints(deps.database, owner.id, { limit: MAX_ENDPOINTS });
    const again = (error: string) =>
      c.html(webhooksPage({ owner, csrfToken: c.get("csrfToken"), endpoints, error, form: input }), 422);
    if (input.events.length === 0) return again(webhookMessages(owner.locale)("chooseEvent"));
    try {
      const { secret } = await createEndpoint(deps, owner.id, input);
      const updated = await listEndpoints(deps.database, owner.id, { limit: MAX_ENDPOINTS });
      c.header("Cache-Control", "no-store");
      return c.html(webhooksPage({ owner, csrfToken: c.get("csrfToken"), endpoints: updated, secret }), 201);
    } catch (error) {
      const text = problemText(error);
      if (text) return again(text);
      throw error;
    }
  });

  dash.get("/webhooks/:id", async (c) => c.html(await renderEndpoint(c, await ownedEndpoint(c))));

  dash.post("/webhooks/:id", async (c) => {
    const endpoint = await ownedEndpoint(c);
    const form = await readForm(c);
    const events = formEvents(form);
    if (events.length === 0)
      return c.html(
        await renderEndpoint(c, endpoint, { error: webhookMessages(c.get("owner")!.locale)("chooseEvent") }),
        422,
      );
    try {
      await changeEndpoint(c.get("deps"), endpoint, {
        url: formString(form, "url"),
        description: formString(form, "description") || null,
        events,
      });
    } catch (error) {
      const text = problemText(error);
      if (text) return c.html(await renderEndpoint(c, endpoint, { error: text }), 422);
      throw error;
    }
    return c.redirect(`/dashboard/webhooks/${endpoint.id}`, 303);
  });

  for (const [action, patch] of [
    ["enable", { status: "active" }],
    ["disable", { status: "disabled" }],
  ] as const) {
    dash.post(`/webhooks/:id/${action}`, async (c) => {
      const endpoint = await ownedEndpoint(c);
      await changeEndpoint(c.get("deps"), endpoint, patch);
      return c.redirect(`/dashboard/webhooks/${endpoint.id}`, 303);
    });
  }

  dash.post("/webhooks/:id/rotate", async (c) => {
    const changed = await changeEndpoint(c.get("deps"), await ownedEndpoint(c), { rotateSecret: true });
    c.header("Cache-Control", "no-store");
    return c.html(await renderEndpoint(c, changed.endpoint, { secret: changed.secret }));
  });

  dash.post("/webhooks/:id/delete", async (c) => {
    const endpoint = await ownedEndpoint(c);
    await deleteEndpoint(c.get("deps").database, endpoint.ownerId, endpoint.id);
    return c.redirect("/dashboard/webhooks", 303);
  });

  dash.post("/webhook-deliveries/:id/replay", async (c) => {
    const owner = c.get("owner")!;
    try {
      const replay = await replayDelivery(c.get("deps"), owner.id, c.req.param("id"));
      return c.redirect(`/dashboard/webhooks/${replay.endpointId}`, 303);
    } catch (error) {
      const text = problemText(error);
      if (!text) throw error;
      throw new AppError("conflict", { detail: text });
    }
  });

  return dash;
}
