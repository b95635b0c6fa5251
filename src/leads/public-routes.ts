// Pages reached from emails without signing in, and the leads pages' stylesheet:
//   /m/leads/{token}      the owner's one-click actions (qualify, move to the next stage, decline)
//   /leads/intro/{token}  a declined prospect's "yes, introduce me"
// A GET only shows (mail scanners prefetch links); the POST, with its CSRF token, acts.
import { Hono } from "hono";
import { findOwnerById, toCurrentOwner } from "../accounts/store.ts";
import type { AppContext, AppEnv, CurrentOwner } from "../platform/http/context.ts";
import { AppError } from "../platform/http/problems.ts";
import { formString, readForm } from "../platform/http/request-body.ts";
import { declineDraft, declineLead } from "./decline.ts";
import { acceptIntro, introOffer } from "./intro.ts";
import { leadAnswers } from "./lead-answers.ts";
import { getLeadWithContact, type LeadWithContact, ownerOfLead } from "./lead-queries.ts";
import { type ActionCheck, checkIntro, checkLeadAction } from "./links.ts";
import { moveLead, setVerdict } from "./moves.ts";
import { actionPage, introPage, linkProblemPage } from "./pages/public-pages.ts";
import { LEADS_CSS_PATH, leadsStylesheet } from "./pages/stylesheet.ts";
import { isStage, nextStage, type Stage } from "./pipeline.ts";
import type { TriageReason } from "./triage.ts";

type Resolved =
  | { owner: CurrentOwner; lead: LeadWithContact; check: Extract<ActionCheck, { ok: true }> }
  | { response: Response };

async function resolveAction(c: AppContext): Promise<Resolved> {
  const deps = c.get("deps");
  const check = checkLeadAction(deps.config, c.req.param("token") ?? "", deps.clock.now());
  const locale = c.get("locale");
  if (!check.ok) {
    const expired = check.reason === "expired";
    return {
      response: await c.html(
        linkProblemPage(locale, expired ? "expired" : "invalid", true),
        expired ? 410 : 404,
      ),
    };
  }
  const ownerId = await ownerOfLead(deps.database, check.leadId);
  const ownerRow = ownerId ? await findOwnerById(deps.database, ownerId) : undefined;
  const lead = ownerRow ? await getLeadWithContact(deps.database, ownerRow.id, check.leadId) : undefined;
  if (!ownerRow || !lead)
    return { response: await c.html(linkProblemPage(ownerRow?.locale ?? locale, "gone", true), 410) };
  return { owner: toCurrentOwner(ownerRow), lead, check };
}

export function leadsPublicRoutes() {
  const app = new Hono<AppEnv>();

  app.get(LEADS_CSS_PATH, (c) =>
    c.body(leadsStylesheet, 200, {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    }),
  );

  app.get("/m/leads/:token", async (c) => {
    const r = await resolveAction(c);
    if ("response" in r) return r.response;
    const deps = c.get("deps");
    const { owner, lead, check } = r;
    const locale = owner.locale;
    const stage: Stage = isStage(lead.stage) ? lead.stage : "new";
    const draft = check.action === "decline" ? await declineDraft(deps, owner, lead.id) : undefined;
    const answers = await leadAnswers(deps, lead);
    return c.html(
      actionPage({
        locale,
        csrfToken: c.get("csrfToken"),
        path: c.req.path,
        action: check.action,
        from: check.from,
        lead: {
          id: lead.id,
          name: lead.contact.name,
          company: lead.contact.company,
          channel: lead.source,
          verdict: lead.verdict,
          stage,
        },
        reasons: (lead.reasons as TriageReason[])
          .filter((x) => x.outcome !== "pass")
          .map((x) => x.message?.[locale] ?? ""),
        answers: answers.display(locale),
        next: nextStage(stage),
        declineMessage: draft?.canEmail && !draft.alreadyEmailed ? draft.message : null,
        prospectLocale: draft?.locale ?? locale,
        done: c.req.query("done") === "1",
      }),
    );
  });

  app.post("/m/leads/:token", async (c) => {
    const form = await readForm(c);
    const r = await resolveAction(c);
    if ("response" in r) return r.response;
    const deps = c.get("deps");
    const { owner, lead, check } = r;
    try {
      if (check.action === "qualify") await setVerdict(deps, owner.id, lead.id, "qualified", "owner");
      else if (check.action === "decline") {
        const message = formString(form, "send") === "1" ? formString(form, "message") || null : null;
        await declineLead(deps, owner, lead.id, { message, by: "owner" });
      } else {
        const next = nextStage(check.from);
        if (lead.stage !== check.from || !next || next === "won") return c.redirect(c.req.path, 303);
        await moveLead(deps, owner.id, lead.id, { to: next, by: "owner", expectedFrom: check.from });
      }
    } catch (error) {
      // Moved by someone else meanwhile: the page shows where the lead is now.
      if (error instanceof AppError && error.code === "conflict") return c.redirect(c.req.path, 303);
      throw error;
    }
    return c.redirect(`${c.req.path}?done=1`, 303);
  });

  app.get("/leads/intro/:token", async (c) => {
    const deps = c.get("deps");
    const check = checkIntro(deps.config, c.req.param("token"), deps.clock.now());
    const offer = check.ok ? await introOffer(deps, check.leadId) : undefined;
    if (!offer)
      return c.html(
        linkProblemPage(c.get("locale"), "introGone", false),
        check.ok ? 410 : check.reason === "expired" ? 410 : 404,
      );
    return c.html(
      introPage({
        locale: offer.locale,
        csrfToken: c.get("csrfToken"),
        path: c.req.path,
        ownerName: offer.owner.name,
        partner: offer.partner,
        introducedTo: offer.introducedTo,
        done: c.req.query("done") === "1",
      }),
    );
  });

  app.post("/leads/intro/:token", async (c) => {
    const deps = c.get("deps");
    const check = checkIntro(deps.config, c.req.param("token"), deps.clock.now());
    const offer = check.ok ? await introOffer(deps, check.leadId) : undefined;
    if (!offer) return c.html(linkProblemPage(c.get("locale"), "introGone", false), 410);
    await acceptIntro(deps, offer);
    return c.redirect(`${c.req.path}?done=1`, 303);
  });

  return app;
}
