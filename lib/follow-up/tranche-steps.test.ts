import { describe, expect, it } from "vitest";
import { ZTrancheStepInput } from "./tranche-step-schema";
import { applyTrancheStep, availableTrancheSteps, type TrancheFacts } from "./tranche-steps";

const TODAY = "2027-03-10";
const due: TrancheFacts = { status: "DUE", dueOn: "2027-01-15", orderedOn: null, paidOn: null };
const ordered: TrancheFacts = { ...due, status: "ORDERED", orderedOn: "2027-02-01" };
const paid: TrancheFacts = { ...ordered, status: "PAID", paidOn: "2027-02-20" };

describe("tranche payment steps", () => {
  it("offers each state its steps: order when due, pay or undo the order when ordered, undo the payment when paid, none when planned", () => {
    expect(availableTrancheSteps("PLANNED")).toEqual([]);
    expect(availableTrancheSteps("DUE")).toEqual(["order"]);
    expect(availableTrancheSteps("ORDERED")).toEqual(["pay", "undo-order"]);
    expect(availableTrancheSteps("PAID")).toEqual(["undo-payment"]);
  });

  it("orders a due tranche on a day between its due day and today", () => {
    expect(applyTrancheStep(due, { step: "order", orderedOn: "2027-01-15" }, TODAY)).toEqual({
      ok: true,
      change: { status: "ORDERED", orderedOn: "2027-01-15", paidOn: null, paymentReference: null },
    });
    expect(applyTrancheStep(due, { step: "order", orderedOn: TODAY }, TODAY).ok).toBe(true);
    expect(applyTrancheStep(due, { step: "order", orderedOn: "2027-03-11" }, TODAY)).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      field: "orderedOn",
      message: "La date d'ordonnancement ne peut pas être dans le futur.",
    });
    expect(applyTrancheStep(due, { step: "order", orderedOn: "2027-01-14" }, TODAY)).toMatchObject({
      ok: false,
      field: "orderedOn",
      message: "La tranche n'est due que depuis le 15 janvier 2027 : vérifiez la date.",
    });
  });

  it("pays an ordered tranche with its day (not before the order, not in the future) and keeps the order's day", () => {
    expect(applyTrancheStep(ordered, { step: "pay", paidOn: "2027-02-01", paymentReference: "MDT-2027-0042" }, TODAY)).toEqual({
      ok: true,
      change: { status: "PAID", orderedOn: "2027-02-01", paidOn: "2027-02-01", paymentReference: "MDT-2027-0042" },
    });
    expect(applyTrancheStep(ordered, { step: "pay", paidOn: "2027-01-31", paymentReference: "X" }, TODAY)).toMatchObject({
      ok: false,
      field: "paidOn",
      message: "Le paiement ne peut pas précéder l'ordonnancement du 1er février 2027.",
    });
    expect(applyTrancheStep(ordered, { step: "pay", paidOn: "2027-03-11", paymentReference: "X" }, TODAY)).toMatchObject({
      ok: false,
      field: "paidOn",
    });
  });

  it("refuses a step from the wrong state, skipping the order or repeating one", () => {
    expect(applyTrancheStep(due, { step: "pay", paidOn: TODAY, paymentReference: "X" }, TODAY)).toEqual({
      ok: false,
      code: "INVALID_STATE",
      message: "Cette tranche n'est pas encore ordonnancée.",
    });
    expect(applyTrancheStep(ordered, { step: "order", orderedOn: TODAY }, TODAY)).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(applyTrancheStep(paid, { step: "pay", paidOn: TODAY, paymentReference: "X" }, TODAY)).toMatchObject({
      ok: false,
      message: "Cette tranche est déjà payée : rechargez la page.",
    });
    const planned: TrancheFacts = { status: "PLANNED", dueOn: null, orderedOn: null, paidOn: null };
    expect(applyTrancheStep(planned, { step: "order", orderedOn: TODAY }, TODAY)).toMatchObject({
      ok: false,
      message: "Cette tranche n'est pas encore due : elle le sera à la validation des résultats.",
    });
    expect(applyTrancheStep(due, { step: "undo-order", reason: "Erreur" }, TODAY)).toMatchObject({ ok: false, code: "INVALID_STATE" });
  });

  it("corrects one step back at a time, clearing what that step recorded", () => {
    expect(applyTrancheStep(paid, { step: "undo-payment", reason: "Mauvais mandat" }, TODAY)).toEqual({
      ok: true,
      change: { status: "ORDERED", orderedOn: "2027-02-01", paidOn: null, paymentReference: null },
    });
    expect(applyTrancheStep(ordered, { step: "undo-order", reason: "Saisie sur la mauvaise tranche" }, TODAY)).toEqual({
      ok: true,
      change: { status: "DUE", orderedOn: null, paidOn: null, paymentReference: null },
    });
    expect(applyTrancheStep(paid, { step: "undo-order", reason: "x" }, TODAY)).toMatchObject({ ok: false, code: "INVALID_STATE" });
  });

  it("reads the form: a day, a reference and a reason are required, in French", () => {
    const errors = (input: unknown) =>
      ZTrancheStepInput.safeParse(input).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(errors({ step: "order", orderedOn: "" })).toEqual([["orderedOn", "Indiquez la date d'ordonnancement."]]);
    expect(errors({ step: "pay", paidOn: "2027-02-30", paymentReference: "  " })).toEqual([
      ["paidOn", "Cette date n'existe pas."],
      ["paymentReference", "Indiquez la référence du paiement."],
    ]);
    expect(errors({ step: "undo-payment", reason: "" })).toEqual([["reason", "Indiquez la raison de la correction."]]);
    expect(ZTrancheStepInput.parse({ step: "pay", paidOn: "2027-02-03", paymentReference: " MDT-1 ", reason: "ignoré" })).toEqual({
      step: "pay",
      paidOn: "2027-02-03",
      paymentReference: "MDT-1",
    });
  });
});
