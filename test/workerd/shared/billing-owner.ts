// A new owner ready to invoice: signed up, business identity set, one client with one mission.
import { type AppFetch, expectJson, type OwnerClient, signUp, uniqueHandle } from "./http-client.ts";
import { BUSINESS, CLIENT, missionFor } from "./seed-data.ts";

export async function billingOwner(
  fetch: AppFetch,
  handlePrefix: string,
): Promise<{ owner: OwnerClient; missionId: string }> {
  const owner = await signUp(fetch, uniqueHandle(handlePrefix));
  await expectJson(owner.api("/api/settings/business", { method: "PUT", body: BUSINESS }), 200);
  const client = await expectJson<{ id: string }>(owner.api("/api/clients", { body: CLIENT }), 201);
  const mission = await expectJson<{ id: string }>(
    owner.api("/api/missions", { body: missionFor(client.id) }),
    201,
  );
  return { owner, missionId: mission.id };
}
