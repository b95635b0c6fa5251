// Types for the workerd test files (the rest of the project is typed for Node).
declare module "cloudflare:test" {
  export const env: Record<string, unknown>;
  export const SELF: { fetch(input: string | Request, init?: RequestInit): Promise<Response> };
  export function applyD1Migrations(db: unknown, migrations: unknown[]): Promise<void>;
  export function createExecutionContext(): { waitUntil(p: Promise<unknown>): void };
  export function waitOnExecutionContext(ctx: unknown): Promise<void>;
  export function createScheduledController(options?: { scheduledTime?: number; cron?: string }): unknown;
}
type D1Database = unknown;
type D1Migration = unknown;
