// Builds the OpenAPI 3.1 document from the zod schemas the routes validate with (z.toJSONSchema, JSON Schema
// 2020-12, which is OpenAPI 3.1's own dialect). Request shapes are the validators' input side; response shapes
// are the output side of the zod schemas kept next to the code that builds each answer, which
// test/platform/openapi-responses.test.ts checks against real answers. Pure: the list of operations is data.
import * as z from "zod";

export type Method = "get" | "post" | "put" | "patch" | "delete";
export type Access = "read" | "write" | "public";

export interface ResponseSpec {
  description: string;
  /** a JSON body of this shape */
  schema?: z.ZodType;
  /** a page of these: { items: [...], nextCursor } */
  pageOf?: z.ZodType;
  /** a non-JSON body, e.g. application/pdf */
  contentType?: string;
  /** an RFC 9457 problem (application/problem+json), e.g. a 409 with its own description */
  problem?: true;
  headers?: Record<string, string>;
}

export interface OperationSpec {
  method: Method;
  /** OpenAPI style: /api/webhooks/{id} */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** an empty body is accepted (readOptionalJson) */
  bodyOptional?: boolean;
  responses: Record<number, ResponseSpec>;
}

type JsonSchema = Record<string, unknown>;

export interface OpenApiInfo {
  title: string;
  version: string;
  description: string;
  serverUrl: string;
}

const PROBLEM: JsonSchema = {
  type: "object",
  description: "RFC 9457 problem details",
  required: ["type", "title", "status"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    instance: { type: "string" },
    requestId: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["path", "message"],
        properties: { path: { type: "string" }, message: { type: "string" }, code: { type: "string" } },
      },
    },
  },
};

const STANDARD_ERRORS: Record<number, string> = {
  400: "Malformed request (e.g. the body is not JSON)",
  401: "No API key, or an unknown or revoked one",
  403: "The API key lacks the scope this operation needs",
  404: "Nothing with this id for this owner",
  409: "The request conflicts with the current state",
  413: "The body is too large",
  415: "The body is not application/json",
  422: "Invalid input: one entry per field in `errors`",
  429: "Too many requests for this API key: wait Retry-After seconds",
};

export function buildOpenApiDocument(info: OpenApiInfo, operations: OperationSpec[]): JsonSchema {
  const shared: Record<string, JsonSchema> = { Problem: PROBLEM };
  const convert = (schema: z.ZodType, io: "input" | "output") => toSchema(schema, io, shared);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operation(op, convert);
  }
  return {
    openapi: "3.1.0",
    info: { title: info.title, version: info.version, description: info.description },
    servers: [{ url: info.serverUrl }],
    security: [{ apiKey: [] }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description:
            "An API key (crn_…) from the dashboard or `creneau api-key create`. GET needs the read scope, anything else write.",
        },
      },
      schemas: shared,
      responses: Object.fromEntries(
        Object.entries(STANDARD_ERRORS).map(([status, description]) => [
          `Problem${status}`,
          {
            description,
            content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
            ...(status === "429"
              ? { headers: { "Retry-After": { schema: { type: "integer" }, description: "seconds" } } }
              : {}),
          },
        ]),
      ),
    },
  };
}

function operation(op: OperationSpec, convert: (s: z.ZodType, io: "input" | "output") => JsonSchema) {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const queryParams = op.query ? queryParameters(convert(op.query, "input")) : [];
  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(op.responses)) responses[status] = response(spec, convert);
  const errors = [
    ...(op.body ? [400, 413, 415, 422] : op.query ? [422] : []),
    ...(op.access === "public" ? [] : [401, 403, 429]),
    ...(pathParams.length > 0 ? [404] : []),
  ];
  for (const status of errors)
    responses[String(status)] ??= { $ref: `#/components/responses/Problem${status}` };
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.access === "public" ? { security: [] } : { "x-scope": op.access }),
    ...(pathParams.length + queryParams.length > 0 ? { parameters: [...pathParams, ...queryParams] } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: !op.bodyOptional,
            content: { "application/json": { schema: convert(op.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

function response(spec: ResponseSpec, convert: (s: z.ZodType, io: "input" | "output") => JsonSchema) {
  const headers = spec.headers
    ? Object.fromEntries(
        Object.entries(spec.headers).map(([name, description]) => [
          name,
          { description, schema: { type: "string" } },
        ]),
      )
    : undefined;
  const body = spec.problem
    ? { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } }
    : spec.contentType
      ? { [spec.contentType]: { schema: { type: "string", contentMediaType: spec.contentType } } }
      : spec.pageOf
        ? { "application/json": { schema: pageSchema(convert(spec.pageOf, "output")) } }
        : spec.schema
          ? { "application/json": { schema: convert(spec.schema, "output") } }
          : undefined;
  return {
    description: spec.description,
    ...(headers ? { headers } : {}),
    ...(body ? { content: body } : {}),
  };
}

function pageSchema(items: JsonSchema): JsonSchema {
  return {
    type: "object",
    required: ["items", "nextCursor"],
    additionalProperties: false,
    properties: {
      items: { type: "array", items },
      nextCursor: {
        type: ["string", "null"],
        description: "pass it as `cursor` for the next page; null on the last page",
      },
    },
  };
}

function queryParameters(schema: JsonSchema): Record<string, unknown>[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: "query",
      required: required.has(name) && !("default" in rest),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

/**
 * One zod schema as an inline JSON Schema. Definitions zod hoists (recursive or registered schemas) move to
 * components.schemas, and their references with them, so every $ref resolves inside the document.
 */
function toSchema(schema: z.ZodType, io: "input" | "output", shared: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  const { $schema: _s, $defs, ...rest } = json;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : rewrite(v),
        ]),
      );
    }
    return value;
  };
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>))
    shared[name] = rewrite(def) as JsonSchema;
  return rewrite(rest) as JsonSchema;
}
