import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-client";
import { applyServerErrors, formLevelMessage } from "./server-errors";

function collect(caught: unknown, within?: string) {
  const set: Array<[string, string | undefined]> = [];
  applyServerErrors((path, error) => set.push([path, error.message]), caught, within);
  return set;
}

function focused(caught: unknown) {
  const focus: string[] = [];
  applyServerErrors((path, _error, options) => (options?.shouldFocus ? focus.push(path) : undefined), caught);
  return focus;
}

describe("server field errors on the form", () => {
  it("puts each message on the field of the same path, and the form-wide one on the root", () => {
    const refusal = new ApiError("Refusé.", 400, "INVALID_INPUT", {
      "contacts.0.email": ["Adresse invalide.", "Obligatoire."],
      _: ["Trop tard."],
    });
    expect(collect(refusal)).toEqual([
      ["contacts.0.email", "Adresse invalide. Obligatoire."],
      ["root", "Trop tard."],
    ]);
  });

  it("takes off the key the values travel under in the request", () => {
    const refusal = new ApiError("Refusé.", 400, "INVALID_INPUT", {
      "profile.finessEt": ["FINESS invalide."],
      expectedVersion: ["Version ancienne."],
    });
    expect(collect(refusal, "profile")).toEqual([
      ["finessEt", "FINESS invalide."],
      ["expectedVersion", "Version ancienne."],
    ]);
  });

  it("puts the keyboard focus on the first field in error, never on the form-wide error", () => {
    const refusal = new ApiError("Refusé.", 400, "INVALID_INPUT", {
      _: ["Trop tard."],
      orderedOn: ["Dans le futur."],
      reason: ["Obligatoire."],
    });
    expect(focused(refusal)).toEqual(["orderedOn"]);
    expect(focused(new ApiError("Refusé.", 400, "INVALID_INPUT", { _: ["Trop tard."] }))).toEqual([]);
  });

  it("leaves the fields alone when the failure is not a refusal of the API", () => {
    expect(collect(new Error("réseau"))).toEqual([]);
  });
});

describe("the form's own message for a refusal", () => {
  const everyField = () => true;

  it("is left out when a field the form shows says the same", () => {
    const refusal = new ApiError("Motivez la décision.", 422, "INVALID_INPUT", { reasons: ["Motivez la décision."] });
    expect(formLevelMessage(refusal, everyField)).toBeNull();
    expect(formLevelMessage(refusal, (path) => path === "reasons")).toBeNull();
  });

  it("is kept when the field saying it is not on the form, or says something else", () => {
    const refusal = new ApiError("Justifiez le dépassement.", 422, "INVALID_INPUT", {
      envelopeOverrideReason: ["Justifiez le dépassement."],
    });
    expect(formLevelMessage(refusal, () => false)).toBe("Justifiez le dépassement.");
    const generic = new ApiError("Certaines informations ne sont pas valides.", 422, "INVALID_INPUT", { email: ["Adresse invalide."] });
    expect(formLevelMessage(generic, everyField)).toBe("Certaines informations ne sont pas valides.");
  });

  it("is kept for a form-wide error, read with the key the values travel under", () => {
    expect(formLevelMessage(new ApiError("Trop tard.", 409, "INVALID_STATE", { _: ["Trop tard."] }), everyField)).toBe("Trop tard.");
    const nested = new ApiError("FINESS invalide.", 422, "INVALID_INPUT", { "profile.finessEt": ["FINESS invalide."] });
    expect(formLevelMessage(nested, (path) => path === "finessEt", "profile")).toBeNull();
    expect(formLevelMessage(new Error("Le serveur ne répond pas."), everyField)).toBe("Le serveur ne répond pas.");
  });
});
