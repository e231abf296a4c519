import { describe, expect, it } from "vitest";
import { formatInteger } from "@/lib/format/numbers";
import { accentCheckWarning } from "./decode";

describe("accentCheckWarning", () => {
  it("counts the names it does not list as the page writes numbers, with a thousands separator", () => {
    const names = Array.from({ length: 3000 }, (_, index) => `Jérôme ${index}`);
    const warning = accentCheckWarning(names);
    expect(warning).toMatch(/« Jérôme 19 » et 2\u202f980 autres\.$/);
    expect(warning?.endsWith(` et ${formatInteger(2980)} autres.`)).toBe(true);
    expect(accentCheckWarning(names.slice(0, 21))).toMatch(/« Jérôme 19 » et 1 autre\.$/);
  });
});
