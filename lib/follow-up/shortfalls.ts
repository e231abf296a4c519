/**
 * Who keeps a target from being met, and what each lacks, in the roster's own words
 * (`ComplianceGap`, lib/roster/missing.ts), so the follow-up page never disagrees with the roster.
 * A professional holds a target back when they are active at the day, counted in the indicator's
 * denominator, and do not count in its numerator.
 *
 * Public API: `Shortfall`, `findShortfalls`.
 */
import type { TargetIndicator } from "@/lib/db/generated/enums";
import {
  AUTHENTICATION_CODES,
  evaluateProfessional,
  prepareEstablishment,
  type ComplianceGap,
  type EstablishmentContext,
  type MissingCode,
  type ProfessionalCompliance,
  type ProfessionalFacts,
} from "@/lib/roster/compliance";
import { needsStrongAuthentication } from "@/lib/roster/model";

const REGISTRATION: readonly MissingCode[] = ["RPPS_NOT_REGISTERED", "RPPS_REQUESTED", "RPPS_NUMBER_MISSING", "RPPS_NUMBER_INVALID"];

const RULES: Readonly<
  Record<
    TargetIndicator,
    {
      concerns: (professional: ProfessionalFacts) => boolean;
      counts: (verdict: ProfessionalCompliance) => boolean;
      codes: readonly MissingCode[];
    }
  >
> = {
  REGISTERED: { concerns: () => true, counts: (verdict) => verdict.registered, codes: REGISTRATION },
  IDENTITY_SUBSTANTIAL: {
    concerns: () => true,
    counts: (verdict) => verdict.identitySubstantial,
    codes: ["IDENTITY_NOT_VERIFIED", "IDENTITY_LOW"],
  },
  RIE_COMPLIANT: { concerns: () => true, counts: (verdict) => verdict.rieCompliant, codes: AUTHENTICATION_CODES },
  DMP_READY: { concerns: () => true, counts: (verdict) => verdict.dmpReady, codes: ["DMP_UNREACHABLE"] },
  RIE_COMPLIANT_AMONG_CONCERNED: {
    concerns: needsStrongAuthentication,
    counts: (verdict) => verdict.rieCompliant,
    codes: AUTHENTICATION_CODES,
  },
  DMP_READY_AMONG_NEEDING_DMP: {
    concerns: (professional) => professional.needsDmp,
    counts: (verdict) => verdict.dmpReady,
    codes: ["DMP_UNREACHABLE"],
  },
};

export type Shortfall<T> = { professional: T; gaps: ComplianceGap[] };

/**
 * The professionals holding each indicator back at `day`, in roster order; `limit` bounds the
 * list kept per indicator (a page names a few and counts the others).
 */
export function findShortfalls<T extends ProfessionalFacts>(
  indicators: readonly TargetIndicator[],
  roster: { professionals: readonly T[]; establishment: EstablishmentContext },
  day: string,
  limit: number,
): Map<TargetIndicator, { count: number; named: Shortfall<T>[] }> {
  const prepared = prepareEstablishment(roster.establishment);
  const result = new Map(indicators.map((indicator) => [indicator, { count: 0, named: [] as Shortfall<T>[] }]));
  for (const professional of roster.professionals) {
    let verdict: ProfessionalCompliance | undefined;
    for (const [indicator, entry] of result) {
      const rule = RULES[indicator];
      if (!rule.concerns(professional)) continue;
      verdict ??= evaluateProfessional(professional, prepared, day);
      if (!verdict.active || rule.counts(verdict)) continue;
      entry.count++;
      if (entry.named.length < limit)
        entry.named.push({ professional, gaps: verdict.missing.filter((gap) => rule.codes.includes(gap.code)) });
    }
  }
  return result;
}
