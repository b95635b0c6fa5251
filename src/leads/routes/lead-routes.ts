// One lead's page and the forms that act on it.
import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../platform/http/context.ts";
import { AppError } from "../../platform/http/problems.ts";
import { formString, readForm } from "../../platform/http/request-body.ts";
import { declineDraft, declineLead } from "../decline.ts";
import { leadPageData } from "../lead-page-data.ts";
import { getLeadWithContact, leadsOfContact } from "../lead-queries.ts";
import { moveLead, setNotes, setVerdict } from "../moves.ts";
import { declinePage, erasePage, lostReasonPage } from "../pages/action-pages.ts";
import { DONE_NOTICES, type DoneNotice, leadPage } from "../pages/lead-page.ts";
import { erasePerson, exportPerson } from "../personal-data.ts";
import { isStage } from "../pipeline.ts";
import { wonRoutes } from "./won-routes.ts";

async function ownedLead(c: AppContext) {
  const lead = await getLeadWithContact(c.get("deps").database, c.get("owner")!.id, c.req.param("id") ?? "");
  if (!lead) throw new AppError("not_found", { detail: "No such lead (it may have been erased)." });
  return lead;
}

const leadUrl = (id: string, done?: DoneNotice) => `/dashboard/leads/${id}${done ? `?done=${done}` : ""}`;

export function leadRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/leads/:id", async (c) => {
    const done = c.req.query("done");
    const data = await leadPageData(
      c.get("deps"),
      c.get("owner")!,
      c.get("csrfToken"),
      c.req.param("id"),
      (DONE_NOTICES as readonly string[]).includes(done ?? "") ? (done as DoneNotice) : null,
    );
    if (!data) throw new AppError("not_found", { detail: "No such lead (it may have been erased)." });
    return c.html(leadPage(data));
  });

  app.get("/leads/:id/move", async (c) => {
    const lead = await ownedLead(c);
    return c.html(
      lostReasonPage({
        owner: c.get("owner")!,
        csrfToken: c.get("csrfToken"),
        leadId: lead.id,
        name: lead.contact.name,
        from: lead.stage,
        back: c.req.query("back") === "board" ? "board" : "lead",
        error: false,
      }),
    );
  });

  app.post("/leads/:id/move", async (c) => {
    const form = await readForm(c);
    const lead = await ownedLead(c);
    const to = formString(form, "to");
    const from = formString(form, "from");
    const back = formString(form, "back") === "board" ? "board" : "lead";
    if (!isStage(to)) return c.redirect(back === "board" ? "/dashboard/leads/board" : leadUrl(lead.id), 303);
    if (to === "won") return c.redirect(`/dashboard/leads/${lead.id}/won`, 303);
    if (to === "declined") return c.redirect(`/dashboard/leads/${lead.id}/decline`, 303);
    const reason = formString(form, "lostReason");
    if (to === "lost" && !reason) {
      const page = lostReasonPage({
        owner: c.get("owner")!,
        csrfToken: c.get("csrfToken"),
        leadId: lead.id,
        name: lead.contact.name,
        from: isStage(from) ? from : lead.stage,
        back,
        error: "lostReason" in form,
      });
      return c.html(page, "lostReason" in form ? 422 : 200);
    }
    try {
      await moveLead(c.get("deps"), lead.ownerId, lead.id, {
        to,
        by: "owner",
        reason,
        expectedFrom: isStage(from) ? from : undefined,
      });
    } catch (error) {
      // Moved meanwhile (another tab, an email link): show where it is now rather than an error.
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
    }
    return c.redirect(
      back === "board"
        ? `/dashboard/leads/board?moved=${lead.id}#lead-${lead.id}`
        : leadUrl(lead.id, "moved"),
      303,
    );
  });

  app.post("/leads/:id/qualify", async (c) => {
    const lead = await ownedLead(c);
    await setVerdict(c.get("deps"), lead.ownerId, lead.id, "qualified", "owner");
    return c.redirect(leadUrl(lead.id, "qualified"), 303);
  });

  app.post("/leads/:id/notes", async (c) => {
    const form = await readForm(c);
    const lead = await ownedLead(c);
    await setNotes(
      c.get("deps"),
      lead.ownerId,
      lead.id,
      formString(form, "notes").slice(0, 10_000) || null,
      "owner",
    );
    return c.redirect(leadUrl(lead.id, "notes"), 303);
  });

  app.get("/leads/:id/decline", async (c) => {
    const owner = c.get("owner")!;
    const draft = await declineDraft(c.get("deps"), owner, c.req.param("id"));
    return c.html(
      declinePage({
        owner,
        csrfToken: c.get("csrfToken"),
        leadId: draft.lead.id,
        name: draft.lead.contact.name,
        from: draft.lead.stage,
        prospectLocale: draft.locale,
        message: draft.message,
        canEmail: draft.canEmail,
        offersIntro: draft.offersIntro,
        alreadyEmailed: draft.alreadyEmailed,
      }),
    );
  });

  app.post("/leads/:id/decline", async (c) => {
    const form = await readForm(c);
    const lead = await ownedLead(c);
    const from = formString(form, "from");
    const message = formString(form, "send") === "1" ? formString(form, "message") || null : null;
    const { emailed } = await declineLead(c.get("deps"), c.get("owner")!, lead.id, {
      message,
      by: "owner",
      expectedFrom: isStage(from) && from !== "declined" ? from : undefined,
    });
    return c.redirect(leadUrl(lead.id, emailed ? "declinedEmailed" : "declined"), 303);
  });

  app.get("/leads/:id/erase", async (c) => {
    const lead = await ownedLead(c);
    const all = await leadsOfContact(c.get("deps").database, lead.ownerId, lead.contact.id);
    return c.html(
      erasePage({
        owner: c.get("owner")!,
        csrfToken: c.get("csrfToken"),
        leadId: lead.id,
        name: lead.contact.name,
        leads: all.length,
      }),
    );
  });

  app.post("/leads/:id/erase", async (c) => {
    const lead = await ownedLead(c);
    await erasePerson(c.get("deps"), lead.ownerId, lead.contact.id);
    return c.redirect("/dashboard/leads?erased=1", 303);
  });

  app.get("/leads/:id/export.json", async (c) => {
    const lead = await ownedLead(c);
    const data = await exportPerson(c.get("deps"), lead.ownerId, lead.contact.id);
    return c.body(JSON.stringify(data, null, 2), 200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="contact-${lead.contact.id}.json"`,
    });
  });

  app.route("/", wonRoutes());
  return app;
}
