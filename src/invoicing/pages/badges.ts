// Status badges of invoices, shared by the list and the detail page.
import { html } from "hono/html";
import type { Html } from "../../platform/http/views/layout.ts";
import type { PaymentStatus } from "../payment-status.ts";
import type { InvoiceT } from "./invoice-messages.ts";

const PAYMENT_TONES: Record<PaymentStatus, string> = {
  unpaid: "",
  partially_paid: "warn",
  paid: "ok",
  overdue: "bad",
  credited: "",
};

export function invoiceBadges(
  t: InvoiceT,
  i: { type: string; status: string; paymentStatus: PaymentStatus | null },
): Html {
  if (i.status === "draft") return html`<span class="badge">${t("draft")}</span>`;
  const kind = i.type === "credit_note" ? html`<span class="badge">${t("creditNote")}</span> ` : "";
  const payment = i.paymentStatus
    ? html`<span class="badge${PAYMENT_TONES[i.paymentStatus] ? ` ${PAYMENT_TONES[i.paymentStatus]}` : ""}">${t(i.paymentStatus)}</span>`
    : html`<span class="badge ok">${t("issued")}</span>`;
  return html`${kind}${payment}`;
}
