import { describe, expect, it } from "vitest";
import { z } from "zod";
import { filterResetHref, listQueryString, readListFilters, ZPageFilter, ZRegionFilter } from "./list-filters";

const ZFilters = z.object({
  search: z.string().trim().max(10).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  page: z.coerce.number().int().min(1).catch(1),
});

describe("a list page's filters from its query string", () => {
  it("reads the filters a page links to", () => {
    expect(readListFilters(ZFilters, { search: "ehpad", from: "2026-01-01", page: "2" })).toEqual({
      search: "ehpad",
      from: "2026-01-01",
      page: 2,
    });
  });

  it("leaves out a value the schema refuses and keeps the others", () => {
    expect(readListFilters(ZFilters, { search: "x".repeat(11), from: "2026-01-01", page: "3" })).toEqual({ from: "2026-01-01", page: 3 });
    expect(readListFilters(ZFilters, { search: "ehpad", from: "abc" })).toEqual({ search: "ehpad", page: 1 });
  });

  it("removes the NUL character, which PostgreSQL text cannot hold", () => {
    expect(readListFilters(ZFilters, { search: "eh\u0000pad" })).toEqual({ search: "ehpad", page: 1 });
  });

  it("falls back to the defaults when the whole query is refused", () => {
    const ZBoth = ZFilters.refine((filters) => filters.search !== "interdit", { path: [] });
    expect(readListFilters(ZBoth, { search: "interdit" })).toEqual({ page: 1 });
  });
});

describe("a list page's filters as a query string", () => {
  it("keeps the filters set, numbers included, escaped, and leaves out the blank ones", () => {
    expect(listQueryString({ search: "Les Œillets & co", region: undefined, state: "", page: 2 })).toBe(
      "search=Les+%C5%92illets+%26+co&page=2",
    );
    expect(listQueryString({})).toBe("");
  });
});

describe("a list's « Réinitialiser les filtres » address", () => {
  const ZBoard = z.object({
    region: ZRegionFilter,
    activity: z.enum(["actifs", "partis"]).catch("actifs"),
    sort: z.enum(["name", "requested"]).catch("name"),
    dir: z.enum(["asc", "desc"]).catch("asc"),
    page: ZPageFilter,
  });
  const reset = (query: Record<string, string>) =>
    filterResetHref("/liste", ZBoard, readListFilters(ZBoard, query), ["region", "activity"]);

  it("is none while every filter is at its default, even sent back by the form", () => {
    expect(reset({ sort: "requested", dir: "desc" })).toBeUndefined();
    expect(reset({ activity: "actifs", region: "" })).toBeUndefined();
  });

  it("drops the filters and the page, keeps the chosen sort", () => {
    expect(reset({ region: "52", activity: "partis", sort: "requested", dir: "desc", page: "3" })).toBe("/liste?sort=requested&dir=desc");
    expect(reset({ region: "52", sort: "name" })).toBe("/liste");
  });
});
