// Keyset pagination shared by the list endpoints: `?limit=&cursor=`, answered with `{ items, nextCursor }`.
// A cursor is "<sort value>_<id>" of the last item given: stable while rows are added, and never skips
// rows that share a sort value (the id breaks the tie).
import { z } from "zod";

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
