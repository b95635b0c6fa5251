// Form controls with their label, hint and error wired for screen readers.
import { html } from "hono/html";
import type { Html } from "./layout.ts";

export interface FieldOptions {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "number" | "url" | "tel" | "date" | "textarea" | "select";
  value?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  options?: { value: string; label: string }[];
  attrs?: Record<string, string>;
}

export function field(f: FieldOptions): Html {
  const id = `f-${f.name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  const describedBy = [f.hint ? `${id}-hint` : "", f.error ? `${id}-error` : ""].filter(Boolean).join(" ");
  const common = html`id="${id}" name="${f.name}"${f.required ? html` required aria-required="true"` : ""}${
    f.error ? html` aria-invalid="true"` : ""
  }${describedBy ? html` aria-describedby="${describedBy}"` : ""}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ""}${Object.entries(
    f.attrs ?? {},
  ).map(([k, v]) => html` ${k}="${v}"`)}`;
  let control: Html;
  if (f.type === "textarea") control = html`<textarea ${common}>${f.value ?? ""}</textarea>`;
  else if (f.type === "select")
    control = html`<select ${common}>${(f.options ?? []).map(
      (o) =>
        html`<option value="${o.value}"${o.value === f.value ? html` selected` : ""}>${o.label}</option>`,
    )}</select>`;
  else control = html`<input type="${f.type ?? "text"}" ${common} value="${f.value ?? ""}">`;
  return html`<div class="field${f.error ? " invalid" : ""}">
<label for="${id}">${f.label}${f.required ? "" : ""}</label>
${f.hint ? html`<span class="hint" id="${id}-hint">${f.hint}</span>` : ""}
${control}
${f.error ? html`<span class="error-text" id="${id}-error">${f.error}</span>` : ""}
</div>`;
}

export function csrfInput(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

export function notice(kind: "info" | "ok" | "error", message: Html | string): Html {
  return html`<div class="notice ${kind === "info" ? "" : kind}" role="${kind === "error" ? "alert" : "status"}">${message}</div>`;
}
