import { describe, expect, it } from "vitest";
import { keysetPage, keysetWhere, ZPageQuery } from "./schemas";

const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `id-${index}` }));

describe("keyset pagination", () => {
  it("gives a cursor (the last id kept) only when the extra row read says there is a next page", () => {
    expect(keysetPage(rows(3), 2)).toEqual({ rows: rows(2), nextCursor: "id-1" });
    expect(keysetPage(rows(2), 2)).toEqual({ rows: rows(2), nextCursor: null });
    expect(keysetPage([], 2)).toEqual({ rows: [], nextCursor: null });
  });

  it("starts after the cursor, or at the first row", () => {
    expect(keysetWhere("019390a2-7c1e-7d2a-9c57-2b1f0c4e8a11")).toEqual({ id: { gt: "019390a2-7c1e-7d2a-9c57-2b1f0c4e8a11" } });
    expect(keysetWhere(undefined)).toEqual({});
  });

  it("reads 50 rows by default, and refuses a page size outside 1 to 100 or an unknown parameter", () => {
    expect(ZPageQuery.parse({})).toEqual({ limit: 50 });
    expect(ZPageQuery.safeParse({ limit: "0" }).error?.issues[0]?.message).toBe("Au moins 1.");
    expect(ZPageQuery.safeParse({ limit: "101" }).error?.issues[0]?.message).toBe("Au plus 100.");
    expect(ZPageQuery.safeParse({ limit: "dix" }).error?.issues[0]?.message).toBe("Nombre entier attendu.");
    expect(ZPageQuery.safeParse({ offset: "10" }).success).toBe(false);
  });

  it("reads a page size written in digits only: an empty value, an exponent, hexadecimal or spaces are refused", () => {
    expect(ZPageQuery.parse({ limit: "20" })).toEqual({ limit: 20 });
    for (const limit of ["", "1e1", "0x10", " 5", "10.0", "+5"])
      expect(ZPageQuery.safeParse({ limit }).error?.issues[0]?.message, limit).toBe("Nombre entier attendu.");
  });
});
