// Reading request bodies safely: JSON or forms, validated by a zod schema, failures as 4xx problems.
import type * as z from "zod";
import type { AppContext } from "./context.ts";
import { AppError, fieldErrorsFromZod } from "./problems.ts";

export async function readJson<S extends z.ZodType>(c: AppContext, schema: S): Promise<z.output<S>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", { detail: "Send the body as application/json." });
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError("bad_request", { detail: "The body is not valid JSON." });
  }
  return validate(schema, body);
}

/** Like readJson, but an empty body counts as {} (e.g. a cancel without a reason). */
export async function readOptionalJson<S extends z.ZodType>(c: AppContext, schema: S): Promise<z.output<S>> {
  const length = c.req.header("content-length");
  if (length === "0" || (!length && !c.req.header("content-type") && !c.req.header("transfer-encoding")))
    return validate(schema, {});
  return readJson(c, schema);
}

export function validate<S extends z.ZodType>(schema: S, value: unknown, prefix = ""): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AppError("validation", { errors: fieldErrorsFromZod(parsed.error.issues, prefix) });
  return parsed.data;
}

/** Form fields as strings (repeated fields as arrays); files are ignored. */
export async function readForm(c: AppContext): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === "string");
    else if (typeof value === "string") out[key] = value;
  }
  return out;
}

export function formString(form: Record<string, string | string[]>, key: string): string {
  const v = form[key];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
}
