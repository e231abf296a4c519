import { describe, expect, it } from "vitest";
import { capitalize } from "./capitalize";

describe("capitalize", () => {
  it("puts the first letter in capitals, accented ones too, and leaves the rest and an empty text as they are", () => {
    expect(capitalize("lien de démonstration")).toBe("Lien de démonstration");
    expect(capitalize("établissement")).toBe("Établissement");
    expect(capitalize("")).toBe("");
  });
});
