// Dashboard pages for clients: the list with the form to add one, and the edit page.
import { Hono } from "hono";
import { requireSession } from "../accounts/sessions.ts";
import type { AppContext, AppEnv } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { readForm } from "../platform/http/request-body.ts";
import { clientInputSchema } from "./client-input.ts";
import { getClient, insertClient, listClients, updateClient } from "./client-store.ts";
import { clientBodyFromForm, clientFormValues, type FormValues } from "./pages/client-form.ts";
import { clientEditPage, clientsPage } from "./pages/clients-page.ts";
import { errorsByPath } from "./pages/labels.ts";

function flat(form: Record<string, string | string[]>): FormValues {
  return Object.fromEntries(Object.entries(form).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) ?? ""]));
}

function issuesByPath(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  return errorsByPath(issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
}

export function clientsDashboardRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/clients/*", requireSession());
  app.use("/clients", requireSession());

  const renderClients = async (
    c: AppContext,
    values: FormValues,
    errors: Record<string, string>,
    status: 200 | 422 = 200,
  ) => {
    const owner = c.get("owner")!;
    const clients = await listClients(c.get("deps").database, owner.id);
    return c.html(
      clientsPage({
        owner,
        csrfToken: c.get("csrfToken"),
        clients: clients.map((x) => ({
          id: x.id,
          name: x.name,
          city: x.address.city ?? "",
          siren: x.siren,
          billingEmail: x.billingEmail,
        })),
        values,
        errors,
        done: c.req.query("done") === "1",
      }),
      status,
    );
  };

  app.get("/clients", (c) => renderClients(c, { "address.country": "FR", locale: "fr" }, {}));

  app.post("/clients", async (c) => {
    const deps = c.get("deps");
    const form = flat(await readForm(c));
    const parsed = clientInputSchema.safeParse(clientBodyFromForm(form));
    if (!parsed.success) return renderClients(c, form, issuesByPath(parsed.error.issues), 422);
    await insertClient(deps.database, {
      id: deps.newId(),
      ownerId: c.get("owner")!.id,
      input: parsed.data,
      now: deps.clock.now(),
    });
    return c.redirect("/dashboard/clients?done=1", 303);
  });

  app.get("/clients/:id", async (c) => {
    const owner = c.get("owner")!;
    const client = await getClient(c.get("deps").database, owner.id, c.req.param("id"));
    if (!client) throw new AppError("not_found", { detail: "No such client." });
    return c.html(
      clientEditPage({
        owner,
        csrfToken: c.get("csrfToken"),
        clientId: client.id,
        values: clientFormValues(client),
        errors: {},
      }),
    );
  });

  app.post("/clients/:id", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const client = await getClient(deps.database, owner.id, c.req.param("id"));
    if (!client) throw new AppError("not_found", { detail: "No such client." });
    const form = flat(await readForm(c));
    const parsed = clientInputSchema.safeParse({
      ...clientBodyFromForm(form),
      contacts: client.contacts ?? undefined,
    });
    if (!parsed.success) {
      const errors = errorsByPath(
        parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      );
      return c.html(
        clientEditPage({ owner, csrfToken: c.get("csrfToken"), clientId: client.id, values: form, errors }),
        422,
      );
    }
    await updateClient(deps.database, owner.id, client.id, parsed.data, deps.clock.now());
    return c.redirect("/dashboard/clients?done=1", 303);
  });

  return app;
}
