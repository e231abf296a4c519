import { describe, expect, it } from "vitest";
import { versionOfValues } from "./use-known-version";

describe("versionOfValues", () => {
  it("is the version the form mounted with while nothing was saved from the page", () => {
    expect(versionOfValues(3, new Map())).toBe(3);
  });

  it("follows the page's own saves from that version: two saves in a row are both accepted", () => {
    expect(versionOfValues(3, new Map([[3, 4]]))).toBe(4);
    expect(
      versionOfValues(
        3,
        new Map([
          [3, 4],
          [4, 5],
        ]),
      ),
    ).toBe(5);
  });

  it("never skips a version saved elsewhere: the form's values are older than it", () => {
    // The form mounted on 3; someone else saved 3 → 4, then another form of the page, mounted on 4,
    // saved 4 → 5: this form's values are still those of 3.
    expect(versionOfValues(3, new Map([[4, 5]]))).toBe(3);
  });

  it("takes a save that changed nothing as no step", () => {
    expect(versionOfValues(3, new Map([[3, 3]]))).toBe(3);
  });
});
