// A client driven by the served OpenAPI document alone, which checks every answer against it: the status must
// be one the operation documents, the media type one it declares, and a JSON body must validate (ajv, JSON
// Schema 2020-12) against the schema the document gives for that status. It records what it saw, so a test
// can also require that every documented answer was met at least once.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

export type JsonSchema = Record<string, unknown>;
export interface Doc {
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, ResponseObject> };
}
export interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { required: boolean };
  responses: Record<string, ResponseObject | { $ref: string }>;
  security?: unknown[];
}
export interface ResponseObject {
  description: string;
  content?: Record<string, { schema: JsonSchema }>;
}
export interface Found {
  method: string;
  path: string;
  op: Operation;
}
export interface CallArgs {
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** sent as is, with this content type, instead of JSON */
  raw?: { contentType: string; text: string };
  key?: string | null;
}
export interface Answer {
  status: number;
  contentType: string;
  body: unknown;
  bytes: Uint8Array;
}

const pointer = (...parts: string[]) =>
  parts.map((p) => `/${p.replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");

export function operationsOf(doc: Doc): Map<string, Found> {
  const byId = new Map<string, Found>();
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) byId.set(op.operationId, { method, path, op });
  return byId;
}

export function resolveResponse(doc: Doc, response: ResponseObject | { $ref: string }): ResponseObject {
  if (!("$ref" in response)) return response;
  const name = response.$ref.replace("#/components/responses/", "");
  const found = doc.components.responses[name];
  if (!found) throw new Error(`unresolved ${response.$ref}`);
  return found;
}

export function conformanceClient(
  doc: Doc,
  send: (path: string, init: RequestInit) => Promise<Response>,
  defaultKey: string,
) {
  // The document is one schema resource: each response schema is compiled by its JSON pointer inside it, so
  // its own $refs (#/components/schemas/…) resolve exactly as a reader of the document resolves them.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(doc as unknown as JsonSchema, "openapi.json");
  const compiled = new Map<string, ValidateFunction>();
  const schemaAt = (ref: string) => {
    let validate = compiled.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: `openapi.json#${ref}` });
      compiled.set(ref, validate);
    }
    return validate;
  };
  const byId = operationsOf(doc);
  const seen = new Map<string, Set<number>>();

  async function call(operationId: string, args: CallArgs = {}): Promise<Answer> {
    const found = byId.get(operationId);
    if (!found) throw new Error(`no operation ${operationId} in the document`);
    const params = found.op.parameters ?? [];
    for (const name of Object.keys(args.query ?? {}))
      if (!params.some((p) => p.in === "query" && p.name === name))
        throw new Error(`${operationId}: ${name} is not a documented parameter`);
    const path = found.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = args.path?.[name];
      if (value === undefined) throw new Error(`${operationId}: no value for {${name}}`);
      return encodeURIComponent(value);
    });
    const url = new URL(path, doc.servers[0]!.url);
    for (const [k, v] of Object.entries(args.query ?? {})) url.searchParams.set(k, v);
    const key = args.key === undefined ? defaultKey : args.key;
    const headers: Record<string, string> =
      key && found.op.security?.length !== 0 ? { authorization: `Bearer ${key}` } : {};
    let body: string | undefined;
    if (args.raw) {
      headers["content-type"] = args.raw.contentType;
      body = args.raw.text;
    } else if (args.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(args.body);
    }
    const response = await send(url.pathname + url.search, {
      method: found.method.toUpperCase(),
      headers,
      body,
    });
    const answer = await check(found, response);
    const statuses = seen.get(operationId) ?? new Set<number>();
    statuses.add(answer.status);
    seen.set(operationId, statuses);
    return answer;
  }

  async function check(found: Found, response: Response): Promise<Answer> {
    const where = `${found.method.toUpperCase()} ${found.path} → ${response.status}`;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const declared = found.op.responses[String(response.status)];
    if (!declared) throw new Error(`${where}: status not documented. Body: ${text.slice(0, 600)}`);
    const spec = resolveResponse(doc, declared);
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    if (!spec.content) {
      if (bytes.length > 0) throw new Error(`${where}: documented without a body, got ${contentType}`);
      return { status: response.status, contentType, body: undefined, bytes };
    }
    if (!(contentType in spec.content))
      throw new Error(
        `${where}: ${contentType || "no content type"}, documented ${Object.keys(spec.content)}`,
      );
    if (!contentType.endsWith("json")) return { status: response.status, contentType, body: text, bytes };
    const body = JSON.parse(text) as unknown;
    const at =
      "$ref" in declared
        ? declared.$ref.slice(1)
        : pointer("paths", found.path, found.method, "responses", String(response.status));
    const validate = schemaAt(at + pointer("content", contentType, "schema"));
    if (!validate(body))
      throw new Error(
        `${where}: the body does not match its documented schema:\n${ajv.errorsText(validate.errors, { separator: "\n" })}\n${text.slice(0, 1500)}`,
      );
    return { status: response.status, contentType, body, bytes };
  }

  return { call, seen, operations: byId };
}
