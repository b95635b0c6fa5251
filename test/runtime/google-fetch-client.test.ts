// The Worker's Calendar API client (src/platform/worker-google-calendar.ts, swapped in for
// @googleapis/calendar by wrangler.toml [alias]) through every Google scenario of the Node suite: the same
// test file runs here with the module replaced, against the same Calendar API fake (sync tokens and 410,
// pages, Meet insert/patch/delete, freeBusy, 401 refresh, rate limits, 5xx storms, revoked grants).
import { vi } from "vitest";

vi.mock("@googleapis/calendar", () => import("../../src/platform/worker-google-calendar.ts"));

await import("../calendars/google-sync.test.ts");
