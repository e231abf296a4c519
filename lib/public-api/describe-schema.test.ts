import { describe, expect, it } from "vitest";
import { propertyRows, typeLabel } from "./describe-schema";

describe("the documentation's reading of a schema", () => {
  it("names types in French, references by their component, nullable ones as unions", () => {
    expect(typeLabel({ type: "string", format: "uuid" })).toBe("identifiant (uuid)");
    expect(typeLabel({ $ref: "#/components/schemas/ReleasedDecision" })).toBe("ReleasedDecision");
    expect(typeLabel({ anyOf: [{ type: "integer" }, { type: "null" }] })).toBe("entier ou null");
    expect(typeLabel({ type: "array", items: { $ref: "#/components/schemas/Wave" } })).toBe("liste de Wave");
    expect(typeLabel({ type: "string", enum: ["PILOT", "GENERALISATION"] })).toBe('une valeur parmi "PILOT", "GENERALISATION"');
    expect(typeLabel({ type: "object", additionalProperties: { type: "integer" } })).toBe("dictionnaire d'entiers");
    expect(typeLabel({ type: "object", additionalProperties: { type: "array", items: { type: "string" } } })).toBe(
      "dictionnaire de listes de textes",
    );
    expect(typeLabel({ type: "object", additionalProperties: {} })).toBe("dictionnaire de valeurs");
    expect(typeLabel({ type: "array", items: { anyOf: [{ type: "integer" }, { type: "null" }] } })).toBe(
      "liste de valeurs (entier ou null)",
    );
    expect(typeLabel({ type: "array", items: { type: "string", format: "uuid" } })).toBe("liste d'identifiants (uuid)");
  });

  it("lists an object's properties, nested ones dotted, with what is required", () => {
    const rows = propertyRows({
      type: "object",
      required: ["id", "campaign"],
      properties: {
        id: { type: "string", format: "uuid" },
        campaign: { type: "object", required: ["title"], properties: { title: { type: "string", description: "Titre" } } },
        decision: { $ref: "#/components/schemas/ReleasedDecision" },
      },
    });
    expect(rows).toEqual([
      { name: "id", type: "identifiant (uuid)", required: true, description: "", ref: null },
      { name: "campaign", type: "objet", required: true, description: "", ref: null },
      { name: "campaign.title", type: "texte", required: true, description: "Titre", ref: null },
      { name: "decision", type: "ReleasedDecision", required: false, description: "", ref: "ReleasedDecision" },
    ]);
  });

  it("lists the properties of an object that may be null", () => {
    const rows = propertyRows({
      type: "object",
      required: ["spread"],
      properties: {
        spread: { anyOf: [{ type: "object", required: ["count"], properties: { count: { type: "integer" } } }, { type: "null" }] },
      },
    });
    expect(rows.map((row) => [row.name, row.type, row.required])).toEqual([
      ["spread", "objet ou null", true],
      ["spread.count", "entier", true],
    ]);
  });
});
