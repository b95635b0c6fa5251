// Adding leads from the dashboard: the quick-add form (a pasted message) and the CSV import.
import { Hono } from "hono";
import * as z from "zod";
import type { AppContext, AppEnv } from "../../platform/http/context.ts";
import { AppError } from "../../platform/http/problems.ts";
import { formString, readForm } from "../../platform/http/request-body.ts";
import { todayIn } from "../../scheduling/zoned-bounds.ts";
import { captureLead } from "../capture.ts";
import { channelSlug } from "../channels.ts";
import { decodeCsvBytes } from "../csv/decode.ts";
import { DELIMITERS, type Delimiter, detectDelimiter } from "../csv/parse.ts";
import {
  confirmImport,
  getImportJob,
  isStale,
  listImportJobs,
  previewImport,
  runImport,
  stageImport,
  undoImport,
  WORKER_CHUNK_ROWS,
} from "../import-job.ts";
import { parseLooseDate, parseMoneyCents, parseMonths } from "../loose-values.ts";
import { importJobPage, uploadPage } from "../pages/import-page.ts";
import { EMPTY_QUICK_ADD, type QuickAddValues, quickAddPage } from "../pages/quick-add-page.ts";
import { extractLead } from "../quick-add.ts";
import type { RoleAnswers } from "../role-answers.ts";

const emailSchema = z.email();
const FIELD_ERRORS = {
  fr: {
    name: "Indiquez un nom.",
    email: "Cette adresse e-mail n'est pas valide.",
    dailyRate: "Un montant, par exemple 650.",
    durationMonths: "Un nombre de mois, par exemple 6.",
    startDate: "Une date valide.",
  },
  en: {
    name: "Give a name.",
    email: "This email address is not valid.",
    dailyRate: "An amount, for example 650.",
    durationMonths: "A number of months, for example 6.",
    startDate: "A valid date.",
  },
};

function quickAddValues(form: Record<string, string | string[]>): QuickAddValues {
  return Object.fromEntries(
    Object.keys(EMPTY_QUICK_ADD).map((k) => [k, formString(form, k)]),
  ) as QuickAddValues;
}

async function saveQuickAdd(c: AppContext, v: QuickAddValues) {
  const deps = c.get("deps");
  const owner = c.get("owner")!;
  const t = FIELD_ERRORS[owner.locale];
  const errors: Partial<Record<keyof QuickAddValues, string>> = {};
  const answers: RoleAnswers = {};
  if (!v.name) errors.name = t.name;
  if (v.email && !emailSchema.safeParse(v.email).success) errors.email = t.email;
  if (v.dailyRate) {
    const cents = parseMoneyCents(v.dailyRate);
    if (cents === undefined) errors.dailyRate = t.dailyRate;
    else answers.dailyRate = cents;
  }
  if (v.durationMonths) {
    const months = parseMonths(v.durationMonths);
    if (months === undefined) errors.durationMonths = t.durationMonths;
    else answers.durationMonths = months;
  }
  if (v.startDate) {
    const date = parseLooseDate(v.startDate, todayIn(deps.clock.now(), owner.timeZone));
    if (!date) errors.startDate = t.startDate;
    else answers.startDate = date;
  }
  if (v.skills) answers.skills = v.skills.slice(0, 500);
  if (v.remote === "remote" || v.remote === "hybrid" || v.remote === "onsite") answers.remote = v.remote;
  if (v.company) answers.company = v.company.slice(0, 200);
  if (Object.keys(errors).length > 0) return { errors };
  const result = await captureLead(deps, owner, {
    name: v.name.slice(0, 120),
    email: v.email || null,
    company: v.company.slice(0, 200) || null,
    channel: channelSlug(v.channel) || "other",
    answers,
    notes: v.message.slice(0, 10_000) || null,
    utm: null,
    locale: owner.locale,
    via: "quick-add",
    by: "owner",
  });
  return { result };
}

export function captureRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/leads/new", (c) =>
    c.html(
      quickAddPage({
        owner: c.get("owner")!,
        csrfToken: c.get("csrfToken"),
        values: EMPTY_QUICK_ADD,
        read: false,
        foundSomething: false,
        errors: {},
      }),
    ),
  );

  app.post("/leads/new", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const form = await readForm(c);
    const values = quickAddValues(form);
    const page = (
      v: QuickAddValues,
      found: boolean,
      errors: Partial<Record<keyof QuickAddValues, string>> = {},
    ) =>
      quickAddPage({
        owner,
        csrfToken: c.get("csrfToken"),
        values: v,
        read: true,
        foundSomething: found,
        errors,
      });
    if (formString(form, "step") !== "save") {
      const found = extractLead(values.message, todayIn(deps.clock.now(), owner.timeZone));
      const filled: QuickAddValues = {
        ...values,
        name: found.name ?? "",
        email: found.email ?? "",
        company: found.company ?? "",
        dailyRate: found.dailyRateCents ? String(found.dailyRateCents / 100) : "",
        durationMonths: found.durationMonths ? String(found.durationMonths) : "",
        skills: found.skills?.join(", ") ?? "",
        remote: found.remote ?? "",
        startDate: found.startDate ?? "",
      };
      return c.html(page(filled, Object.keys(found).length > 0));
    }
    const saved = await saveQuickAdd(c, values);
    if ("errors" in saved) return c.html(page(values, true, saved.errors), 422);
    return c.redirect(
      `/dashboard/leads/${saved.result.leadId}?done=${saved.result.merged ? "merged" : "added"}`,
      303,
    );
  });

  app.get("/leads/import", async (c) => {
    const jobs = await listImportJobs(c.get("deps"), c.get("owner")!.id);
    return c.html(uploadPage({ owner: c.get("owner")!, csrfToken: c.get("csrfToken"), jobs, error: null }));
  });

  app.post("/leads/import", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    const body = await c.req.parseBody({ all: true });
    const file = body.file;
    const choice =
      typeof body.delimiter === "string" ? (body.delimiter === "tab" ? "\t" : body.delimiter) : "";
    if (!(file instanceof File) || file.size === 0) {
      const jobs = await listImportJobs(deps, owner.id);
      const error = owner.locale === "fr" ? "Choisissez un fichier CSV." : "Choose a CSV file.";
      return c.html(uploadPage({ owner, csrfToken: c.get("csrfToken"), jobs, error }), 422);
    }
    const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    const delimiter: Delimiter = (DELIMITERS as readonly string[]).includes(choice)
      ? (choice as Delimiter)
      : detectDelimiter(decoded.text);
    const job = await stageImport(deps, owner, {
      name: file.name || "import.csv",
      text: decoded.text,
      encoding: decoded.encoding,
      delimiter,
    });
    return c.redirect(`/dashboard/leads/import/${job.id}`, 303);
  });

  const ownedJob = async (c: AppContext) => {
    const job = await getImportJob(c.get("deps"), c.get("owner")!.id, c.req.param("id") ?? "");
    if (!job) throw new AppError("not_found", { detail: "No such import." });
    return job;
  };

  // On Node the import runs after the response, chunk after chunk. On Workers a request may only run so
  // many queries: each view of the status page (it reloads itself every second) writes the next chunk.
  const startRunning = async (c: AppContext, jobId: string) => {
    const deps = c.get("deps");
    if (deps.runtime === "workerd") {
      await runImport(deps, c.get("owner")!, jobId, { maxChunks: 1, chunkRows: WORKER_CHUNK_ROWS });
      return;
    }
    deps.defer(
      runImport(deps, c.get("owner")!, jobId).catch((error) =>
        deps.logger.error("lead import failed", { job: jobId, error: String(error) }),
      ),
    );
  };

  app.get("/leads/import/:id", async (c) => {
    const deps = c.get("deps");
    const owner = c.get("owner")!;
    let job = await ownedJob(c);
    if (job.status === "running" && deps.runtime === "workerd")
      job = (await runImport(deps, owner, job.id, { maxChunks: 1, chunkRows: WORKER_CHUNK_ROWS })) ?? job;
    const now = deps.clock.now();
    const preview = job.status === "preview" ? await previewImport(deps, owner, job) : undefined;
    // While the import runs, the browser reloads the page every second to show the progress (no script).
    if (job.status === "running" && !isStale(job, now)) c.header("Refresh", "1");
    return c.html(importJobPage({ owner, csrfToken: c.get("csrfToken"), job, preview, now }));
  });

  app.post("/leads/import/:id/confirm", async (c) => {
    const job = await ownedJob(c);
    const running = await confirmImport(c.get("deps"), c.get("owner")!, job);
    if (running.status === "running" && job.status === "preview") await startRunning(c, job.id);
    return c.redirect(`/dashboard/leads/import/${job.id}`, 303);
  });

  app.post("/leads/import/:id/resume", async (c) => {
    const job = await ownedJob(c);
    if (isStale(job, c.get("deps").clock.now())) await startRunning(c, job.id);
    return c.redirect(`/dashboard/leads/import/${job.id}`, 303);
  });

  app.post("/leads/import/:id/undo", async (c) => {
    const job = await ownedJob(c);
    await undoImport(c.get("deps"), c.get("owner")!, job);
    return c.redirect(`/dashboard/leads/import/${job.id}`, 303);
  });

  return app;
}
