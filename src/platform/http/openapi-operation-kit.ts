// Small constructors that keep the operation lists readable: one line of intent per endpoint. Every
// operation states its responses, and every JSON answer names the zod schema it is built to.
import type * as z from "zod";
import type { Access, Method, OperationSpec, ResponseSpec } from "./openapi.ts";

export function operation(
  method: Method,
  path: string,
  operationId: string,
  summary: string,
  access: Access,
  rest: Partial<Omit<OperationSpec, "method" | "path" | "operationId" | "summary" | "access">> & {
    tag: string;
    responses: OperationSpec["responses"];
  },
): OperationSpec {
  return { method, path, operationId, summary, access, ...rest };
}

export const ok = (description: string, schema: z.ZodType): ResponseSpec => ({ description, schema });
export const page = (description: string, items: z.ZodType): ResponseSpec => ({ description, pageOf: items });
export const created = (description: string, schema: z.ZodType): ResponseSpec => ({
  description,
  schema,
  headers: { Location: "the new resource" },
});
export const noContent: ResponseSpec = { description: "Done; no body" };
/** A download: the body in this media type, not JSON. */
export const file = (description: string, contentType: string): ResponseSpec => ({
  description,
  contentType,
});
/** A problem with a status of its own (409 and the like): what it means for this operation. */
export const problem = (description: string): ResponseSpec => ({ description, problem: true });
export const conflict = problem;
