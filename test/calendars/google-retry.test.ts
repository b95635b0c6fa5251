// The retry policy for Google on its own: which failures are retried, and how long the waits grow.
import { afterEach, describe, expect, it } from "vitest";
import { backoffDelay, classifyGoogleError, googleRetry } from "../../src/calendars/providers/google-api.ts";

const saved = { ...googleRetry };
afterEach(() => Object.assign(googleRetry, saved));

const failure = (status: number, reason?: string) => ({
  status,
  response: { status, data: { error: { errors: reason ? [{ reason }] : [] } } },
});

describe("Google retry policy", () => {
  it("sorts failures the way Google documents them", () => {
    expect(classifyGoogleError(failure(401)).kind).toBe("unauthorized");
    expect(classifyGoogleError(failure(403, "rateLimitExceeded")).kind).toBe("rate");
    expect(classifyGoogleError(failure(403, "userRateLimitExceeded")).kind).toBe("rate");
    expect(classifyGoogleError(failure(429)).kind).toBe("rate");
    // a 403 for missing permission is not worth retrying
    expect(classifyGoogleError(failure(403, "forbiddenForNonOrganizer")).kind).toBe("other");
    expect(classifyGoogleError(failure(410, "fullSyncRequired")).kind).toBe("gone");
    expect(classifyGoogleError(failure(500)).kind).toBe("server");
    expect(classifyGoogleError(failure(503)).kind).toBe("server");
    expect(classifyGoogleError(new Error("socket hang up")).kind).toBe("network");
  });

  it("waits a random time below an exponential bound, capped", () => {
    googleRetry.random = () => 1;
    expect([0, 1, 2, 3, 4, 5, 6].map(backoffDelay)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    googleRetry.random = () => 0.25;
    expect(backoffDelay(3)).toBe(1000);
    googleRetry.random = Math.random;
    const samples = Array.from({ length: 50 }, () => backoffDelay(2));
    expect(new Set(samples).size).toBeGreaterThan(10);
    expect(samples.every((d) => d >= 0 && d <= 2000)).toBe(true);
  });
});
