// The invoicing refusals as problem details, worded once.
import { AppError } from "../platform/http/problems.ts";
import { InvoiceInputError } from "./invoice-model.ts";

/** The pure rules' errors as a 422 problem, every field named; anything else is rethrown as is. */
export function asValidationProblem(error: unknown, title?: string): unknown {
  if (!(error instanceof InvoiceInputError)) return error;
  return new AppError("validation", { errors: error.errors, ...(title ? { title } : {}) });
}

export function missingMandatoryFieldsProblem(missing: string[]): AppError {
  return new AppError("validation", {
    title: "Mandatory invoice fields are missing",
    detail: `French law requires these on an invoice: ${missing.join(", ")}. Complete the business settings (seller.*) and the client (buyer.*), then issue again.`,
    errors: missing.map((path) => ({
      path,
      message: "is required on an invoice",
      code: "missing_mandatory_field",
    })),
    extra: { missingMandatoryFields: missing },
  });
}

export function platformBillingProblem(platform: string, missionId: string): AppError {
  return new AppError("validation", {
    title: "This mission is invoiced by its platform",
    detail: `The mission is billed through ${platform} (billingMode "platform"): the platform issues the invoices in your name, so Créneau must not number its own for it. Record the platform's invoices with POST /api/missions/${missionId}/external-invoices.`,
    errors: [
      {
        path: "missionId",
        message: "is billed by its platform (billingMode platform)",
        code: "platform_billing",
      },
    ],
  });
}

export function alreadyIssuedProblem(number: string | null): AppError {
  return new AppError("immutable", {
    detail: `Invoice ${number ?? ""} is issued: it can no longer change. Correct it with a credit note (POST /api/invoices/{id}/credit-note).`,
  });
}
