import { describe, expect, it } from "vitest";
import { compactIdentifier } from "./compact";
import { checkFiness, isValidFiness, normalizeFiness, withFinessKey } from "./finess";
import { luhnCheckDigit, passesLuhn } from "./luhn";
import { checkRpps, isAdeliNumber, isValidRpps, readRpps, rppsFromNationalId, withRppsKey } from "./rpps";
import { checkSiret, isValidSiren, isValidSiret, withSiretKey } from "./siret";

describe("Luhn", () => {
  it.each([
    ["79927398713", true],
    ["79927398710", false],
    ["0", true],
    ["", false],
    ["12a4", false],
  ])("%s passes: %s", (digits, expected) => {
    expect(passesLuhn(digits)).toBe(expected);
  });

  it("computes the key that makes a body pass", () => {
    expect(luhnCheckDigit("7992739871")).toBe("3");
  });
});

describe("what people type between digit groups", () => {
  it("drops spaces, non-breaking and narrow non-breaking spaces, tabs and dots, and nothing else", () => {
    expect(compactIdentifier(" 732.829\u00a0320\u202f000\t17 ")).toBe("73282932000017");
    expect(compactIdentifier("2a-0001238")).toBe("2a-0001238");
  });
});

describe("FINESS", () => {
  it.each(["750712184", "690781810", "130783236"])("accepts the real number %s", (finess) => {
    expect(isValidFiness(finess)).toBe(true);
  });

  it("tells a wrong check key from a wrong format", () => {
    expect(checkFiness("750712185")).toBe("checkKey");
    expect(checkFiness("690781811")).toBe("checkKey");
    expect(checkFiness("75071218")).toBe("format");
    expect(checkFiness("7507121A4")).toBe("format");
    expect(checkFiness("2C0001238")).toBe("format");
  });

  it("accepts Corsican departments, reading 2A and 2B as 20 for the key", () => {
    expect(withFinessKey("2A000123")).toBe("2A0001238");
    expect(withFinessKey("2B000123")).toBe("2B0001238");
    expect(isValidFiness("2A0001238")).toBe(true);
    expect(isValidFiness("2A0001237")).toBe(false);
  });

  it("starts with an existing department: 01–19, 2A, 2B, 21–95, or 97 and a digit overseas", () => {
    for (const department of ["01", "19", "21", "95", "971", "974", "976"]) {
      expect(checkFiness(withFinessKey(department + "0".repeat(7 - department.length) + "1")), department).toBeNull();
    }
    // Real overseas numbers of the FINESS directory (etalab extract): they start 970.
    expect(isValidFiness("970100012")).toBe(true);
    expect(isValidFiness("970102018")).toBe(true);
    for (const department of ["00", "20", "96", "98", "99"]) {
      expect(checkFiness(withFinessKey(`${department}000001`)), department).toBe("department");
    }
    expect(checkFiness("000000000")).toBe("department");
  });

  it("normalises what people type (spaces, dots, lower-case letters)", () => {
    expect(normalizeFiness(" 2a0 001 238 ")).toBe("2A0001238");
    expect(normalizeFiness("75.071.218.4")).toBe("750712184");
    expect(isValidFiness(" 2a0 001 238 ")).toBe(true);
  });
});

describe("RPPS", () => {
  it("accepts 11 digits with their Luhn key", () => {
    expect(withRppsKey("1000000000")).toBe("10000000009");
    expect(isValidRpps("10000000009")).toBe(true);
  });

  it.each(["10000000008", "1000000000", "100000000090", "1000000000a"])("refuses %s", (value) => {
    expect(isValidRpps(value)).toBe(false);
  });

  it("refuses eleven zeros, though they pass Luhn", () => {
    expect(checkRpps("00000000000")).toBe("zeros");
    expect(rppsFromNationalId("800000000000")).toBeNull();
  });

  it("reads the national PP identifier (8 + RPPS) that Pro Santé Connect sends", () => {
    expect(rppsFromNationalId("810012345673")).toBe("10012345673");
    expect(rppsFromNationalId(" 10012345673 ")).toBe("10012345673");
    expect(rppsFromNationalId("810012345674")).toBeNull();
    expect(rppsFromNationalId("0123456789")).toBeNull(); // ADELI identifier
  });

  it("reads what a person types as an RPPS, without checking it: digit groups, or the national identifier", () => {
    expect(readRpps("810 012 345 673")).toBe("10012345673");
    expect(readRpps("100.123.456.73")).toBe("10012345673");
    expect(readRpps("810012345674")).toBe("10012345674"); // checkRpps then says the key is wrong
    expect(readRpps("0123456789")).toBe("0123456789");
  });

  it("knows an ADELI number, alone or as a national identifier (0 + ADELI), to say what it is", () => {
    expect(isAdeliNumber("123456782")).toBe(true);
    expect(isAdeliNumber("0123456782")).toBe(true);
    expect(isAdeliNumber("123456783")).toBe(false); // wrong key
    expect(isAdeliNumber("000000000")).toBe(false);
    expect(isAdeliNumber(withRppsKey("1000000000"))).toBe(false);
  });
});

describe("SIREN and SIRET", () => {
  it("accepts Luhn-valid numbers and refuses others", () => {
    expect(isValidSiren("732829320")).toBe(true);
    expect(isValidSiren("732829321")).toBe(false);
    expect(withSiretKey("7328293200001")).toBe("73282932000017");
    expect(isValidSiret("73282932000017")).toBe(true);
    expect(isValidSiret("73282932000018")).toBe(false);
    expect(isValidSiret("7328293200001")).toBe(false);
  });

  it("refuses numbers made only of zeros, though they pass Luhn", () => {
    expect(isValidSiren("000000000")).toBe(false);
    expect(checkSiret("00000000000000")).toBe("zeros");
  });

  it("needs a valid SIREN in a SIRET's first nine digits, even when the 14 digits pass Luhn", () => {
    // 732829321 is not a SIREN; completed to pass Luhn over 14 digits, it is still refused.
    const siret = withSiretKey("7328293210001");
    expect(checkSiret(siret)).toBe("siren");
    expect(checkSiret("73282932000017")).toBeNull();
  });

  it("uses the digit-sum rule for La Poste's establishments, and Luhn for its head office", () => {
    expect(isValidSiret("35600000049837")).toBe(true); // digits sum to 45
    expect(isValidSiret("35600000049838")).toBe(false); // 46
    expect(isValidSiret("35600000000048")).toBe(true); // head office: passes Luhn, digits sum to 26
  });
});
