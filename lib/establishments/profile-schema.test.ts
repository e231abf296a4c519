import { describe, expect, it } from "vitest";
import { ZEstablishmentProfileInput } from "./profile-schema";

const valid = {
  name: "EHPAD Les Tilleuls",
  finessEt: "750712184",
  finessEj: "690781810",
  siret: "732 829 320 00017",
  categoryCode: "500",
  departmentCode: "75",
  city: "Paris",
  headcount: "48",
  ght: "",
  usesAirSimplifie: false,
  idpFederatedWithPsc: false,
  entitlementProcedureInForce: false,
  entitlementProcedureAdoptedOn: "",
  contacts: [{ fullName: "Claire Martin", role: "Directrice", email: "Claire.Martin@ehpad.fr", phone: "05 49 12 34 56" }],
};

const messages = (input: unknown) => {
  const result = ZEstablishmentProfileInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("establishment profile form", () => {
  it("accepts a valid profile, normalising what people type", () => {
    const parsed = ZEstablishmentProfileInput.parse(valid);
    expect(parsed.siret).toBe("73282932000017");
    expect(parsed.headcount).toBe(48);
    expect(parsed.contacts[0]!.email).toBe("claire.martin@ehpad.fr");
  });

  it("tells a FINESS of the wrong shape from one with a wrong check key", () => {
    expect(messages({ ...valid, finessEt: "75071218" })).toEqual([
      "finessEt: Le numéro FINESS de l'établissement (ET) doit comporter 9 caractères : les 2 chiffres du département (2A ou 2B pour la Corse) puis 7 chiffres.",
    ]);
    expect(messages({ ...valid, finessEj: "690781811" })).toEqual([
      "finessEj: Le numéro FINESS 690781811 n'est pas valide : son dernier chiffre (clé de contrôle) ne correspond pas. Vérifiez les chiffres saisis.",
    ]);
  });

  it("refuses a FINESS that does not start with a department, all zeros included", () => {
    for (const finess of ["000000000", "990000008"]) {
      expect(messages({ ...valid, finessEt: finess })).toEqual([
        `finessEt: Le numéro FINESS ${finess} ne commence pas par un numéro de département (01 à 19, 2A, 2B, 21 à 95, ou 97 suivi d'un chiffre outre-mer).`,
      ]);
    }
  });

  it("validates the SIRET when given", () => {
    expect(messages({ ...valid, siret: "" })).toEqual([]);
    expect(messages({ ...valid, siret: "7328293200001" })).toEqual(["siret: Le SIRET doit comporter 14 chiffres."]);
    expect(messages({ ...valid, siret: "73282932000018" })).toEqual([
      "siret: Le SIRET 73282932000018 n'est pas valide : sa clé de contrôle ne correspond pas. Vérifiez les chiffres saisis.",
    ]);
    expect(messages({ ...valid, siret: "73282932100012" })).toEqual([
      "siret: Le SIRET 73282932100012 n'est pas valide : ses 9 premiers chiffres (le SIREN de l'entreprise) ne forment pas un SIREN valide.",
    ]);
    expect(messages({ ...valid, siret: "00000000000000" })).toEqual(["siret: Le SIRET ne peut pas être composé uniquement de zéros."]);
  });

  it("reads a SIRET typed with dots or (non-breaking) spaces, as the FINESS fields and the dossier's SIRET do", () => {
    for (const siret of ["732.829.320.00017", "732\u00a0829\u00a0320\u00a000017", "732\u202f829\u202f320 00017"]) {
      expect(ZEstablishmentProfileInput.parse({ ...valid, siret }).siret, siret).toBe("73282932000017");
    }
  });

  it("refuses an unknown department and a negative headcount", () => {
    expect(messages({ ...valid, departmentCode: "99", headcount: -1 })).toEqual([
      "departmentCode: Choisissez le département.",
      "headcount: L'effectif ne peut pas être négatif.",
    ]);
  });

  it("refuses a department other than the one the establishment's FINESS is numbered in", () => {
    expect(messages({ ...valid, departmentCode: "79" })).toEqual([
      "departmentCode: Le numéro FINESS de l'établissement (750712184) est celui d'un établissement du département 75 – Paris : choisissez ce département, ou corrigez le numéro.",
    ]);
  });

  it("refuses the legal entity's FINESS (EJ) given as the establishment's (ET), on the ET field", () => {
    expect(messages({ ...valid, finessEj: "750 712 184" })).toEqual([
      "finessEt: Le numéro FINESS de l'établissement (ET) est le même que celui de son entité juridique (EJ) : ce sont deux numéros différents. Saisissez celui du site, tel que le répertoire FINESS le donne.",
    ]);
  });

  it("reads a headcount written in digits only", () => {
    expect(ZEstablishmentProfileInput.parse({ ...valid, headcount: "1 200" }).headcount).toBe(1200);
    for (const headcount of ["0x10", "1e3", "douze"]) {
      expect(messages({ ...valid, headcount })).toEqual(["headcount: L'effectif s'écrit en chiffres, par exemple 120."]);
    }
    expect(messages({ ...valid, headcount: "12,5" })).toEqual(["headcount: L'effectif est un nombre entier."]);
  });

  it("asks for a headcount left empty instead of reading it as 0", () => {
    expect(messages({ ...valid, headcount: "" })).toEqual(["headcount: Indiquez un effectif."]);
    expect(messages({ ...valid, headcount: "  " })).toEqual(["headcount: Indiquez un effectif."]);
    expect(ZEstablishmentProfileInput.parse({ ...valid, headcount: "0" }).headcount).toBe(0);
  });

  it("says in French which text is too long, and by how much it may be", () => {
    expect(messages({ ...valid, city: "x".repeat(121), headcount: "200000" })).toEqual([
      "city: La commune ne doit pas dépasser 120 caractères.",
      "headcount: L'effectif ne peut pas dépasser 100 000 professionnels.",
    ]);
  });

  it("asks the day the entitlement procedure was adopted when it is in force, a day already past", () => {
    expect(messages({ ...valid, entitlementProcedureInForce: true })).toEqual([
      "entitlementProcedureAdoptedOn: Indiquez la date d'adoption de la procédure de gestion des habilitations.",
    ]);
    expect(messages({ ...valid, entitlementProcedureInForce: true, entitlementProcedureAdoptedOn: "2099-01-01" })).toEqual([
      "entitlementProcedureAdoptedOn: La date d'adoption de la procédure (01/01/2099) ne peut pas être postérieure à aujourd'hui.",
    ]);
    expect(
      ZEstablishmentProfileInput.parse({ ...valid, entitlementProcedureInForce: true, entitlementProcedureAdoptedOn: "2025-03-01" }),
    ).toMatchObject({
      entitlementProcedureInForce: true,
      entitlementProcedureAdoptedOn: "2025-03-01",
    });
    // Without a procedure in force, a day left in the hidden field is not checked.
    expect(messages({ ...valid, entitlementProcedureAdoptedOn: "2099-01-01" })).toEqual([]);
  });
});
