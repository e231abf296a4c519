import { z } from "zod";

/**
 * A row id as a client may send it (URL segment, form field): any 8-4-4-4-12 hexadecimal string,
 * which is exactly what a PostgreSQL uuid column accepts. Anything else is refused before the
 * query, where it would be a database error rather than « not found ».
 */
export const ZRowId = z.guid();

export function isRowId(value: string): boolean {
  return ZRowId.safeParse(value).success;
}
