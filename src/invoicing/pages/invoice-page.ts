// One invoice or credit note: its lines and totals, where it stands, and what can be done with it
// (issue or delete a draft; send, record a payment, credit, download an issued one).
import { html } from "hono/html";
import type { CurrentOwner } from "../../platform/http/context.ts";
import { csrfInput, field, notice } from "../../platform/http/views/forms.ts";
import { type Html, page } from "../../platform/http/views/layout.ts";
import { formatDate } from "../date-text.ts";
import type { InvoiceLineInput } from "../invoice-model.ts";
import { formatEuros, formatPercent } from "../money.ts";
import type { PaymentStatus } from "../payment-status.ts";
import { invoiceBadges } from "./badges.ts";
import { type InvoiceT, invoiceMessages } from "./invoice-messages.ts";

export interface InvoicePageData {
  owner: CurrentOwner;
  csrfToken: string;
  invoice: {
    id: string;
    type: string;
    status: string;
    number: string | null;
    issueDate: string | null;
    dueDate: string | null;
    periodStart: string;
    periodEnd: string;
    lines: InvoiceLineInput[];
    lineNets: number[];
    vatApplies: boolean;
    totals: { netCents: number; vatCents: number; grossCents: number };
    paidCents: number;
    balanceCents: number | null;
    paymentStatus: PaymentStatus | null;
    reason: string | null;
  };
  client: { id: string; name: string };
  mission: { id: string; title: string } | null;
  creditOf: { id: string; number: string | null } | null;
  creditNotes: { id: string; number: string | null; grossCents: number }[];
  payments: { amountCents: number; date: string; method: string | null }[];
  sentOn: string | null;
  today: string;
  flash?: string;
  error?: string;
  missingFields?: string[];
  paymentValues: Record<string, string>;
  paymentErrors: Record<string, string>;
  creditValues: Record<string, string>;
  creditErrors: Record<string, string>;
}

function title(t: InvoiceT, i: InvoicePageData["invoice"]): string {
  if (i.status === "draft") return t("draftTitle");
  return t(i.type === "credit_note" ? "creditNoteTitle" : "invoiceTitle", { number: i.number ?? "" });
}

function linesTable(t: InvoiceT, d: InvoicePageData): Html {
  const locale = d.owner.locale;
  const i = d.invoice;
  const money = (cents: number) => formatEuros(cents, locale);
  // Focusable, so a keyboard can scroll the table when it is wider than a phone.
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t("linesLabel")}"><table>
<thead><tr><th scope="col">${t("description")}</th><th scope="col">${t("quantity")}</th><th scope="col">${t("unitPrice")}</th>${i.vatApplies ? html`<th scope="col">${t("vat")}</th>` : ""}<th scope="col">${t("lineTotal")}</th></tr></thead>
<tbody>${i.lines.map(
    (l, n) =>
      html`<tr><td>${l.description}</td><td>${locale === "fr" ? String(l.quantity).replace(".", ",") : String(l.quantity)}</td><td>${money(l.unitPriceCents)}</td>${i.vatApplies ? html`<td>${formatPercent(l.vatRate)} %</td>` : ""}<td>${money(i.lineNets[n] ?? 0)}</td></tr>`,
  )}</tbody>
</table></div>
<div class="card"><p>${t("net")}${t("colon")}${money(i.totals.netCents)}${i.vatApplies ? html`<br>${t("vatTotal")}${t("colon")}${money(i.totals.vatCents)}` : ""}<br>
<strong>${t("gross")}${t("colon")}${money(i.totals.grossCents)}</strong>
${i.type === "invoice" && i.status === "issued" ? html`<br>${t("paidLabel")}${t("colon")}${money(i.paidCents)}<br><strong>${t("balance")}${t("colon")}${money(i.balanceCents ?? 0)}</strong>` : ""}</p></div>`;
}

function draftActions(t: InvoiceT, d: InvoicePageData): Html {
  const base = `/dashboard/invoices/${d.invoice.id}`;
  return html`<p class="small muted">${t("issueHint")}</p>
<div class="actions">
<form method="post" action="${base}/issue">${csrfInput(d.csrfToken)}<button type="submit">${t("issue")}</button></form>
<form method="post" action="${base}/delete">${csrfInput(d.csrfToken)}<button type="submit" class="secondary">${t("deleteDraft")}</button></form>
</div>`;
}

function issuedActions(t: InvoiceT, d: InvoicePageData): Html {
  const i = d.invoice;
  const base = `/dashboard/invoices/${i.id}`;
  const locale = d.owner.locale;
  const owed = i.type === "invoice" && (i.balanceCents ?? 0) > 0;
  const creditable =
    i.type === "invoice" && i.totals.grossCents > d.creditNotes.reduce((s, c) => s + c.grossCents, 0);
  return html`<div class="actions">
<a class="button secondary" href="${base}/pdf">${t("downloadPdf")}</a>
<a class="button secondary" href="${base}/xml">${t("downloadXml")}</a>
<a class="button secondary" href="${base}/ubl">${t("downloadUbl")}</a>
${
  d.sentOn
    ? html`<span class="muted">${t("resend", { date: formatDate(d.sentOn, locale) })}</span>`
    : html`<form method="post" action="${base}/send">${csrfInput(d.csrfToken)}<button type="submit">${t("send")}</button></form>`
}
</div>
${
  i.type === "invoice"
    ? html`<h2>${t("paymentsTitle")}</h2>
${
  d.payments.length === 0
    ? html`<p class="muted">${t("noPayments")}</p>`
    : html`<ul>${d.payments.map((p) => html`<li>${formatDate(p.date, locale)} — ${formatEuros(p.amountCents, locale)}${p.method ? ` (${p.method})` : ""}</li>`)}</ul>`
}
${
  owed
    ? html`<form method="post" action="${base}/payments" class="card stack" novalidate>${csrfInput(d.csrfToken)}
<div class="grid">
${field({ name: "amount", label: t("paymentAmount"), value: d.paymentValues.amount ?? "", error: d.paymentErrors.amount, required: true, attrs: { inputmode: "decimal" } })}
${field({ name: "date", label: t("paymentDate"), type: "date", value: d.paymentValues.date ?? d.today, error: d.paymentErrors.date, required: true })}
${field({ name: "method", label: t("paymentMethod"), value: d.paymentValues.method ?? "", error: d.paymentErrors.method })}
</div>
<div class="actions"><button type="submit">${t("recordPayment")}</button></div></form>`
    : ""
}
${
  d.creditNotes.length > 0
    ? html`<h2>${t("creditNotes")}</h2><ul>${d.creditNotes.map((c) => html`<li><a href="/dashboard/invoices/${c.id}">${c.number}</a> — ${formatEuros(c.grossCents, locale)}</li>`)}</ul>`
    : ""
}
${
  creditable
    ? html`<details${Object.keys(d.creditErrors).length > 0 ? html` open` : ""}><summary>${t("creditTitle")}</summary>
<form method="post" action="${base}/credit-note" class="card stack" novalidate>${csrfInput(d.csrfToken)}
<p class="small muted">${t("creditHint")}</p>
${field({ name: "amount", label: t("creditAmount"), value: d.creditValues.amount ?? "", error: d.creditErrors.amount ?? d.creditErrors.lines, attrs: { inputmode: "decimal" } })}
${field({ name: "reason", label: t("creditReason"), value: d.creditValues.reason ?? "", error: d.creditErrors.reason, attrs: { maxlength: "500" } })}
<div class="actions"><button type="submit" class="danger">${t("issueCredit")}</button></div></form></details>`
    : ""
}`
    : ""
}`;
}

export function invoicePage(d: InvoicePageData): Html {
  const t = invoiceMessages(d.owner.locale);
  const i = d.invoice;
  const locale = d.owner.locale;
  const heading = title(t, i);
  return page({
    title: heading,
    locale,
    nav: { current: "invoices", csrfToken: d.csrfToken, ownerName: d.owner.name },
    body: html`<p><a href="/dashboard/invoices">${t("back")}</a></p>
<h1>${heading} ${invoiceBadges(t, i)}</h1>
<p><a href="/dashboard/clients/${d.client.id}">${d.client.name}</a>${d.mission ? html` · ${t("mission")}${t("colon")}<a href="/dashboard/missions/${d.mission.id}">${d.mission.title}</a>` : ""}<br>
${t("period", { start: formatDate(i.periodStart, locale), end: formatDate(i.periodEnd, locale) })}
${i.issueDate ? html`<br>${t("issueDate")} ${formatDate(i.issueDate, locale)} · ${t("dueDate")} ${formatDate(i.dueDate ?? i.issueDate, locale)}` : ""}
${d.creditOf ? html`<br><a href="/dashboard/invoices/${d.creditOf.id}">${t("creditOf", { number: d.creditOf.number ?? "" })}</a>` : ""}
${i.reason ? html`<br>${t("creditReason")}${t("colon")}${i.reason}` : ""}</p>
${d.flash ? notice("ok", d.flash) : ""}
${
  d.missingFields?.length
    ? notice(
        "error",
        html`${t("missingFields")}<ul>${d.missingFields.map((f) => html`<li><code>${f}</code></li>`)}</ul>
<a href="/dashboard/settings/business">${t("completeSettings")}</a> · <a href="/dashboard/clients/${d.client.id}">${t("completeClient")}</a>`,
      )
    : d.error
      ? notice("error", d.error)
      : ""
}
${linesTable(t, d)}
${i.status === "draft" ? draftActions(t, d) : issuedActions(t, d)}`,
  });
}
