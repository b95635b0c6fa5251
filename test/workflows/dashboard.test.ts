// The automations pages as the owner uses them: runs with their next step in the owner's zone, filters,
// retry a failed run and cancel a waiting one (page and API), switches and delays that new runs follow.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApiKey } from "../../src/accounts/api-keys.ts";
import { findOwnerByHandle } from "../../src/accounts/store.ts";
import { workflowRuns } from "../../src/platform/db/schema.ts";
import { tick } from "../../src/platform/tick.ts";
import { loadWorkflowSettings, saveWorkflowSettings } from "../../src/platform/workflows/settings-store.ts";
import { BrowserSession, setUpOwner } from "../helpers/browser-session.ts";
import { DISCOVERY, GOOD_ANSWERS } from "../helpers/owner-fixture.ts";
import { createTestApp } from "../helpers/test-app.ts";
import { draftInvoice } from "../invoicing/api-fixture.ts";
import { missionFixture, workflowMails } from "./mission-workflow-fixture.ts";

const CALL = "2027-03-29T09:00:00+02:00";

async function signedIn(locale: "fr" | "en" = "fr") {
  const t = createTestApp({ now: "2027-03-26T09:00:00Z", env: { PUBLIC_POST_LIMIT: "0" } });
  const session = new BrowserSession(t, locale === "en" ? "en-GB,en;q=0.9" : "fr-FR,fr;q=0.9");
  expect((await setUpOwner(session, { locale })).status).toBe(303);
  const owner = (await findOwnerByHandle(t.deps.database, "jean"))!;
  const { key } = await createApiKey(t.deps, owner.id, "tests");
  const api = async (path: string, init: { method?: string; body?: unknown } = {}) =>
    t.app.request(path, {
      method: init.method ?? (init.body ? "POST" : "GET"),
      headers: {
        authorization: `Bearer ${key}`,
        ...(init.body ? { "content-type": "application/json" } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
  expect((await api("/api/event-types", { body: DISCOVERY })).status).toBe(201);
  const book = async (name = "Alice Martin", start = CALL) => {
    const r = await t.app.request("/api/public/jean/discovery/bookings", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        start,
        timeZone: "Europe/Paris",
        name,
        email: "alice@example.org",
        answers: GOOD_ANSWERS,
      }),
    });
    expect(r.status).toBe(201);
    return ((await r.json()) as { booking: { id: string } }).booking;
  };
  const runs = async () => t.deps.database.db.select().from(workflowRuns).all();
  return { ...t, session, api, owner, book, runs };
}

const location = (r: Response) => r.headers.get("location");

describe("automations dashboard", () => {
  it("lists runs with their next step in the owner's zone, filters them, and escapes what prospects typed", async () => {
    const f = await signedIn();
    await f.book("<b>Alice</b> Martin");
    const page = await f.session.get("/dashboard/automations");
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('<a href="/dashboard/automations" aria-current="page">Automatisations</a>');
    expect(body).toContain("Rappels de rendez-vous");
    expect(body).toContain("Suite à donner après un appel");
    expect(body).toContain("&lt;b&gt;Alice&lt;/b&gt; Martin");
    expect(body).not.toContain("<b>Alice</b>");
    expect(body).toContain("En attente");
    // Nothing ran yet: both wait to start; after a tick, each says what comes next and when, in Paris time.
    expect(body).toContain("Démarrage");
    await f.api("/api/workflows/tick", { method: "POST" });
    const later = await (await f.session.get("/dashboard/automations")).text();
    expect(later).toContain("Rappel au prospect la veille");
    expect(later).toMatch(/le 28 mars 2027(,| à) 09:00/);
    expect(later).toContain("Question sur la suite de l&#39;appel");
    expect(later).toMatch(/le 30 mars 2027(,| à) 09:00/);

    const filtered = await (await f.session.get("/dashboard/automations?workflow=after-call")).text();
    expect(filtered).toContain("Suite à donner après un appel");
    expect(filtered).not.toContain("Rappel au prospect la veille");
    expect(filtered).toContain('<option value="after-call" selected>');
    const none = await (await f.session.get("/dashboard/automations?status=failed")).text();
    expect(none).toContain("Aucune exécution pour ces filtres.");
  });

  it("retries a failed run and cancels a waiting one, on the page and through the API; refuses the rest", async () => {
    const f = await signedIn();
    await f.book();
    await f.api("/api/workflows/tick", { method: "POST" });
    const [reminders] = (await f.runs()).filter((r) => r.workflow === "booking-reminders");
    const [afterCall] = (await f.runs()).filter((r) => r.workflow === "after-call");
    await f.deps.database.db
      .update(workflowRuns)
      .set({ status: "failed", attempts: 6, lastError: "SMTP <down>", wakeAt: null })
      .where(eq(workflowRuns.id, afterCall!.id));
    const failed = await (await f.session.get("/dashboard/automations?status=failed")).text();
    expect(failed).toContain("En échec");
    expect(failed).toContain("SMTP &lt;down&gt;");
    expect(failed).toContain(`action="/dashboard/automations/runs/${afterCall!.id}/retry"`);

    // Without the form's CSRF token nothing happens.
    const forged = await f.session.post(`/dashboard/automations/runs/${afterCall!.id}/retry`, {});
    expect(forged.status).toBe(403);
    expect((await f.runs()).find((r) => r.id === afterCall!.id)?.status).toBe("failed");

    const retried = await f.session.post(
      `/dashboard/automations/runs/${afterCall!.id}/retry`,
      {},
      { csrfFrom: "/dashboard/automations?status=failed" },
    );
    expect(retried.status).toBe(303);
    expect(location(retried)).toBe("/dashboard/automations?done=retried");
    expect((await f.runs()).find((r) => r.id === afterCall!.id)).toMatchObject({
      status: "waiting",
      attempts: 0,
      lastError: null,
      wakeAt: f.clock.now(),
    });
    expect(await (await f.session.get("/dashboard/automations?done=retried")).text()).toContain(
      "L&#39;exécution repart maintenant.",
    );

    const cancelled = await f.session.post(
      `/dashboard/automations/runs/${reminders!.id}/cancel`,
      {},
      { csrfFrom: "/dashboard/automations" },
    );
    expect(location(cancelled)).toBe("/dashboard/automations?done=cancelled");
    expect((await f.runs()).find((r) => r.id === reminders!.id)?.status).toBe("cancelled");
    const again = await f.session.post(
      `/dashboard/automations/runs/${reminders!.id}/cancel`,
      {},
      { csrfFrom: "/dashboard/automations" },
    );
    expect(location(again)).toBe("/dashboard/automations?done=conflict");

    // The API: a waiting run cannot be retried (409), it can be cancelled; unknown ids are 404.
    const conflict = await f.api(`/api/workflows/runs/${afterCall!.id}/retry`, { method: "POST" });
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get("content-type")).toContain("application/problem+json");
    expect(await conflict.json()).toMatchObject({ status: 409, detail: expect.stringContaining("waiting") });
    const viaApi = await f.api(`/api/workflows/runs/${afterCall!.id}/cancel`, { method: "POST" });
    expect(viaApi.status).toBe(200);
    expect(await viaApi.json()).toMatchObject({ id: afterCall!.id, status: "cancelled", wakeAt: null });
    expect((await f.api("/api/workflows/runs/nope/cancel", { method: "POST" })).status).toBe(404);
    await f.deps.database.db
      .update(workflowRuns)
      .set({ status: "failed", lastError: "boom" })
      .where(eq(workflowRuns.id, reminders!.id));
    const apiRetry = await f.api(`/api/workflows/runs/${reminders!.id}/retry`, { method: "POST" });
    expect(await apiRetry.json()).toMatchObject({ status: "waiting", attempts: 0, lastError: null });
  });

  it("switches workflows off for new runs only, tunes delays, and keeps the API's re-engagement months", async () => {
    const f = await signedIn();
    await f.book();
    const form = await (await f.session.get("/dashboard/automations/settings")).text();
    expect(form).toContain('name="on-after-call" value="1" checked');
    expect(form).toContain('name="abandonedFormHours"');
    expect(form).toContain('<option value="30" selected>30 minutes</option>');

    const fields = {
      "on-booking-reminders": "1",
      "on-pending-approval": "1",
      pendingRemindAfterHours: "6",
      pendingDeclineAfterHours: "24",
      afterCallReminderDays: "5",
      abandonedFormHours: "12",
      dunningPoliteDays: "2",
      dunningFirmDays: "8",
      dunningFinalDays: "20",
      reEngagementMonths: "6",
      reminderMinutes: "60",
    };
    const refused = await f.session.post(
      "/dashboard/automations/settings",
      { ...fields, pendingDeclineAfterHours: "4", abandonedFormHours: "500" },
      { csrfFrom: "/dashboard/automations/settings" },
    );
    expect(refused.status).toBe(422);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain("Doit être plus long que le délai précédent.");
    expect(refusedPage).toContain("Entre 1 et 168.");
    expect(refusedPage).toContain('value="500"');
    expect((await loadWorkflowSettings(f.deps.database, f.owner.id)).abandonedFormHours).toBe(24);

    const saved = await f.session.post("/dashboard/automations/settings", fields, {
      csrfFrom: "/dashboard/automations/settings",
    });
    expect(location(saved)).toBe("/dashboard/automations/settings?saved=1");
    const settings = await loadWorkflowSettings(f.deps.database, f.owner.id);
    expect(settings).toMatchObject({
      afterCallReminderDays: 5,
      abandonedFormHours: 12,
      reEngagementMonths: 6,
    });
    expect(settings.disabled).toContain("after-call");
    expect(settings.disabled).not.toContain("booking-reminders");
    expect(await (await f.api("/api/settings/calendars")).json()).toMatchObject({ reminderMinutes: 60 });

    // A new booking starts no after-call run; the one already waiting goes on.
    await f.book("Bob", "2027-03-29T10:00:00+02:00");
    const byWorkflow = (await f.runs()).map((r) => `${r.workflow}:${r.status}`).sort();
    expect(byWorkflow).toEqual([
      "after-call:waiting",
      "booking-reminders:waiting",
      "booking-reminders:waiting",
    ]);
    // The pending request's delays follow the settings too.
    const pending = await f.api("/api/event-types", {
      body: { ...DISCOVERY, slug: "ask", requiresConfirmation: true },
    });
    expect(pending.status).toBe(201);
    const asked = await f.app.request("/api/public/jean/ask/bookings", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        start: "2027-03-30T09:00:00+02:00",
        timeZone: "Europe/Paris",
        name: "Carla",
        email: "carla@example.org",
        answers: GOOD_ANSWERS,
      }),
    });
    expect(asked.status).toBe(201);
    const approval = (await f.runs()).find((r) => r.workflow === "pending-approval");
    expect(approval?.input).toMatchObject({ remindAfterHours: 6, declineAfterHours: 24 });

    // The API's PUT of the re-engagement months keeps the switches and delays set here.
    const put = await f.api("/api/settings/workflows", { method: "PUT", body: { reEngagementMonths: 3 } });
    expect(await put.json()).toEqual({ reEngagementMonths: 3 });
    const after = await loadWorkflowSettings(f.deps.database, f.owner.id);
    expect(after).toMatchObject({ reEngagementMonths: 3, afterCallReminderDays: 5 });
    expect(after.disabled).toContain("after-call");
    const shown = await (await f.session.get("/dashboard/automations/settings?saved=1")).text();
    expect(shown).toContain("Réglages enregistrés.");
    expect(shown).toContain('name="on-pending-approval" value="1" checked');
    expect(shown).not.toContain('name="on-after-call" value="1" checked');
    expect(shown).toMatch(/name="reEngagementMonths"[^>]* value="3"/);
  });

  it("speaks English to an English-speaking owner and sends visitors without a session to sign in", async () => {
    const f = await signedIn("en");
    await f.book();
    const body = await (await f.session.get("/dashboard/automations")).text();
    expect(body).toContain('<html lang="en">');
    expect(body).toContain("Booking reminders");
    expect(body).toContain("Booking with Alice Martin");
    expect(await (await f.session.get("/dashboard/automations/settings")).text()).toContain(
      "Automation settings",
    );
    const anonymous = await f.app.request("/dashboard/automations", { headers: { accept: "text/html" } });
    expect(anonymous.status).toBe(303);
    expect(location(anonymous)).toContain("/login?next=%2Fdashboard%2Fautomations");
  });

  it("sends payment reminders on the days the owner set", async () => {
    // Issued Friday 2 April 2027 at 30 days: due Sunday 2 May. Polite after 3 days instead of 1: Wednesday 5 May.
    const f = await missionFixture();
    await saveWorkflowSettings(
      f.deps.database,
      f.owner.id,
      { dunningPoliteDays: 3, dunningFirmDays: 10, dunningFinalDays: 20 },
      f.clock.now(),
    );
    const { id } = await draftInvoice(f);
    await f.json(`/api/invoices/${id}/issue`, { method: "POST" }, 200);
    f.clock.set("2027-05-03T07:30:00Z"); // the default day: nothing yet
    await tick(f.deps);
    expect(await workflowMails(f, "invoice-dunning")).toHaveLength(0);
    f.clock.set("2027-05-05T07:00:30Z");
    await tick(f.deps);
    expect(await workflowMails(f, "invoice-dunning")).toHaveLength(1);
  });
});
