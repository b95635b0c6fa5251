// Turns whatever stopped a sync into one sentence the owner can act on.
import { DecryptionError } from "../platform/security/encryption.ts";
import { BlockedTargetError } from "./network/address-policy.ts";
import { ResponseTooLargeError, TargetTimeoutError } from "./network/fetch-policy.ts";
import { BrokenConnectionError, SyncFailure } from "./providers/provider.ts";

export function isBroken(error: unknown): boolean {
  return error instanceof BrokenConnectionError || error instanceof DecryptionError;
}

export function describeSyncError(error: unknown): { message: string; expected: boolean } {
  if (error instanceof DecryptionError)
    return {
      message: "the stored credentials cannot be read (SECRET_KEY changed?): reconnect this calendar",
      expected: true,
    };
  if (error instanceof TargetTimeoutError)
    return { message: `the server did not answer in time: ${error.message}`, expected: true };
  if (error instanceof ResponseTooLargeError)
    return { message: `too much data: ${error.message}`, expected: true };
  if (
    error instanceof BlockedTargetError ||
    error instanceof SyncFailure ||
    error instanceof BrokenConnectionError
  )
    return { message: error.message, expected: true };
  const code = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  if (code === "ECONNREFUSED")
    return { message: "the server refused the connection (is it running?)", expected: true };
  if (code === "ENOTFOUND") return { message: "this server name does not exist", expected: true };
  if (code === "ECONNRESET" || code === "EPIPE")
    return { message: "the server closed the connection", expected: true };
  if (typeof code === "string" && /CERT|SSL|TLS/.test(code))
    return { message: `the server's certificate is not valid (${code})`, expected: true };
  return {
    message: `unexpected error: ${String((error as Error)?.message ?? error).slice(0, 200)}`,
    expected: false,
  };
}
