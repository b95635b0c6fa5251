// Use case: create an owner (first-run setup page, or `creneau init`).
import { isUniqueViolation } from "../platform/db/database.ts";
import type { AppDeps } from "../platform/deps.ts";
import { AppError } from "../platform/http/problems.ts";
import { validate } from "../platform/http/request-body.ts";
import { hashPassword } from "../platform/security/password.ts";
import { defaultEventType } from "../scheduling/default-event-type.ts";
import { insertEventType } from "../scheduling/event-type-store.ts";
import { ownerInputSchema } from "./owner-input.ts";
import { findOwnerByEmail, findOwnerByHandle, insertOwner, type OwnerRow } from "./store.ts";

type Deps = Pick<AppDeps, "database" | "clock" | "newId">;

export async function createOwner(
  deps: Deps,
  raw: unknown,
  options: { firstRunOnly: boolean },
): Promise<OwnerRow> {
  const input = validate(ownerInputSchema, raw);
  const [byHandle, byEmail] = await Promise.all([
    findOwnerByHandle(deps.database, input.handle),
    findOwnerByEmail(deps.database, input.email),
  ]);
  const taken = [
    ...(byHandle ? [{ path: "handle", message: "is already taken", code: "taken" }] : []),
    ...(byEmail ? [{ path: "email", message: "already has an account", code: "taken" }] : []),
  ];
  if (taken.length)
    throw new AppError("already_exists", {
      detail: "An owner with this handle or email exists.",
      errors: taken,
    });
  const now = deps.clock.now();
  const row: OwnerRow = {
    id: deps.newId(),
    handle: input.handle,
    name: input.name,
    email: input.email,
    timeZone: input.timeZone,
    locale: input.locale,
    passwordHash: await hashPassword(input.password),
    availabilityVersion: 0,
    createdAt: now,
    updatedAt: now,
  };
  let inserted: boolean;
  try {
    inserted = await insertOwner(deps.database, row, { onlyIfNone: options.firstRunOnly });
  } catch (error) {
    // The unique indexes are the real guard; the lookups above only make the message precise.
    if (isUniqueViolation(error)) {
      throw new AppError("already_exists", { detail: "An owner with this handle or email exists." });
    }
    throw error;
  }
  if (!inserted) throw new AppError("already_exists", { detail: "Créneau is already set up." });
  // Every owner starts with a working booking link they can edit.
  await insertEventType(deps.database, {
    id: deps.newId(),
    ownerId: row.id,
    definition: defaultEventType(row.timeZone),
    active: true,
    now,
  });
  return row;
}
