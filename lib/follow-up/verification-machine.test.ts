import { describe, expect, it } from "vitest";
import type { ReviewTier, ReviewTiers, VerificationAction } from "@/lib/db/generated/enums";
import {
  availableVerificationActions,
  FINAL_VERIFICATION_STATES,
  nextVerificationState,
  tierHolding,
  verificationPath,
  type VerificationActor,
  type VerificationPosition,
} from "./verification-machine";

const POSITIONS: VerificationPosition[] = ["NOT_DECLARED", "WITH_ARS", "WITH_ANS", "INFORMATION_REQUESTED", "VALIDATED", "REFUSED"];
const ACTIONS: VerificationAction[] = ["DECLARE", "APPROVE", "REFUSE", "REQUEST_INFORMATION", "ANSWER"];
const ACTORS: VerificationActor[] = ["ESTABLISHMENT", "REGIONAL", "NATIONAL"];
const CONTEXTS: Array<{ tiers: ReviewTiers; askedBy: ReviewTier | null }> = [
  { tiers: "REGIONAL_THEN_NATIONAL", askedBy: null },
  { tiers: "NATIONAL_ONLY", askedBy: null },
  { tiers: "REGIONAL_THEN_NATIONAL", askedBy: "REGIONAL" },
  { tiers: "REGIONAL_THEN_NATIONAL", askedBy: "NATIONAL" },
  { tiers: "NATIONAL_ONLY", askedBy: "NATIONAL" },
];

/** Every allowed step, written out independently of the table under test: `from action actor tiers askedBy`. */
function expected(from: VerificationPosition, action: VerificationAction, actor: VerificationActor, context: (typeof CONTEXTS)[number]) {
  const key = `${from} ${action} ${actor}`;
  if (key === "NOT_DECLARED DECLARE ESTABLISHMENT") return context.tiers === "NATIONAL_ONLY" ? "WITH_ANS" : "WITH_ARS";
  if (key === "INFORMATION_REQUESTED ANSWER ESTABLISHMENT")
    return context.askedBy === "REGIONAL" ? "WITH_ARS" : context.askedBy === "NATIONAL" ? "WITH_ANS" : undefined;
  return (
    {
      "WITH_ARS APPROVE REGIONAL": "WITH_ANS",
      "WITH_ARS REFUSE REGIONAL": "REFUSED",
      "WITH_ARS REQUEST_INFORMATION REGIONAL": "INFORMATION_REQUESTED",
      "WITH_ANS APPROVE NATIONAL": "VALIDATED",
      "WITH_ANS REFUSE NATIONAL": "REFUSED",
      "WITH_ANS REQUEST_INFORMATION NATIONAL": "INFORMATION_REQUESTED",
    } as Record<string, string>
  )[key];
}

const cases = CONTEXTS.flatMap((context) =>
  POSITIONS.flatMap((from) => ACTIONS.flatMap((action) => ACTORS.map((actor) => [from, action, actor, context] as const))),
);

describe("verification state machine", () => {
  it.each(cases)("%s --%s--> by %s (%o)", (from, action, actor, context) => {
    const to = expected(from, action, actor, context);
    const result = nextVerificationState(from, action, actor, context);
    if (to) {
      expect(result).toEqual({ ok: true, to });
    } else {
      const someoneElseMay = ACTORS.some((other) => expected(from, action, other, context));
      expect(result).toEqual({ ok: false, reason: someoneElseMay ? "notAllowedForRole" : "notAllowedFromState" });
    }
  });

  it("sends a declaration straight to the ANS when the wave has no regional tier", () => {
    expect(nextVerificationState("NOT_DECLARED", "DECLARE", "ESTABLISHMENT", { tiers: "NATIONAL_ONLY", askedBy: null })).toEqual({
      ok: true,
      to: "WITH_ANS",
    });
  });

  it("returns an answer to the tier that asked, never to the other", () => {
    const context = { tiers: "REGIONAL_THEN_NATIONAL" as const, askedBy: "NATIONAL" as const };
    expect(nextVerificationState("INFORMATION_REQUESTED", "ANSWER", "ESTABLISHMENT", context)).toEqual({ ok: true, to: "WITH_ANS" });
    expect(availableVerificationActions("INFORMATION_REQUESTED", "ESTABLISHMENT", context)).toEqual(["ANSWER"]);
  });

  it("offers each tier its three steps only while it holds the declaration, and nothing from a final state", () => {
    const context = { tiers: "REGIONAL_THEN_NATIONAL" as const, askedBy: null };
    expect(availableVerificationActions("WITH_ARS", "REGIONAL", context)).toEqual(["APPROVE", "REFUSE", "REQUEST_INFORMATION"]);
    expect(availableVerificationActions("WITH_ARS", "NATIONAL", context)).toEqual([]);
    expect(availableVerificationActions("WITH_ANS", "NATIONAL", context)).toEqual(["APPROVE", "REFUSE", "REQUEST_INFORMATION"]);
    for (const state of FINAL_VERIFICATION_STATES)
      for (const actor of ACTORS) expect(availableVerificationActions(state, actor, context)).toEqual([]);
  });

  it("names the tier holding a declaration", () => {
    expect([tierHolding("WITH_ARS"), tierHolding("WITH_ANS"), tierHolding("INFORMATION_REQUESTED"), tierHolding("VALIDATED")]).toEqual([
      "REGIONAL",
      "NATIONAL",
      null,
      null,
    ]);
  });

  it("walks a declaration's path through the tiers: the ARS then the ANS, or the ANS alone on a national-only wave", () => {
    expect(verificationPath("REGIONAL_THEN_NATIONAL")).toEqual(["REGIONAL", "NATIONAL"]);
    expect(verificationPath("NATIONAL_ONLY")).toEqual(["NATIONAL"]);
  });
});
