// The invoices list: filters, status badges, the year's exports, and the quick actions of each row.
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import { formatEuros } from "../money.ts";
import type { PaymentStatus } from "../payment-status.ts";
import { invoiceBadges } from "./badges.ts";
import { invoiceMessages } from "./invoice-messages.ts";

export interface InvoiceListItem {
  id: string;
  number: string | null;
  type: string;
  status: string;
  clientName: string;
  issueDate: string | null;
  dueDate: string | null;
  grossCents: number;
  paymentStatus: PaymentStatus | null;
}

export function invoicesPage(d: {
  owner: CurrentOwner;
  csrfToken: string;
  items: InvoiceListItem[];
  filter: { status: string; year: string };
  years: number[];
  nextUrl: string | null;
  flash?: string;
}): Html {
  const t = invoiceMessages(d.owner.locale);
  const locale = d.owner.locale;
  const exportYear = d.filter.year || String(d.years[0] ?? "");
  return page({
    title: t("invoicesTitle"),
    locale,
    nav: { current: "invoices", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<h1>${t("invoicesTitle")}</h1>
<p class="actions"><a href="/dashboard/settings/business">${t("settingsLink")}</a>
${
  exportYear
    ? html`<a href="/dashboard/invoices/export/invoices-${exportYear}.csv">${t("exportCsv", { year: exportYear })}</a>
<a href="/dashboard/invoices/export/invoices-${exportYear}.zip">${t("exportZip", { year: exportYear })}</a>`
    : ""
}</p>
${d.flash ? notice("ok", d.flash) : ""}
<form method="get" action="/dashboard/invoices" class="card actions">
${field({
  name: "status",
  label: t("filterLabel"),
  type: "select",
  value: d.filter.status,
  options: [
    { value: "", label: t("filterAll") },
    { value: "draft", label: t("filterDraft") },
    { value: "issued", label: t("filterIssued") },
  ],
})}
${field({
  name: "year",
  label: t("year"),
  type: "select",
  value: d.filter.year,
  options: [
    { value: "", label: t("filterAll") },
    ...d.years.map((y) => ({ value: String(y), label: String(y) })),
  ],
})}
<button type="submit" class="secondary">${t("filter")}</button>
</form>
${
  d.items.length === 0
    ? html`<p class="muted">${t("noInvoices")}</p>`
    : html`<div class="table-wrap"><table>
<thead><tr><th scope="col">${t("number")}</th><th scope="col">${t("client")}</th><th scope="col">${t("issueDate")}</th><th scope="col">${t("dueDate")}</th><th scope="col">${t("amount")}</th><th scope="col">${t("status")}</th><th scope="col">${t("actions")}</th></tr></thead>
<tbody>${d.items.map((i) => row(d, i))}</tbody></table></div>`
}
${d.nextUrl ? html`<p><a href="${d.nextUrl}">→</a></p>` : ""}`,
  });
}

function row(d: { owner: CurrentOwner; csrfToken: string }, i: InvoiceListItem): Html {
  const t = invoiceMessages(d.owner.locale);
  const name = i.number ?? t("draft");
  const action =
    i.status === "draft"
      ? html`<form method="post" action="/dashboard/invoices/${i.id}/issue">${csrfInput(d.csrfToken)}<button type="submit">${t("issue")}<span class="visually-hidden"> (${i.clientName}, ${formatEuros(i.grossCents, d.owner.locale)})</span></button></form>`
      : html`<a href="/dashboard/invoices/${i.id}/pdf">PDF<span class="visually-hidden"> ${name}</span></a>`;
  return html`<tr><td><a href="/dashboard/invoices/${i.id}">${name}</a></td><td>${i.clientName}</td><td>${i.issueDate ?? "—"}</td><td>${i.dueDate ?? "—"}</td>
<td>${i.type === "credit_note" ? "−" : ""}${formatEuros(i.grossCents, d.owner.locale)}</td><td>${invoiceBadges(t, i)}</td><td>${action}</td></tr>`;
}
