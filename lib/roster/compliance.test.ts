import { describe, expect, it } from "vitest";
import type { MieType } from "@/lib/db/generated/enums";
import { withRppsKey } from "@/lib/identifiers/rpps";
import {
  evaluateProfessional,
  type EstablishmentContext,
  type MissingCode,
  type ProfessionalCompliance,
  type EnrollmentFacts,
  type ProfessionalFacts,
} from "./compliance";

const RPPS = withRppsKey("1000000000");

function mie(type: MieType, enrolledAt: string, expiresAt: string | null = null, revokedAt: string | null = null): EnrollmentFacts {
  return { type, enrolledAt, expiresAt, revokedAt };
}

/** A registered nurse, identity checked face to face, who needs the DMP and the DPI, with an e-CPS. */
function professional(overrides: Partial<ProfessionalFacts> = {}): ProfessionalFacts {
  return {
    rpps: RPPS,
    rppsStatus: "REGISTERED",
    rppsCheckedAt: "2025-06-01",
    identityVerification: "FACE_TO_FACE",
    activityStart: "2020-01-01",
    activityEnd: null,
    needsDmp: true,
    needsDpi: true,
    needsPscServices: false,
    needsSecureMessaging: false,
    population: "SALARIED",
    professionCode: "60",
    enrollments: [mie("E_CPS", "2024-01-01")],
    ...overrides,
  };
}

function establishment(overrides: Partial<EstablishmentContext> = {}): EstablishmentContext {
  return { homologations: {}, idpFederatedWithPsc: false, usesAirSimplifie: false, entitlementProcedureAdoptedOn: null, ...overrides };
}

type Verdicts = Omit<ProfessionalCompliance, "missing">;
const ALL_GOOD: Verdicts = {
  active: true,
  registered: true,
  identitySubstantial: true,
  rieCompliant: true,
  localAccessOnly: false,
  dmpReady: true,
  rppsCheckOverdue: false,
};

type Case = {
  name: string;
  professional?: Partial<ProfessionalFacts>;
  establishment?: Partial<EstablishmentContext>;
  at: string;
  expect?: Partial<Verdicts>;
  missing: MissingCode[];
};

const only = (...enrollments: EnrollmentFacts[]) => ({ enrollments });
const FIDO2_LOCAL = mie("FIDO2_LOCAL", "2024-06-01");
const OTP = mie("OTP_SMS_EMAIL", "2022-01-01");
const PASSWORD = mie("PASSWORD", "2019-01-01");

const cases: Case[] = [
  { name: "registered nurse with an e-CPS", at: "2026-03-01", missing: [] },
  // Registration
  {
    name: "not registered, no MIE",
    professional: { rpps: null, rppsStatus: "NOT_REGISTERED", enrollments: [] },
    at: "2026-03-01",
    expect: { registered: false, rieCompliant: false, dmpReady: false },
    missing: ["RPPS_NOT_REGISTERED", "NO_COMPLIANT_MIE", "DMP_UNREACHABLE"],
  },
  {
    name: "registration requested",
    professional: { rpps: null, rppsStatus: "REQUESTED" },
    at: "2026-03-01",
    // The e-CPS comes with the RPPS number: it cannot be in force while the request is pending.
    expect: { registered: false, rieCompliant: false, dmpReady: false },
    missing: ["RPPS_REQUESTED", "MIE_WITHOUT_RPPS", "DMP_UNREACHABLE"],
  },
  {
    name: "registered without a number",
    professional: { rpps: null },
    at: "2026-03-01",
    expect: { registered: false, rieCompliant: false, dmpReady: false },
    missing: ["RPPS_NUMBER_MISSING", "MIE_WITHOUT_RPPS", "DMP_UNREACHABLE"],
  },
  {
    name: "registered with a wrong check key",
    professional: { rpps: "10000000008" },
    at: "2026-03-01",
    expect: { registered: false, rieCompliant: false, dmpReady: false },
    missing: ["RPPS_NUMBER_INVALID", "MIE_WITHOUT_RPPS", "DMP_UNREACHABLE"],
  },
  {
    name: "registered with 10 digits",
    professional: { rpps: "1000000000" },
    at: "2026-03-01",
    expect: { registered: false, rieCompliant: false, dmpReady: false },
    missing: ["RPPS_NUMBER_INVALID", "MIE_WITHOUT_RPPS", "DMP_UNREACHABLE"],
  },
  // MIE that come with the RPPS number
  {
    name: "not registered, with an e-CPS: it cannot be in force",
    professional: { rpps: null, rppsStatus: "NOT_REGISTERED" },
    at: "2026-03-01",
    expect: { registered: false, rieCompliant: false, dmpReady: false },
    missing: ["RPPS_NOT_REGISTERED", "MIE_WITHOUT_RPPS", "DMP_UNREACHABLE"],
  },
  {
    name: "not registered, with a FIDO2 key enrolled in PSC and an e-CPS",
    professional: { rpps: null, rppsStatus: "NOT_REGISTERED", ...only(mie("FIDO2_PSC", "2026-01-15"), mie("E_CPS", "2025-01-01")) },
    at: "2026-03-01",
    expect: { registered: false, rieCompliant: false, dmpReady: false },
    missing: ["RPPS_NOT_REGISTERED", "MIE_WITHOUT_RPPS", "MIE_WITHOUT_RPPS", "DMP_UNREACHABLE"],
  },
  {
    name: "valid number but registration only requested, with an e-CPS",
    professional: { rppsStatus: "REQUESTED" },
    at: "2026-03-01",
    expect: { registered: false, rieCompliant: false, dmpReady: false },
    missing: ["RPPS_REQUESTED", "MIE_WITHOUT_RPPS", "DMP_UNREACHABLE"],
  },
  {
    name: "not registered, with a staff CPS card (CPE / CPF exist without RPPS)",
    professional: { rpps: null, rppsStatus: "NOT_REGISTERED", ...only(mie("CPS", "2025-01-01")) },
    at: "2026-03-01",
    expect: { registered: false },
    missing: ["RPPS_NOT_REGISTERED"],
  },
  {
    name: "not registered, an e-CPS beside a homologated local key with a federated IdP",
    professional: { rpps: null, rppsStatus: "NOT_REGISTERED", ...only(mie("E_CPS", "2025-01-01"), FIDO2_LOCAL) },
    establishment: { homologations: { FIDO2_LOCAL: "2025-01-01" }, idpFederatedWithPsc: true },
    at: "2026-03-01",
    expect: { registered: false },
    missing: ["RPPS_NOT_REGISTERED"],
  },
  // Identity
  {
    name: "identity by remote scan (faible)",
    professional: { identityVerification: "REMOTE_ID_SCAN" },
    at: "2026-03-01",
    expect: { identitySubstantial: false },
    missing: ["IDENTITY_LOW"],
  },
  {
    name: "identity never checked",
    professional: { identityVerification: "NONE" },
    at: "2026-03-01",
    expect: { identitySubstantial: false },
    missing: ["IDENTITY_NOT_VERIFIED"],
  },
  { name: "identity by PVID substantiel", professional: { identityVerification: "PVID_SUBSTANTIAL" }, at: "2026-03-01", missing: [] },
  { name: "identity by FranceConnect+", professional: { identityVerification: "FRANCECONNECT_PLUS" }, at: "2026-03-01", missing: [] },
  { name: "identity by CNIe chip", professional: { identityVerification: "CNIE_CHIP" }, at: "2026-03-01", missing: [] },
  // The 2026 rule: transition MIE
  {
    name: "OTP by SMS on 2025-12-31",
    professional: only(OTP),
    at: "2025-12-31",
    expect: { rieCompliant: true, dmpReady: false },
    missing: ["DMP_UNREACHABLE"],
  },
  {
    name: "OTP by SMS on 2026-01-01",
    professional: only(OTP),
    at: "2026-01-01",
    expect: { rieCompliant: false, dmpReady: false },
    missing: ["TRANSITION_MIE_ENDED", "DMP_UNREACHABLE"],
  },
  {
    name: "OTP by SMS with AIR simplifié on 2025-12-31",
    professional: only(OTP),
    establishment: { usesAirSimplifie: true },
    at: "2025-12-31",
    missing: [],
  },
  {
    name: "OTP by SMS with AIR simplifié on 2026-01-01",
    professional: only(OTP),
    establishment: { usesAirSimplifie: true },
    at: "2026-01-01",
    expect: { rieCompliant: false, dmpReady: false },
    missing: ["TRANSITION_MIE_ENDED", "DMP_UNREACHABLE"],
  },
  {
    name: "password alone on 2025-12-31: local access only",
    professional: only(PASSWORD),
    at: "2025-12-31",
    expect: { rieCompliant: false, localAccessOnly: true, dmpReady: false },
    missing: ["PASSWORD_LOCAL_ACCESS_ONLY", "DMP_UNREACHABLE"],
  },
  {
    name: "password alone on 2026-01-01",
    professional: only(PASSWORD),
    at: "2026-01-01",
    expect: { rieCompliant: false, localAccessOnly: false, dmpReady: false },
    missing: ["ONE_FACTOR_MIE", "DMP_UNREACHABLE"],
  },
  {
    name: "password beside a CPS card",
    professional: only(PASSWORD, mie("CPS", "2024-01-01")),
    at: "2025-12-31",
    expect: { localAccessOnly: false },
    missing: [],
  },
  // Local MIE and homologation
  {
    name: "unhomologated local FIDO2 key on 2025-12-31 (transition)",
    professional: only(FIDO2_LOCAL),
    at: "2025-12-31",
    expect: { rieCompliant: true, dmpReady: false },
    missing: ["DMP_UNREACHABLE"],
  },
  {
    name: "unhomologated local FIDO2 key on 2026-01-01",
    professional: only(FIDO2_LOCAL),
    at: "2026-01-01",
    expect: { rieCompliant: false, dmpReady: false },
    missing: ["LOCAL_MIE_NOT_HOMOLOGATED", "DMP_UNREACHABLE"],
  },
  {
    name: "unhomologated local FIDO2 key with a federated IdP on 2025-12-31",
    professional: only(FIDO2_LOCAL),
    establishment: { idpFederatedWithPsc: true },
    at: "2025-12-31",
    missing: [],
  },
  {
    name: "homologated local FIDO2 key, IdP not federated",
    professional: only(FIDO2_LOCAL),
    establishment: { homologations: { FIDO2_LOCAL: "2025-09-01" } },
    at: "2026-03-01",
    expect: { rieCompliant: true, dmpReady: false },
    missing: ["DMP_UNREACHABLE"],
  },
  {
    name: "homologated local FIDO2 key, IdP federated with PSC",
    professional: only(FIDO2_LOCAL),
    establishment: { homologations: { FIDO2_LOCAL: "2025-09-01" }, idpFederatedWithPsc: true },
    at: "2026-03-01",
    missing: [],
  },
  {
    name: "homologation dated after the day",
    professional: only(FIDO2_LOCAL),
    establishment: { homologations: { FIDO2_LOCAL: "2026-06-01" }, idpFederatedWithPsc: true },
    at: "2026-03-01",
    expect: { rieCompliant: false, dmpReady: false },
    missing: ["LOCAL_MIE_NOT_HOMOLOGATED", "DMP_UNREACHABLE"],
  },
  {
    name: "homologation dated on the day",
    professional: only(FIDO2_LOCAL),
    establishment: { homologations: { FIDO2_LOCAL: "2026-03-01" }, idpFederatedWithPsc: true },
    at: "2026-03-01",
    missing: [],
  },
  {
    name: "homologation of another type does not count",
    professional: only(mie("TOTP_APP", "2025-01-01")),
    establishment: { homologations: { FIDO2_LOCAL: "2025-01-01" }, idpFederatedWithPsc: true },
    at: "2026-03-01",
    expect: { rieCompliant: false, dmpReady: false },
    missing: ["LOCAL_MIE_NOT_HOMOLOGATED", "DMP_UNREACHABLE"],
  },
  {
    name: "homologated TOTP app beside an ended OTP",
    professional: only(OTP, mie("TOTP_APP", "2025-01-01")),
    establishment: { homologations: { TOTP_APP: "2025-01-01" }, usesAirSimplifie: true },
    at: "2026-03-01",
    missing: [],
  },
  {
    name: "OTP and unhomologated smart card after the deadline",
    professional: only(OTP, mie("SMART_CARD_LOCAL", "2023-01-01")),
    at: "2026-01-01",
    expect: { rieCompliant: false, dmpReady: false },
    missing: ["TRANSITION_MIE_ENDED", "LOCAL_MIE_NOT_HOMOLOGATED", "DMP_UNREACHABLE"],
  },
  {
    name: "OTP by SMS « homologated » after the deadline: transition-only wins",
    professional: only(OTP),
    establishment: { homologations: { OTP_SMS_EMAIL: "2025-01-01" }, usesAirSimplifie: true },
    at: "2026-01-01",
    expect: { rieCompliant: false, dmpReady: false },
    missing: ["TRANSITION_MIE_ENDED", "DMP_UNREACHABLE"],
  },
  {
    name: "homologated Windows Hello with a federated IdP",
    professional: only(mie("PLATFORM_AUTH", "2025-10-01")),
    establishment: { homologations: { PLATFORM_AUTH: "2025-11-15" }, idpFederatedWithPsc: true },
    at: "2026-01-01",
    missing: [],
  },
  { name: "FIDO2 key enrolled in PSC", professional: only(mie("FIDO2_PSC", "2026-01-15")), at: "2026-03-01", missing: [] },
  {
    name: "Carte Vitale app without AIR simplifié",
    professional: only(mie("APCV", "2025-01-01")),
    at: "2026-03-01",
    expect: { rieCompliant: true, dmpReady: false },
    missing: ["DMP_UNREACHABLE"],
  },
  {
    name: "Carte Vitale app with AIR simplifié",
    professional: only(mie("APCV", "2025-01-01")),
    establishment: { usesAirSimplifie: true },
    at: "2026-03-01",
    missing: [],
  },
  // Enrollment dates
  {
    name: "e-CPS expiring on the day",
    professional: only(mie("E_CPS", "2023-03-01", "2026-03-01")),
    at: "2026-03-01",
    expect: { rieCompliant: false, dmpReady: false },
    missing: ["MIE_EXPIRED", "DMP_UNREACHABLE"],
  },
  { name: "e-CPS expiring the next day", professional: only(mie("E_CPS", "2023-03-02", "2026-03-02")), at: "2026-03-01", missing: [] },
  {
    name: "CPS card revoked before the day",
    professional: only(mie("CPS", "2023-01-01", "2027-01-01", "2026-02-01")),
    at: "2026-03-01",
    expect: { rieCompliant: false, dmpReady: false },
    missing: ["MIE_REVOKED", "DMP_UNREACHABLE"],
  },
  {
    name: "e-CPS enrolled after the day",
    professional: only(mie("E_CPS", "2026-03-02")),
    at: "2026-03-01",
    expect: { rieCompliant: false, dmpReady: false },
    missing: ["MIE_NOT_YET_VALID", "DMP_UNREACHABLE"],
  },
  { name: "e-CPS enrolled on the day", professional: only(mie("E_CPS", "2026-03-01")), at: "2026-03-01", missing: [] },
  // Activity
  {
    name: "activity ended the day before",
    professional: { activityEnd: "2026-02-28" },
    at: "2026-03-01",
    expect: { active: false, rieCompliant: false, dmpReady: false },
    missing: [],
  },
  { name: "last day of activity", professional: { activityEnd: "2026-03-01" }, at: "2026-03-01", missing: [] },
  {
    name: "activity starting later",
    professional: { activityStart: "2026-04-01", identityVerification: "NONE" },
    at: "2026-03-01",
    expect: { active: false, identitySubstantial: false, rieCompliant: false, dmpReady: false },
    missing: [],
  },
  // Needs
  {
    name: "no MIE, needs the DPI but not the DMP",
    professional: { needsDmp: false, enrollments: [] },
    at: "2026-03-01",
    expect: { rieCompliant: false, dmpReady: false },
    missing: ["NO_COMPLIANT_MIE"],
  },
  {
    name: "no MIE, needs only secure messaging",
    professional: { needsDmp: false, needsDpi: false, needsSecureMessaging: true, enrollments: [] },
    at: "2026-03-01",
    expect: { rieCompliant: false, dmpReady: false },
    missing: ["NO_COMPLIANT_MIE"],
  },
  {
    name: "no MIE, needs no digital service",
    professional: { needsDmp: false, needsDpi: false, enrollments: [] },
    at: "2026-03-01",
    expect: { rieCompliant: false, dmpReady: false },
    missing: [],
  },
  // RPPS link check
  { name: "RPPS checked exactly two years before", professional: { rppsCheckedAt: "2024-03-01" }, at: "2026-03-01", missing: [] },
  {
    name: "RPPS checked two years and a day before",
    professional: { rppsCheckedAt: "2024-03-01" },
    at: "2026-03-02",
    expect: { rppsCheckOverdue: true },
    missing: ["RPPS_CHECK_OVERDUE"],
  },
  {
    name: "RPPS checked on 29 February",
    professional: { rppsCheckedAt: "2024-02-29" },
    at: "2026-03-01",
    expect: { rppsCheckOverdue: true },
    missing: ["RPPS_CHECK_OVERDUE"],
  },
  {
    name: "RPPS link never checked",
    professional: { rppsCheckedAt: null },
    at: "2026-03-01",
    expect: { rppsCheckOverdue: true },
    missing: ["RPPS_CHECK_OVERDUE"],
  },
  {
    name: "unregistered professional: no RPPS link to check",
    professional: { rpps: null, rppsStatus: "NOT_REGISTERED", rppsCheckedAt: null, enrollments: [mie("FIDO2_LOCAL", "2025-01-01")] },
    establishment: { homologations: { FIDO2_LOCAL: "2025-01-01" }, idpFederatedWithPsc: true },
    at: "2026-03-01",
    expect: { registered: false, rppsCheckOverdue: false, rieCompliant: true, dmpReady: true },
    missing: ["RPPS_NOT_REGISTERED"],
  },
];

describe("evaluateProfessional", () => {
  it.each(cases)("$name ($at)", (testCase) => {
    const result = evaluateProfessional(professional(testCase.professional), establishment(testCase.establishment), testCase.at);
    const { missing, ...verdicts } = result;
    const expectedMissing = testCase.missing;
    expect(verdicts).toEqual({
      ...ALL_GOOD,
      ...(expectedMissing.includes("RPPS_CHECK_OVERDUE") ? { rppsCheckOverdue: true } : {}),
      ...testCase.expect,
    });
    expect(missing.map((item) => item.code)).toEqual(expectedMissing);
  });

  it("accepts Prisma's Dates (UTC midnight) as well as strings", () => {
    const result = evaluateProfessional(
      professional({
        activityStart: new Date("2020-01-01T00:00:00Z"),
        rppsCheckedAt: new Date("2025-06-01T00:00:00Z"),
        enrollments: [{ type: "OTP_SMS_EMAIL", enrolledAt: new Date("2022-01-01T00:00:00Z"), expiresAt: null, revokedAt: null }],
      }),
      establishment({ usesAirSimplifie: true }),
      new Date("2025-12-31T00:00:00Z"),
    );
    expect(result.rieCompliant).toBe(true);
  });

  it("reads a Date with a time of day as its UTC day, not the Paris day", () => {
    // 2025-12-31T23:30Z is already 1 January in Paris: callers pass parisToday() for « today ».
    const result = evaluateProfessional(professional(only(OTP)), establishment(), new Date("2025-12-31T23:30:00Z"));
    expect(result.rieCompliant).toBe(true);
  });

  it("tells the transition MIE in the programme's words", () => {
    const { missing } = evaluateProfessional(professional(only(OTP)), establishment(), "2026-01-01");
    expect(missing[0]).toEqual({
      code: "TRANSITION_MIE_ENDED",
      message: "Mot de passe + code reçu par SMS ou courriel : moyen de transition, non conforme depuis le 1er janvier 2026",
      nextStep: "Enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect",
    });
  });

  it("words registration, identity and the password tolerance for a director", () => {
    const { missing } = evaluateProfessional(
      professional({ rpps: null, rppsStatus: "NOT_REGISTERED", identityVerification: "REMOTE_ID_SCAN", ...only(PASSWORD) }),
      establishment(),
      "2025-12-31",
    );
    expect(missing).toEqual([
      {
        code: "RPPS_NOT_REGISTERED",
        message: "Non enregistré au RPPS",
        nextStep: "Demander l'enregistrement au RPPS (RPPS+ pour les professionnels du social et du médico-social)",
      },
      {
        code: "IDENTITY_LOW",
        message: "Identité vérifiée au niveau faible",
        nextStep: "Vérifier l'identité en face à face ou avec FranceConnect+",
      },
      {
        code: "PASSWORD_LOCAL_ACCESS_ONLY",
        message: "Mot de passe seul : toléré jusqu'au 31 décembre 2025 pour l'accès depuis l'établissement, jamais à distance",
        nextStep: "Enregistrer d'abord le professionnel au RPPS, puis enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect",
      },
      {
        code: "DMP_UNREACHABLE",
        message:
          "Pas d'accès au DMP : il faut une authentification à deux facteurs par Pro Santé Connect (CPS, e-CPS, clé FIDO2 enrôlée dans Pro Santé Connect, ou moyen local homologué si le fournisseur d'identité de l'établissement est fédéré avec Pro Santé Connect), ou par AIR simplifié avec un moyen conforme à deux facteurs",
        nextStep: "Enregistrer d'abord le professionnel au RPPS, puis enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect",
      },
    ]);
  });

  it("asks to look the professional up rather than register them when they hold an e-CPS, as the e-CPS's own item does", () => {
    const { missing } = evaluateProfessional(
      professional({ rpps: null, rppsStatus: "NOT_REGISTERED", ...only(mie("E_CPS", "2025-01-01")) }),
      establishment(),
      "2026-03-01",
    );
    expect(missing.slice(0, 2)).toEqual([
      {
        code: "RPPS_NOT_REGISTERED",
        message: "Non enregistré au RPPS",
        nextStep:
          "Chercher le professionnel dans l'Annuaire Santé (un moyen délivré avec le numéro RPPS, e-CPS, est enregistré pour lui) : s'il y figure, saisir son numéro et le statut « Enregistré » ; sinon, demander l'enregistrement au RPPS",
      },
      {
        code: "MIE_WITHOUT_RPPS",
        message: "e-CPS sans numéro RPPS : ce moyen est délivré avec le numéro RPPS, il ne compte pas sans lui",
        nextStep: "Renseigner le numéro RPPS du professionnel et le statut « Enregistré » (Annuaire Santé)",
      },
    ]);
  });

  it("names the local MIE and the homologation date, and suggests federation when it would do", () => {
    const context = establishment({ homologations: { FIDO2_LOCAL: "2026-06-01", TOTP_APP: "2025-01-01" } });
    const { missing } = evaluateProfessional(professional(only(FIDO2_LOCAL)), context, "2026-03-01");
    expect(missing[0]).toEqual({
      code: "LOCAL_MIE_NOT_HOMOLOGATED",
      message: "Clé de sécurité FIDO2 de l'établissement : moyen local homologué seulement à partir du 01/06/2026",
      nextStep: "Ce moyen comptera à partir du 01/06/2026 ; d'ici là, enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect",
    });
    const totp = evaluateProfessional(professional(only(mie("TOTP_APP", "2025-02-01"))), context, "2026-03-01");
    expect(totp.missing).toEqual([
      expect.objectContaining({
        code: "DMP_UNREACHABLE",
        nextStep: "Fédérer le fournisseur d'identité de l'établissement avec Pro Santé Connect, ou enrôler une e-CPS",
      }),
    ]);
  });

  it("says an e-CPS or a PSC key does not count without the RPPS number, and what to fill in", () => {
    const context = establishment({ homologations: { TOTP_APP: "2025-01-01" } });
    const noNumber = evaluateProfessional(
      professional({ rpps: null, rppsStatus: "NOT_REGISTERED", ...only(mie("E_CPS", "2025-01-01"), mie("TOTP_APP", "2025-02-01")) }),
      context,
      "2026-03-01",
    );
    // Compliant through the homologated app; the DMP waits for the number that makes the e-CPS count.
    expect(noNumber.rieCompliant).toBe(true);
    expect(noNumber.missing).toEqual([
      expect.objectContaining({ code: "RPPS_NOT_REGISTERED" }),
      expect.objectContaining({
        code: "DMP_UNREACHABLE",
        nextStep: "Renseigner le numéro RPPS du professionnel et le statut « Enregistré » (Annuaire Santé)",
      }),
    ]);
    const key = evaluateProfessional(
      professional({ rpps: null, rppsStatus: "NOT_REGISTERED", ...only(mie("FIDO2_PSC", "2026-01-15")) }),
      establishment(),
      "2026-03-01",
    );
    expect(key.missing[1]).toEqual({
      code: "MIE_WITHOUT_RPPS",
      message: "Clé FIDO2 (PSC) sans numéro RPPS : ce moyen est délivré avec le numéro RPPS, il ne compte pas sans lui",
      nextStep: "Renseigner le numéro RPPS du professionnel et le statut « Enregistré » (Annuaire Santé)",
    });
    const wrongKey = evaluateProfessional(professional({ rpps: "10000000008" }), establishment(), "2026-03-01");
    expect(wrongKey.missing[1]).toEqual({
      code: "MIE_WITHOUT_RPPS",
      message: "e-CPS avec un numéro RPPS invalide : ce moyen ne compte pas tant que le numéro n'est pas corrigé",
      nextStep: "Corriger le numéro RPPS à partir de l'Annuaire Santé",
    });
    const requested = evaluateProfessional(professional({ rppsStatus: "REQUESTED" }), establishment(), "2026-03-01");
    expect(requested.missing[1]).toEqual({
      code: "MIE_WITHOUT_RPPS",
      message: "e-CPS alors que le statut RPPS n'est pas « Enregistré » : ce moyen ne compte pas",
      nextStep: "Vérifier le numéro RPPS dans l'Annuaire Santé, puis choisir le statut « Enregistré »",
    });
  });

  it("tells a password alone as one factor, not as a transition MIE", () => {
    const { missing } = evaluateProfessional(professional(only(PASSWORD)), establishment(), "2026-01-01");
    expect(missing[0]).toEqual({
      code: "ONE_FACTOR_MIE",
      message:
        "Mot de passe seul : un seul facteur, non conforme (toléré jusqu'au 31 décembre 2025 pour l'accès depuis l'établissement, jamais à distance)",
      nextStep: "Enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect",
    });
  });

  it("says why an MIE held is not in force: expired, revoked, not yet valid", () => {
    const reasons = (enrollments: EnrollmentFacts[], at = "2026-12-06") =>
      evaluateProfessional(professional({ needsDmp: false, enrollments }), establishment(), at).missing;
    expect(reasons([mie("E_CPS", "2023-12-06", "2026-12-06")])).toEqual([
      {
        code: "MIE_EXPIRED",
        message: "e-CPS expirée le 06/12/2026",
        nextStep: "Enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect",
      },
    ]);
    // Revoked before it expired: the revocation is the reason.
    expect(reasons([mie("CPS", "2023-01-01", "2026-06-01", "2026-02-01")])).toEqual([
      { code: "MIE_REVOKED", message: "CPS révoquée le 01/02/2026", nextStep: "Enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect" },
    ]);
    expect(reasons([mie("E_CPS", "2027-01-01")])).toEqual([
      {
        code: "MIE_NOT_YET_VALID",
        message: "e-CPS valable à partir du 01/01/2027",
        nextStep: "Ce moyen comptera à partir du 01/01/2027 ; d'ici là, enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect",
      },
    ]);
    // The agreement follows the MIE's short label.
    expect(reasons([mie("OTP_SMS_EMAIL", "2022-01-01", "2025-06-01")], "2025-12-31")[0]?.message).toBe(
      "Code SMS / courriel expiré le 01/06/2025",
    );
    // A later e-CPS for someone not registered: the number is still what it waits for.
    expect(
      evaluateProfessional(
        professional({ rpps: null, rppsStatus: "NOT_REGISTERED", needsDmp: false, ...only(mie("E_CPS", "2027-01-01")) }),
        establishment(),
        "2026-12-06",
      ).missing[1],
    ).toEqual({
      code: "MIE_NOT_YET_VALID",
      message: "e-CPS valable à partir du 01/01/2027",
      nextStep: "Renseigner le numéro RPPS du professionnel et le statut « Enregistré » (Annuaire Santé)",
    });
  });

  it("asks to homologate a local two-factor MIE that would reach the DMP through the federated IdP or AIR simplifié", () => {
    const federated = evaluateProfessional(professional(only(FIDO2_LOCAL)), establishment({ idpFederatedWithPsc: true }), "2026-03-01");
    expect(federated.missing.at(-1)).toEqual(
      expect.objectContaining({
        code: "DMP_UNREACHABLE",
        nextStep:
          "Homologuer ce moyen (décision datée de l'établissement, selon la méthode de l'ANSSI) : « Clé de sécurité FIDO2 de l'établissement » donnera alors accès au DMP",
      }),
    );
    const air = evaluateProfessional(
      professional(only(mie("TOTP_APP", "2025-01-01"))),
      establishment({ usesAirSimplifie: true, homologations: { TOTP_APP: "2026-06-01" } }),
      "2026-03-01",
    );
    expect(air.missing.at(-1)?.nextStep).toBe(
      "« Application d'authentification (code à usage unique + PIN ou biométrie) » donnera accès au DMP à partir du 01/06/2026, date de son homologation",
    );
    // Neither federated nor AIR simplifié: homologating would not open the DMP.
    const neither = evaluateProfessional(professional(only(FIDO2_LOCAL)), establishment(), "2026-03-01");
    expect(neither.missing.at(-1)?.nextStep).toBe("Enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect");
  });

  it("says what keeps a compliant MIE from the DMP, rather than asking for what the professional holds", () => {
    const homologated = establishment({ homologations: { FIDO2_LOCAL: "2026-01-01" } });
    expect(evaluateProfessional(professional(only(OTP, FIDO2_LOCAL)), homologated, "2026-03-01").missing).toEqual([
      {
        code: "DMP_UNREACHABLE",
        message:
          "Pas d'accès au DMP : « Clé de sécurité FIDO2 de l'établissement » est conforme, mais n'y donne accès que si le fournisseur d'identité de l'établissement est fédéré avec Pro Santé Connect, ou par AIR simplifié",
        nextStep: "Fédérer le fournisseur d'identité de l'établissement avec Pro Santé Connect, ou enrôler une e-CPS",
      },
    ]);
    // The Vitale card app never goes through the establishment's identity provider.
    expect(evaluateProfessional(professional(only(mie("APCV", "2025-01-01"))), establishment(), "2026-03-01").missing).toEqual([
      {
        code: "DMP_UNREACHABLE",
        message: "Pas d'accès au DMP : « Application carte Vitale » est conforme, mais n'y donne accès que par AIR simplifié",
        nextStep: "Enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect",
      },
    ]);
  });

  it("dates the last RPPS check", () => {
    const { missing } = evaluateProfessional(professional({ rppsCheckedAt: "2023-05-04" }), establishment(), "2026-03-01");
    expect(missing).toEqual([
      {
        code: "RPPS_CHECK_OVERDUE",
        message: "Lien avec le RPPS vérifié il y a plus de deux ans (le 04/05/2023)",
        nextStep: "Vérifier le numéro RPPS dans l'Annuaire Santé (au moins tous les deux ans)",
      },
    ]);
  });
});
