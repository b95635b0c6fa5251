// The CSV import in three screens: the upload form, the preview (nothing imported yet), the progress.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import type { Locale } from "../../platform/i18n.ts";
import type { ImportPreview } from "../import-job.ts";
import { type ImportJob, isStale } from "../import-job.ts";
import { shortDateTime } from "./dates.ts";
import { fileProblemText, importMessages, rowProblemText } from "./import-messages.ts";
import { channelLabel, stageLabel } from "./labels.ts";
import { leadsNav } from "./leads-nav.ts";
import { leadsStyles } from "./stylesheet.ts";

const SHOWN_ERRORS = 200;
const SHOWN_ROWS = 10;

const shell = (owner: CurrentOwner, csrfToken: string, title: string, body: Html) =>
  page({
    title,
    locale: owner.locale,
    nav: { current: "leads", csrfToken, ownerName: owner.name },
    body: html`${leadsStyles()}<h1>${title}</h1>${leadsNav(owner.locale, "import")}${body}`,
  });

export function uploadPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  jobs: ImportJob[];
  error: string | null;
}) {
  const t = importMessages(d.owner.locale);
  const delimiters = [
    ["", t("auto")],
    [";", t("semicolon")],
    [",", t("comma")],
    ["tab", t("tab")],
    ["|", t("pipe")],
  ];
  return shell(
    d.owner,
    d.csrfToken,
    t("title"),
    html`<p class="muted">${t("intro")}</p>
${d.error ? notice("error", d.error) : ""}
<form method="post" action="/dashboard/leads/import" enctype="multipart/form-data" class="card stack">${csrfInput(d.csrfToken)}
<div class="field"><label for="f-file">${t("file")}</label><span class="hint" id="f-file-hint">${t("fileHint")}</span>
<input type="file" id="f-file" name="file" accept=".csv,.txt,text/csv" required aria-describedby="f-file-hint"></div>
<div class="field"><label for="f-delimiter">${t("delimiter")}</label><select id="f-delimiter" name="delimiter">${delimiters.map(([v, l]) => html`<option value="${v}">${l}</option>`)}</select></div>
<div class="actions"><button type="submit">${t("upload")}</button></div></form>
${
  d.jobs.length
    ? html`<h2>${t("recent")}</h2><ul>${d.jobs.map(
        (j) =>
          html`<li><a href="/dashboard/leads/import/${j.id}">${j.fileName}</a> · ${shortDateTime(j.createdAt, d.owner.locale, d.owner.timeZone)} · ${t(`status_${j.status}`)}</li>`,
      )}</ul>`
    : ""
}`,
  );
}

const delimiterName = (d: string, locale: Locale) => (d === "\t" ? importMessages(locale)("tab") : d);

function previewBody(d: {
  owner: CurrentOwner;
  csrfToken: string;
  job: ImportJob;
  preview: ImportPreview;
}): Html {
  const locale = d.owner.locale;
  const t = importMessages(locale);
  const { read, rows, skipped } = d.preview;
  const recognised = [...read.columns.fields.entries()].map(
    ([index, field]) => `${read.header[index]} → ${t(field)}`,
  );
  const created = rows.filter((r) => r.action === "create").length;
  return html`${notice("info", t("nothingYet"))}
<div class="card"><p>${t("readAs", { encoding: read.encoding, delimiter: delimiterName(read.delimiter, locale) })}</p>
${recognised.length ? html`<p>${t("columns", { columns: recognised.join(", ") })}</p>` : ""}
${read.columns.ignored.length ? html`<p class="muted">${t("ignored", { columns: read.columns.ignored.join(", ") })}</p>` : ""}
${read.problem ? notice("error", fileProblemText(read.problem, locale)) : ""}
${
  read.problem
    ? ""
    : html`<ul><li>${t("willCreate", { count: created })}</li><li>${t("willMerge", { count: rows.length - created })}</li>
<li>${t("willSkip", { count: skipped.length })}</li><li>${t("withErrors", { count: read.errors.length })}</li></ul>`
}</div>
${
  read.errors.length
    ? html`<section class="card" aria-labelledby="h-errors"><h2 id="h-errors">${t("errorsTitle")}</h2><ul class="row-errors">${read.errors
        .slice(0, SHOWN_ERRORS)
        .map(
          (e) =>
            html`<li><strong>${t("line", { line: e.line })}</strong>${locale === "fr" ? "\u00a0: " : ": "}${e.problems.map((p) => rowProblemText(p, locale)).join(locale === "fr" ? "\u00a0; " : "; ")}</li>`,
        )}</ul>
${read.errors.length > SHOWN_ERRORS ? html`<p>${t("moreErrors", { count: read.errors.length - SHOWN_ERRORS })}</p>` : ""}</section>`
    : ""
}
${
  rows.length
    ? html`<h2>${t("sample")}</h2><div class="table-wrap" role="region" aria-label="${t("sample")}" tabindex="0"><table><thead><tr><th scope="col">#</th><th scope="col">${t("name")}</th><th scope="col">${t("email")}</th><th scope="col">${t("company")}</th><th scope="col">${t("source")}</th><th scope="col">${t("stage")}</th></tr></thead><tbody>
${rows.slice(0, SHOWN_ROWS).map((r) => html`<tr><td>${r.line}</td><td>${r.name}</td><td>${r.email}</td><td>${r.company ?? ""}</td><td>${channelLabel(r.source, locale)}</td><td>${stageLabel(r.stage, locale)}</td></tr>`)}
</tbody></table></div>`
    : ""
}
<div class="actions">${
    !read.problem && rows.length
      ? html`<form method="post" action="/dashboard/leads/import/${d.job.id}/confirm">${csrfInput(d.csrfToken)}<button type="submit">${t("confirm", { count: rows.length })}</button></form>`
      : html`<p>${t("nothingToImport")}</p>`
  }<a href="/dashboard/leads/import">${t("another")}</a></div>`;
}

export function importJobPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  job: ImportJob;
  preview: ImportPreview | undefined;
  now: number;
}) {
  const locale = d.owner.locale;
  const t = importMessages(locale);
  const { job } = d;
  if (job.status === "preview" && d.preview)
    return shell(d.owner, d.csrfToken, t("previewTitle"), previewBody({ ...d, preview: d.preview }));
  const undo = html`<form method="post" action="/dashboard/leads/import/${job.id}/undo" class="actions">${csrfInput(d.csrfToken)}<button type="submit" class="secondary">${t("undo")}</button><span class="small muted">${t("undoHint")}</span></form>`;
  if (job.status === "running") {
    const stalled = isStale(job, d.now);
    return shell(
      d.owner,
      d.csrfToken,
      t("runningTitle"),
      html`<div class="card"><p><label for="import-progress">${t("progress", { done: job.done, total: job.total })}</label></p>
<progress id="import-progress" max="${job.total}" value="${job.done}">${t("progress", { done: job.done, total: job.total })}</progress>
${stalled ? html`${notice("error", t("stalled", { done: job.done, total: job.total }))}<form method="post" action="/dashboard/leads/import/${job.id}/resume">${csrfInput(d.csrfToken)}<button type="submit">${t("resume")}</button></form>${undo}` : ""}</div>`,
    );
  }
  if (job.status === "done")
    return shell(
      d.owner,
      d.csrfToken,
      t("doneTitle"),
      html`${notice("ok", t("doneSummary", { created: job.created, merged: job.merged }))}<p><a href="/dashboard/leads">${t("seeLeads")}</a></p>${undo}`,
    );
  return shell(
    d.owner,
    d.csrfToken,
    t("undoneTitle"),
    html`<p>${t("undoneText")}</p><p><a href="/dashboard/leads/import">${t("another")}</a></p>`,
  );
}
