import { describe, expect, it } from "vitest";
import { nameFromPsc } from "./psc-name";

describe("the name of an account created through Pro Santé Connect", () => {
  it("is the first name then the last name PSC sends, as the account form asks them", () => {
    expect(nameFromPsc({ given_name: "Camille", family_name: "MARTIN-DUVAL" })).toBe("Camille MARTIN-DUVAL");
    expect(nameFromPsc({ given_name: " Hélène ", family_name: "d’Arras" })).toBe("Hélène d’Arras");
  });

  it("is none when PSC sends no name, or one the account form would refuse", () => {
    expect(nameFromPsc({ family_name: "Martin" })).toBeNull();
    expect(nameFromPsc({})).toBeNull();
    expect(nameFromPsc({ given_name: "Professionnel", family_name: "1012345678" })).toBeNull();
  });
});
