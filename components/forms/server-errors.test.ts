import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-client";
import { applyServerErrors } from "./server-errors";

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
