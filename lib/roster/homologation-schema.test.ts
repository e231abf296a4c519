import { describe, expect, it } from "vitest";
import { homologationStatus } from "./homologation-schema";

describe("a homologation as the roster page lists it", () => {
  it("agrees with the MIE's name", () => {
    expect(homologationStatus("FIDO2_LOCAL", "2026-12-07", "2026-12-07")).toBe("homologuée le 07/12/2026");
    expect(homologationStatus("PLATFORM_AUTH", "2025-01-01", "2026-12-07")).toBe("homologué le 01/01/2025");
  });

  it("announces a decision dated after today rather than saying it is made", () => {
    expect(homologationStatus("TOTP_APP", "2027-01-01", "2026-12-07")).toBe("homologation prévue le 01/01/2027");
  });
});
