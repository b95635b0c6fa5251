// Use cases behind the API and the dashboard: register an endpoint, change it, replay a delivery.
import type { AppDeps } from "../platform/deps.ts";
import { AppError } from "../platform/http/problems.ts";
import { encryptSecret } from "../platform/security/encryption.ts";
import { randomToken } from "../platform/security/tokens.ts";
import { type DeliveryRow, getDelivery, insertReplay } from "./delivery-queries.ts";
import { type EndpointRow, getEndpoint, insertEndpointUnderCap, updateEndpoint } from "./endpoint-store.ts";
import { nudgeDelivery } from "./nudge.ts";
import { checkWebhookUrl } from "./target-url.ts";

export const SECRET_PREFIX = "whsec_";
/** A freelancer's integrations fit in a handful; the cap keeps a leaked key from fanning out without end. */
export const MAX_ENDPOINTS = 20;

function newSecret(): string {
  return `${SECRET_PREFIX}${randomToken(24)}`;
}

function checkedUrl(deps: AppDeps, raw: string): string {
  const check = checkWebhookUrl(raw, deps.config.allowPrivateTargets);
  if (!check.ok) throw new AppError("validation", { errors: [{ path: "url", message: check.message }] });
  return check.url;
}

export async function createEndpoint(
  deps: AppDeps,
  ownerId: string,
  input: { url: string; events: string[]; description?: string },
): Promise<{ endpoint: EndpointRow; secret: string }> {
  const url = checkedUrl(deps, input.url);
  const id = deps.newId();
  const secret = newSecret();
  const now = deps.clock.now();
  const endpoint: EndpointRow = {
    id,
    ownerId,
    url,
    description: input.description || null,
    events: input.events,
    sealedSecret: encryptSecret(deps.config.secretKey, secret, id),
    status: "active",
    disabledReason: null,
    failingSince: null,
    lastSuccessAt: null,
    createdAt: now,
    updatedAt: now,
  };
  if (!(await insertEndpointUnderCap(deps.database, endpoint, MAX_ENDPOINTS)))
    throw new AppError("conflict", {
      detail: `You have ${MAX_ENDPOINTS} endpoints already; delete one first.`,
    });
  return { endpoint, secret };
}

export async function changeEndpoint(
  deps: AppDeps,
  existing: EndpointRow,
  patch: {
    url?: string;
    events?: string[];
    description?: string | null;
    status?: "active" | "disabled";
    rotateSecret?: boolean;
  },
): Promise<{ endpoint: EndpointRow; secret?: string }> {
  const secret = patch.rotateSecret ? newSecret() : undefined;
  await updateEndpoint(
    deps.database,
    existing.ownerId,
    existing.id,
    {
      ...(patch.url !== undefined ? { url: checkedUrl(deps, patch.url) } : {}),
      ...(patch.events !== undefined ? { events: patch.events } : {}),
      ...(patch.description !== undefined ? { description: patch.description || null } : {}),
      ...(patch.status !== undefined && patch.status !== existing.status ? { status: patch.status } : {}),
      ...(secret ? { sealedSecret: encryptSecret(deps.config.secretKey, secret, existing.id) } : {}),
    },
    deps.clock.now(),
  );
  const endpoint = (await getEndpoint(deps.database, existing.ownerId, existing.id))!;
  return secret ? { endpoint, secret } : { endpoint };
}

export async function replayDelivery(
  deps: AppDeps,
  ownerId: string,
  deliveryId: string,
): Promise<DeliveryRow> {
  const original = await getDelivery(deps.database, ownerId, deliveryId);
  if (!original) throw new AppError("not_found", { detail: "No such delivery." });
  const endpoint = await getEndpoint(deps.database, ownerId, original.endpointId);
  if (endpoint?.status !== "active")
    throw new AppError("conflict", { detail: "This endpoint is disabled: enable it before replaying." });
  const replayId = deps.newId();
  if (!(await insertReplay(deps.database, original, replayId, deps.clock.now())))
    throw new AppError("conflict", {
      detail: "This event is still on its way to this endpoint; replay it once that delivery has finished.",
    });
  nudgeDelivery(deps);
  return (await getDelivery(deps.database, ownerId, replayId))!;
}
