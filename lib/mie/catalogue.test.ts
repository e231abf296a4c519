import { describe, expect, it } from "vitest";
import { isHomologable, MIE_CATALOGUE, MIE_TYPES } from "./catalogue";

describe("MIE catalogue", () => {
  it("says which MIE come with the RPPS number: the e-CPS and the FIDO2 key it validates, not the CPS (CPE / CPF)", () => {
    expect(MIE_TYPES.filter((type) => MIE_CATALOGUE[type].needsRpps)).toEqual(["E_CPS", "FIDO2_PSC"]);
  });

  it("keeps « transition MIE » for two-factor MIE: a password alone is one factor, never a transition MIE", () => {
    expect(MIE_TYPES.filter((type) => MIE_CATALOGUE[type].transitionOnly)).toEqual(["OTP_SMS_EMAIL"]);
    expect(MIE_CATALOGUE.PASSWORD.factors).toBe(1);
  });

  it("offers for homologation the local two-factor MIE beyond the transition only", () => {
    expect(MIE_TYPES.filter((type) => isHomologable(MIE_CATALOGUE[type]))).toEqual([
      "FIDO2_LOCAL",
      "PLATFORM_AUTH",
      "SMART_CARD_LOCAL",
      "TOTP_APP",
    ]);
  });
});
