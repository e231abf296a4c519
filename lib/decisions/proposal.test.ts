import { describe, expect, it } from "vitest";
import { defaultDecisionProposal, envelopeAfter, parseProposal, ZStageDecisionInput } from "./proposal";

const input = (fields: Record<string, unknown>) => ZStageDecisionInput.parse(fields);

describe("a decision proposal", () => {
  it("starts, for the demo data and the tests, from the form's defaults: nothing said, nothing quoted, nothing replaced", () => {
    expect(defaultDecisionProposal("WAITLISTED")).toStrictEqual({
      outcome: "WAITLISTED",
      amountGranted: "",
      conditions: "",
      reasons: "",
      envelopeOverrideReason: "",
      releasableScoreIds: [],
      releasableReviewIds: [],
    });
  });

  it("grants at most the amount requested, above zero", () => {
    expect(parseProposal(input({ outcome: "SELECTED", amountGranted: "12 000", conditions: " Sur justificatifs " }), 1_500_000n)).toEqual({
      ok: true,
      proposal: { outcome: "SELECTED", amountGrantedCents: 1_200_000n, conditions: "Sur justificatifs", reasons: "" },
    });
    expect(parseProposal(input({ outcome: "SELECTED", amountGranted: "15 000,01" }), 1_500_000n)).toEqual({
      ok: false,
      fieldErrors: {
        amountGranted: [expect.stringMatching(/^Le montant accordé ne peut pas dépasser le montant demandé \(15\s000\s€\)\.$/)],
      },
    });
    expect(parseProposal(input({ outcome: "SELECTED", amountGranted: "0" }), 1_500_000n)).toMatchObject({
      ok: false,
      fieldErrors: { amountGranted: [expect.stringContaining("supérieur à zéro")] },
    });
    expect(parseProposal(input({ outcome: "SELECTED", amountGranted: "" }), 1_500_000n)).toMatchObject({ ok: false });
  });

  it("asks reasons for a refusal or the waiting list, and keeps no amount", () => {
    expect(parseProposal(input({ outcome: "REJECTED", amountGranted: "5 000" }), 1_500_000n)).toMatchObject({
      ok: false,
      fieldErrors: { reasons: [expect.any(String)] },
    });
    expect(parseProposal(input({ outcome: "WAITLISTED", amountGranted: "5 000", reasons: "En attente de crédits." }), 1_500_000n)).toEqual({
      ok: true,
      proposal: { outcome: "WAITLISTED", amountGrantedCents: null, conditions: "", reasons: "En attente de crédits." },
    });
  });

  it("tells when the grants would pass the envelope, counting the replaced proposal out", () => {
    expect(envelopeAfter({ envelopeCents: 100n, grantedCents: 80n, replacedCents: 0n, proposedCents: 20n })).toEqual({
      afterCents: 100n,
      exceeds: false,
    });
    expect(envelopeAfter({ envelopeCents: 100n, grantedCents: 80n, replacedCents: 0n, proposedCents: 21n })).toEqual({
      afterCents: 101n,
      exceeds: true,
    });
    expect(envelopeAfter({ envelopeCents: 100n, grantedCents: 90n, replacedCents: 30n, proposedCents: 40n })).toEqual({
      afterCents: 100n,
      exceeds: false,
    });
    // Already past it: lowering a grant or refusing needs no justification.
    expect(envelopeAfter({ envelopeCents: 100n, grantedCents: 150n, replacedCents: 30n, proposedCents: 10n })).toEqual({
      afterCents: 130n,
      exceeds: false,
    });
    expect(envelopeAfter({ envelopeCents: 100n, grantedCents: 150n, replacedCents: 0n, proposedCents: null })).toEqual({
      afterCents: 150n,
      exceeds: false,
    });
  });

  it("refuses in the conditions or reasons the letter prints what it cannot print, and lets through what it writes otherwise", () => {
    const issues = (fields: Record<string, unknown>) =>
      ZStageDecisionInput.safeParse(fields).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues({ outcome: "SELECTED", conditions: "Bravo 🎉 ! Projet 東京 🎉", reasons: "Coût ≈ 東" })).toEqual([
      ["conditions", "La lettre de décision ne peut pas imprimer « 🎉 », « 東 », « 京 » : retirez-les ou remplacez-les."],
    ]);
    expect(issues({ outcome: "REJECTED", conditions: "Bravo 🎉", reasons: "Coût ≈ 東" })).toEqual([
      ["reasons", "La lettre de décision ne peut pas imprimer « 東 » : retirez-le ou remplacez-le."],
    ]);
    expect(ZStageDecisionInput.safeParse({ outcome: "SELECTED", conditions: "Taux ≥ 80 % → fédération ✓, 1ᵉʳ trimestre" }).success).toBe(
      true,
    );
  });
});
