/**
 * The rows of an export a page at a time, from the ids of its list read once, in its order, before
 * the first page. A page continued from the previous one's last row (or its offset) would write a
 * row whose sort key changed meanwhile twice, or never, and a row removed meanwhile would shift the
 * next ones past a page. Each row of the list as it stood is written once, as it is when its page is
 * read; one gone since is left out, one added since is not written.
 */
export async function* pagesOfIds<Row extends { id: string }>(
  ids: readonly string[],
  batch: number,
  /** The rows of these ids still there, in any order. */
  read: (ids: string[]) => Promise<Row[]>,
): AsyncGenerator<Row[]> {
  for (let start = 0; start < ids.length; start += batch) {
    const page = ids.slice(start, start + batch);
    const rows = inIdOrder(page, await read(page));
    if (rows.length > 0) yield rows;
  }
}

/** `rows` in the order of `ids`, leaving out the ids none of them has. */
export function inIdOrder<Row extends { id: string }>(ids: readonly string[], rows: readonly Row[]): Row[] {
  const rowOf = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => rowOf.get(id) ?? []);
}
