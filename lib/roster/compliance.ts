/**
 * Compliance of one professional at a date: the verdicts of docs/domain/mie-and-compliance.md
 * and what is missing, in French.
 *
 * Date semantics (all date-only, compared as UTC days, see `dates.ts`):
 * - active at d: activityStart ≤ d ≤ activityEnd (the end date is the last day worked);
 * - an MIE counts at d when enrolledAt ≤ d < expiresAt and d < revokedAt (expiry and revocation
 *   dates are the first day it no longer works), and the professional is active at d;
 * - a local MIE is homologated at d when the decision is dated on or before d;
 * - the transition ends on `RIE_DEADLINE` (2026-01-01): on 2025-12-31 a transition MIE counts, on
 *   2026-01-01 it does not;
 * - the RPPS link check is overdue when never made, or when d is more than two years after it.
 *
 * Product choices: `rieCompliant` means « may authenticate to any service, remote ones included »,
 * so a password alone never makes it (before 2026 it sets `localAccessOnly`); a professional with
 * no need for strong authentication still gets the verdict, but is not told an MIE is missing
 * (see `missing.ts` for the full list of such choices).
 *
 * Public API: `evaluateProfessional(professional, establishment, at)` → `ProfessionalCompliance`,
 * and the input types from `model.ts`.
 */
import { toDay, type DayInput } from "./dates";
import { AUTHENTICATION_CODES, missingItems, type MissingCode, type ComplianceGap } from "./missing";
import type { EstablishmentContext, ProfessionalFacts } from "./model";
import { dayContext, prepareEstablishment, Verdict, verdictFlags, type PreparedEstablishment } from "./verdicts";

export type { EstablishmentContext, EnrollmentFacts, ProfessionalFacts } from "./model";
export type { MissingCode, ComplianceGap };
export { AUTHENTICATION_CODES };

export type ProfessionalCompliance = {
  active: boolean;
  /** RPPS number present, with a valid key, and status « enregistré ». */
  registered: boolean;
  /** Identity proofing at eIDAS « substantiel » or above. */
  identitySubstantial: boolean;
  /** At least one MIE that counts for the RIE at the date (remote access included). */
  rieCompliant: boolean;
  /** Before 2026-01-01, only a password: tolerated for access from inside the establishment. */
  localAccessOnly: boolean;
  /** Two-factor authentication to the DMP through PSC or AIR simplifié. */
  dmpReady: boolean;
  /** Registered, and the RPPS link was not checked in the last two years. */
  rppsCheckOverdue: boolean;
  missing: ComplianceGap[];
};

/**
 * `establishment` may be prepared once with `prepareEstablishment` when evaluating many
 * professionals; `at` is a `AAAA-MM-JJ` string or a Date read as its UTC day.
 */
export function evaluateProfessional(
  professional: ProfessionalFacts,
  establishment: EstablishmentContext | PreparedEstablishment,
  at: DayInput,
): ProfessionalCompliance {
  const prepared = "homologatedFrom" in establishment ? establishment : prepareEstablishment(establishment);
  const day = dayContext(toDay(at));
  const flags = verdictFlags(professional, prepared, day);
  return {
    active: (flags & Verdict.ACTIVE) !== 0,
    registered: (flags & Verdict.REGISTERED) !== 0,
    identitySubstantial: (flags & Verdict.IDENTITY_SUBSTANTIAL) !== 0,
    rieCompliant: (flags & Verdict.RIE_COMPLIANT) !== 0,
    localAccessOnly: (flags & Verdict.LOCAL_ACCESS_ONLY) !== 0,
    dmpReady: (flags & Verdict.DMP_READY) !== 0,
    rppsCheckOverdue: (flags & Verdict.RPPS_CHECK_OVERDUE) !== 0,
    missing: missingItems(professional, prepared, day, flags),
  };
}

export { prepareEstablishment, type PreparedEstablishment };
