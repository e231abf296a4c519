/**
 * An establishment's indicators at a date, over the professionals active at that date, and their
 * projection to a later date.
 *
 * Every figure is a `Share`: the count, its denominator (`of`), and the share (null when the
 * denominator is 0, so « 0 sur 0 » is never shown as 0 % or 100 %). The four shares of the
 * programme (registered, identity substantiel, RIE-compliant, DMP-ready) are over the active
 * professionals; two more are over the people the objective is about: RIE-compliant among those who
 * need strong authentication (objective 2's population) and DMP-ready among those who need the DMP.
 *
 * Objectives (product choices): both need at least one active professional (an empty roster proves
 * nothing). Objective 1 = everyone registered and identity at substantiel, and the entitlement
 * procedure in force (`entitlementProcedureInForce`: the establishment's own fact, set on its
 * profile, not the dossier's self-assessment of O1, ADR 0040). Objective 2 = everyone who needs strong
 * authentication (`needsStrongAuthentication`) is RIE-compliant.
 *
 * Speed: one pass, verdicts as bit sets (`verdicts.ts`), one counter object per profession and per
 * population (`tally.ts`); nothing is allocated per professional.
 *
 * Public API: `computeIndicators`, `computeIndicatorsGivingWay`, `projectIndicators`, `entitlementProcedureInForce`, and the types `Share`, `IndicatorSet`,
 * `EstablishmentIndicators`, `IndicatorProjection`, `Lapse`.
 */
import { toDay, type Day, type DayInput } from "./dates";
import { givingWay } from "./give-way";
import { needsStrongAuthentication, type EstablishmentContext, type ProfessionalFacts } from "./model";
import { Tally, type EstablishmentIndicators } from "./tally";
import { dayContext, prepareEstablishment, Verdict, verdictFlags } from "./verdicts";

export type { EstablishmentIndicators, IndicatorSet, Share } from "./tally";

export type IndicatorsInput<T extends ProfessionalFacts = ProfessionalFacts> = {
  professionals: readonly T[];
  establishment: EstablishmentContext;
};

/** Objective 1's procedure counts from the day the establishment adopted it, as a homologation does. */
export function entitlementProcedureInForce(establishment: Pick<EstablishmentContext, "entitlementProcedureAdoptedOn">, day: Day): boolean {
  const adoptedOn = establishment.entitlementProcedureAdoptedOn;
  return adoptedOn !== null && toDay(adoptedOn) <= day;
}

/** The counting of `computeIndicators`, one professional at a time. */
function indicatorCounter(input: IndicatorsInput & { at: DayInput }) {
  const prepared = prepareEstablishment(input.establishment);
  const at = dayContext(toDay(input.at));
  const tally = new Tally();
  return {
    add(professional: ProfessionalFacts) {
      const flags = verdictFlags(professional, prepared, at);
      if (flags & Verdict.ACTIVE) tally.add(flags, professional);
    },
    result: () => tally.result(at.day, entitlementProcedureInForce(input.establishment, at.day)),
  };
}

export function computeIndicators(input: IndicatorsInput & { at: DayInput }): EstablishmentIndicators {
  const counter = indicatorCounter(input);
  for (const professional of input.professionals) counter.add(professional);
  return counter.result();
}

/**
 * `computeIndicators`, giving way to other requests as it goes (`givingWay`): the roster of a
 * large establishment (80,000 professionals) is counted after each write of it, in the request.
 */
export async function computeIndicatorsGivingWay(input: IndicatorsInput & { at: DayInput }): Promise<EstablishmentIndicators> {
  const counter = indicatorCounter(input);
  const giveWay = givingWay();
  for (const professional of input.professionals) {
    counter.add(professional);
    // Awaited only when the slice is spent: a million professionals (the daily pass) without a million awaits.
    const pause = giveWay();
    if (pause) await pause;
  }
  return counter.result();
}

/**
 * What a professional active at both dates loses by the target date. What they will lack then, in
 * words, is `evaluateProfessional(professional, establishment, target).missing`: computed for the
 * rows a page shows, not for every lapse of a large roster.
 */
export type Lapse<T> = {
  professional: T;
  lost: ("RIE_COMPLIANT" | "DMP_READY" | "RPPS_CHECK")[];
};

export type IndicatorProjection<T> = {
  today: EstablishmentIndicators;
  target: EstablishmentIndicators;
  /** Active today, no longer at the target date (activity end recorded). */
  leaving: number;
  /** Not active today, active at the target date (activity start recorded). */
  arriving: number;
  lapsing: Lapse<T>[];
};

/**
 * The indicators today and at `target`, from what the roster knows today: recorded expiries,
 * revocations, activity ends and starts, enrolments and homologation decisions dated in the
 * future, and the end of the transition on 2026-01-01. Registration and identity stay as recorded.
 * `lapsing` lists whom a director must act on: a verdict they need (RIE compliance when they need
 * strong authentication, the DMP when they need it, a fresh RPPS link check when registered) holds
 * today and no longer at the target date.
 */
export function projectIndicators<T extends ProfessionalFacts>(
  input: IndicatorsInput<T> & { today: DayInput; target: DayInput },
): IndicatorProjection<T> {
  const prepared = prepareEstablishment(input.establishment);
  const today = dayContext(toDay(input.today));
  const target = dayContext(toDay(input.target));
  const now = new Tally();
  const then = new Tally();
  let leaving = 0;
  let arriving = 0;
  const lapsing: Lapse<T>[] = [];
  for (const professional of input.professionals) {
    const before = verdictFlags(professional, prepared, today);
    const after = verdictFlags(professional, prepared, target);
    const activeBefore = (before & Verdict.ACTIVE) !== 0;
    const activeAfter = (after & Verdict.ACTIVE) !== 0;
    if (activeBefore) now.add(before, professional);
    if (activeAfter) then.add(after, professional);
    if (activeBefore && !activeAfter) leaving++;
    else if (!activeBefore && activeAfter) arriving++;
    else if (activeBefore && lostSomething(before, after, professional)) {
      lapsing.push(lapse(professional, before, after));
    }
  }
  return {
    today: now.result(today.day, entitlementProcedureInForce(input.establishment, today.day)),
    target: then.result(target.day, entitlementProcedureInForce(input.establishment, target.day)),
    leaving,
    arriving,
    lapsing,
  };
}

/** The verdicts that matter to this professional, as bits. */
function relevantBits(professional: ProfessionalFacts): number {
  return (needsStrongAuthentication(professional) ? Verdict.RIE_COMPLIANT : 0) | (professional.needsDmp ? Verdict.DMP_READY : 0);
}

function lostSomething(before: number, after: number, professional: ProfessionalFacts): boolean {
  const lostGood = before & ~after & relevantBits(professional);
  const newlyOverdue = after & ~before & Verdict.RPPS_CHECK_OVERDUE;
  return lostGood !== 0 || newlyOverdue !== 0;
}

function lapse<T extends ProfessionalFacts>(professional: T, before: number, after: number): Lapse<T> {
  const lostGood = before & ~after & relevantBits(professional);
  const lost: Lapse<T>["lost"] = [];
  if (lostGood & Verdict.RIE_COMPLIANT) lost.push("RIE_COMPLIANT");
  if (lostGood & Verdict.DMP_READY) lost.push("DMP_READY");
  if (after & ~before & Verdict.RPPS_CHECK_OVERDUE) lost.push("RPPS_CHECK");
  return { professional, lost };
}
