// Keyset pagination shared by the list endpoints: `?limit=&cursor=`, answered with `{ items, nextCursor }`.
// A cursor is "<sort value>_<id>" of the last item given: stable while rows are added, and never skips
// rows that share a sort value (the id breaks the tie).
import * as z from "zod";

export interface PageCursor {
  /** the sort value of the last item given (an instant in ms, or a sequence number) */
  at: number;
  id: string;
}

export const cursorSchema = z
  .string()
  .regex(/^-?\d{1,16}_[\w.:-]{1,100}$/, "is not a cursor this API gave")
  .transform((s): PageCursor => {
    const cut = s.indexOf("_");
    return { at: Number(s.slice(0, cut)), id: s.slice(cut + 1) };
  })
  .meta({ description: "nextCursor from the previous page" });

export function limitSchema(byDefault: number, max: number) {
  return z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .default(byDefault)
    .meta({ description: `items per page (at most ${max})` });
}

export function encodeCursor(cursor: PageCursor): string {
  return `${cursor.at}_${cursor.id}`;
}

/** Rows were fetched with limit + 1: the extra one only says that a next page exists. */
export function page<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => PageCursor,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = rows.length > limit ? items[items.length - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor(keyOf(last)) : null };
}

/** A position in a list sorted by some key then id, for the small lists paged after reading them whole. */
export interface ListPosition {
  key: string | number;
  id: string;
}

export const positionCursorSchema = z
  .string()
  .max(400)
  .transform((s, ctx): ListPosition => {
    try {
      const [key, id] = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as unknown[];
      if ((typeof key === "string" || typeof key === "number") && typeof id === "string") return { key, id };
    } catch {
      // answered below
    }
    ctx.addIssue({ code: "custom", message: "is not a cursor this API gave" });
    return z.NEVER;
  })
  .meta({ description: "nextCursor from the previous page" });

/**
 * Pages a list that is small enough to read whole (an owner's booking links, clients, calendars): sorted by
 * (key, id), then cut after the cursor's position, so pages stay stable while rows are added.
 */
export function pageSorted<T>(
  rows: T[],
  options: { limit: number; cursor?: ListPosition; direction: "asc" | "desc" },
  position: (row: T) => ListPosition,
): { items: T[]; nextCursor: string | null } {
  const sign = options.direction === "asc" ? 1 : -1;
  const compare = (a: ListPosition, b: ListPosition) =>
    sign * (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sorted = [...rows].sort((a, b) => compare(position(a), position(b)));
  const after = options.cursor;
  const rest = after ? sorted.filter((row) => compare(position(row), after) > 0) : sorted;
  const items = rest.slice(0, options.limit);
  const last = rest.length > options.limit ? items[items.length - 1] : undefined;
  if (!last) return { items, nextCursor: null };
  const p = position(last);
  return { items, nextCursor: Buffer.from(JSON.stringify([p.key, p.id]), "utf8").toString("base64url") };
}
