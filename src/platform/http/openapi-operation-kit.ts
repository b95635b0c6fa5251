// Small constructors that keep the operation lists readable: one line of intent per endpoint.
import * as z from "zod";
import type { Access, Method, OperationSpec, ResponseSpec } from "./openapi.ts";

/** Response bodies without their own zod schema yet: documented as objects, described in words. */
export const anObject = z.object({}).catchall(z.unknown());

export function operation(
  method: Method,
  path: string,
  operationId: string,
  summary: string,
  access: Access,
  rest: Partial<Omit<OperationSpec, "method" | "path" | "operationId" | "summary" | "access">> & {
    tag: string;
  },
): OperationSpec {
  return {
    method,
    path,
    operationId,
    summary,
    access,
    responses: { 200: { description: "OK", schema: anObject } },
    ...rest,
  };
}

export const ok = (description: string, schema: z.ZodType = anObject): ResponseSpec => ({
  description,
  schema,
});
export const page = (description: string, items: z.ZodType = anObject): ResponseSpec => ({
  description,
  pageOf: items,
});
export const created = (description: string, schema: z.ZodType = anObject): ResponseSpec => ({
  description,
  schema,
  headers: { Location: "the new resource" },
});
export const noContent: ResponseSpec = { description: "Done; no body" };
export const conflict = (description: string): ResponseSpec => ({ description, schema: anObject });

/** Every mutating route reads a JSON body; these take anything and let the use case validate it. */
export const readAccess = "read" as const;
export const writeAccess = "write" as const;
