import { describe, expect, it } from "vitest";
import { ZFollowUpFilters } from "./list-follow-ups";

describe("ZFollowUpFilters", () => {
  it("reads the board's query string", () => {
    expect(
      ZFollowUpFilters.parse({
        wave: "0190a0c4-1111-7000-8000-000000000001",
        region: "75",
        stage: "WITH_ANS",
        tier: "NATIONAL",
        overdue: "1",
        sort: "region",
        dir: "desc",
        page: "3",
      }),
    ).toEqual({
      wave: "0190a0c4-1111-7000-8000-000000000001",
      region: "75",
      stage: "WITH_ANS",
      tier: "NATIONAL",
      overdue: true,
      sort: "region",
      dir: "desc",
      page: 3,
    });
  });

  it("falls back to no filter, the overdue-first order and the first page on anything malformed", () => {
    expect(
      ZFollowUpFilters.parse({
        wave: "x",
        region: "Bretagne",
        stage: "PAID",
        tier: "ARS",
        overdue: "yes",
        sort: "dueAt",
        dir: "up",
        page: "-2",
      }),
    ).toEqual({ overdue: false, sort: "overdue", dir: "asc", page: 1 });
    expect(ZFollowUpFilters.parse({})).toEqual({ overdue: false, sort: "overdue", dir: "asc", page: 1 });
  });
});
