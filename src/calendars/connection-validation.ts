// Validation failures of connection requests, as 422 problems naming the field.
import type { AppDeps } from "../platform/deps.ts";
import { AppError } from "../platform/http/problems.ts";
import { BlockedTargetError, checkTargetUrl } from "./network/address-policy.ts";

export function invalid(path: string, message: string): AppError {
  return new AppError("validation", { detail: message, errors: [{ path, message }] });
}

export function checkedUrl(deps: AppDeps, raw: string, path = "url"): string {
  try {
    return checkTargetUrl(raw, deps.config.allowPrivateTargets).href;
  } catch (error) {
    if (error instanceof BlockedTargetError) throw invalid(path, error.message);
    throw error;
  }
}
