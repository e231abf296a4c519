import { describe, expect, it } from "vitest";
import { pagesOfIds } from "./id-pages";

describe("pagesOfIds", () => {
  it("gives the rows still there in the order of the ids read first, a batch at a time, and no empty page", async () => {
    const stored = new Map(["a", "b", "c", "d", "e"].map((id) => [id, { id, name: id.toUpperCase() }]));
    const asked: string[][] = [];
    const pages: string[][] = [];
    for await (const page of pagesOfIds(["e", "a", "c", "b", "d"], 2, async (ids) => {
      asked.push(ids);
      const rows = ids.flatMap((id) => stored.get(id) ?? []).reverse();
      // Two rows deleted after the first page: the next page is all gone, and not given.
      stored.delete("c");
      stored.delete("b");
      // The database answers in an order of its own.
      return rows;
    }))
      pages.push(page.map((row) => row.name));
    expect(asked).toEqual([["e", "a"], ["c", "b"], ["d"]]);
    expect(pages).toEqual([["E", "A"], ["D"]]);
  });
});
