// One closed set of error codes, mapped to HTTP in exactly one place (RFC 9457 problem details).

export const PROBLEMS = {
  bad_request: { status: 400, title: "Bad request" },
  unauthorized: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Forbidden" },
  csrf: { status: 403, title: "Invalid or missing CSRF token" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  slot_unavailable: { status: 409, title: "This slot is no longer available" },
  too_late: { status: 409, title: "Too late to change this booking" },
  already_exists: { status: 409, title: "Already exists" },
  immutable: { status: 409, title: "This document can no longer be changed" },
  payload_too_large: { status: 413, title: "Request body too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  validation: { status: 422, title: "Invalid input" },
  too_many_requests: { status: 429, title: "Too many requests" },
  unavailable: { status: 503, title: "Service unavailable" },
  internal: { status: 500, title: "Internal error" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  readonly code: ProblemCode;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;
  readonly titleOverride: string | undefined;
  constructor(
    code: ProblemCode,
    options: { detail?: string; errors?: FieldError[]; extra?: Record<string, unknown>; title?: string } = {},
  ) {
    super(options.detail ?? PROBLEMS[code].title);
    this.code = code;
    this.detail = options.detail;
    this.errors = options.errors;
    this.extra = options.extra;
    this.titleOverride = options.title;
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  requestId?: string;
  [extension: string]: unknown;
}

export function problemBody(
  error: AppError,
  context: { instance?: string; requestId?: string },
): ProblemBody {
  const { status, title } = PROBLEMS[error.code];
  return {
    type: `/problems/${error.code}`,
    title: error.titleOverride ?? title,
    status,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(context.instance ? { instance: context.instance } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
    ...(context.requestId ? { requestId: context.requestId } : {}),
    ...(error.extra ?? {}),
  };
}

/** zod issues → field errors with dotted paths. */
export function fieldErrorsFromZod(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[],
  prefix = "",
): FieldError[] {
  return issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join(".") || "(body)",
    message: i.message,
    ...(i.code ? { code: i.code } : {}),
  }));
}
