// Limits every outgoing calendar request lives under, and the errors that say which one was hit.

export interface FetchPolicy {
  /** ALLOW_PRIVATE_TARGETS: loopback and private networks become reachable (tests, intranets) */
  allowPrivate: boolean;
  /** for the whole exchange, redirects included */
  timeoutMs: number;
  /** decompressed body size */
  maxBytes: number;
}

export class ResponseTooLargeError extends Error {}
export class TargetTimeoutError extends Error {}

export const USER_AGENT = "Creneau/0.1 (calendar sync; +https://github.com/creneau)";

/**
 * Defaults: a 10 MB feed is far beyond any real calendar; 20 s lets a slow server answer but keeps one
 * connection from holding a scheduler tick. Tests shorten them through `calendarLimits`.
 */
export const calendarLimits = {
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
};
