import { describe, expect, it } from "vitest";
import { ZFollowUpSettingsInput } from "./settings-schema";

const target = { objectiveCode: "O2", indicator: "RIE_COMPLIANT_AMONG_CONCERNED", thresholdPercent: "90", dueDate: "2027-06-30" };

describe("ZFollowUpSettingsInput", () => {
  it("reads percentages as integers", () => {
    const parsed = ZFollowUpSettingsInput.parse({ advanceSharePercent: " 30 ", targets: [target], expectedVersion: 3 });
    expect(parsed).toEqual({ advanceSharePercent: 30, targets: [{ ...target, thresholdPercent: 90 }], expectedVersion: 3 });
  });

  it("refuses decimals and shares above 100 % with a French message", () => {
    const result = ZFollowUpSettingsInput.safeParse({
      advanceSharePercent: "30,5",
      targets: [{ ...target, thresholdPercent: "101" }],
      expectedVersion: 1,
    });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toEqual([
      ["advanceSharePercent", "Indiquez la part de l'avance en pourcentage entier entre 0 et 100."],
      ["targets.0.thresholdPercent", "Indiquez un seuil en pourcentage entier entre 1 et 100."],
    ]);
  });

  it("refuses a threshold of 0 %, which any roster meets, but takes an advance of 0 %", () => {
    const result = ZFollowUpSettingsInput.safeParse({
      advanceSharePercent: "0",
      targets: [{ ...target, thresholdPercent: "0" }],
      expectedVersion: 1,
    });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["targets.0.thresholdPercent", "Indiquez un seuil en pourcentage entier entre 1 et 100."],
    ]);
  });

  it("refuses two targets of one objective on the same indicator", () => {
    const result = ZFollowUpSettingsInput.safeParse({
      advanceSharePercent: "30",
      targets: [target, { ...target, thresholdPercent: "80" }],
      expectedVersion: 1,
    });
    expect(result.error?.issues).toMatchObject([
      { path: ["targets", 1, "indicator"], message: "Cet objectif a déjà une cible sur cet indicateur." },
    ]);
  });

  it("asks for a real date", () => {
    const result = ZFollowUpSettingsInput.safeParse({
      advanceSharePercent: "30",
      targets: [{ ...target, dueDate: "2027-02-30" }],
      expectedVersion: 1,
    });
    expect(result.error?.issues[0]?.path).toEqual(["targets", 0, "dueDate"]);
  });
});
