/**
 * The verdicts for one professional at one day, as a bit set: the hot path shared by the
 * per-professional view (`compliance.ts`) and the establishment indicators (`indicators.ts`), which
 * run it over a million professionals and must not allocate per professional.
 *
 * The rules are docs/domain/mie-and-compliance.md; what each MIE type is comes from
 * `@/lib/mie/catalogue` only.
 *
 * Public API (inside lib/roster): `Verdict`, `prepareEstablishment`, `PreparedEstablishment`,
 * `dayContext`, `DayContext`, `verdictFlags`, `enrollmentStanding`, `MieStanding`, `countsForRie`,
 * `isRegistered`.
 */
import type { MieType } from "@/lib/db/generated/enums";
import { isValidRpps } from "@/lib/identifiers/rpps";
import {
  IDENTITY_VERIFICATION_CATALOGUE,
  MIE_CATALOGUE,
  MIE_TYPES,
  RIE_DEADLINE,
  meetsEidasLevel,
  type MieDefinition,
} from "@/lib/mie/catalogue";
import { addYears, toDay, type Day } from "./dates";
import type { EstablishmentContext, EnrollmentFacts, ProfessionalFacts } from "./model";

export const Verdict = {
  ACTIVE: 1,
  REGISTERED: 2,
  IDENTITY_SUBSTANTIAL: 4,
  RIE_COMPLIANT: 8,
  DMP_READY: 16,
  /** Before the RIE deadline, a password alone: tolerated from inside the establishment only. */
  LOCAL_ACCESS_ONLY: 32,
  RPPS_CHECK_OVERDUE: 64,
} as const;

/** How long an RPPS link check stays valid (RIE: at least every two years). */
const RPPS_CHECK_VALIDITY_YEARS = 2;
const RIE_DEADLINE_DAY = toDay(RIE_DEADLINE);

export type PreparedEstablishment = {
  /** Day from which each MIE type is homologated; absent when it is not. */
  homologatedFrom: Partial<Record<MieType, Day>>;
  idpFederatedWithPsc: boolean;
  usesAirSimplifie: boolean;
};

/** Reads the establishment's dates once, not once per professional. */
export function prepareEstablishment(context: EstablishmentContext): PreparedEstablishment {
  const homologatedFrom: Partial<Record<MieType, Day>> = {};
  for (const type of MIE_TYPES) {
    const decidedAt = context.homologations[type];
    if (decidedAt !== undefined) homologatedFrom[type] = toDay(decidedAt);
  }
  return {
    homologatedFrom,
    idpFederatedWithPsc: context.idpFederatedWithPsc,
    usesAirSimplifie: context.usesAirSimplifie,
  };
}

/**
 * Where one enrollment stands at a day (the professional's activity is checked by the caller):
 * - NOT_IN_FORCE: not enrolled yet, expired or revoked;
 * - NEEDS_RPPS: an MIE that comes with the RPPS number (e-CPS, FIDO2 key enrolled in PSC) held by a
 *   professional who is not registered in RPPS (`isRegistered`): it cannot be in force, so it does
 *   not count (the roster is more likely missing the number than the person the e-CPS);
 * - ONE_FACTOR: from the deadline, a one-factor MIE (a password alone): never compliant;
 * - LOCAL_ACCESS_ONLY: before the deadline, a one-factor MIE: tolerated from inside the establishment;
 * - STATE: provided by the administration or PSC, counts without homologation;
 * - HOMOLOGATED: a local MIE homologated on or before the day;
 * - TRANSITION: before the deadline, any other two-factor MIE (the *MIE de transition*);
 * - NOT_HOMOLOGATED: from the deadline, a local MIE without homologation at that day;
 * - TRANSITION_ENDED: from the deadline, a transition-only MIE (OTP by SMS / e-mail).
 */
export type MieStanding =
  | "NOT_IN_FORCE"
  | "NEEDS_RPPS"
  | "ONE_FACTOR"
  | "LOCAL_ACCESS_ONLY"
  | "STATE"
  | "HOMOLOGATED"
  | "TRANSITION"
  | "NOT_HOMOLOGATED"
  | "TRANSITION_ENDED";

/** `registered`: the professional's `isRegistered`, worked out once by the caller. */
export function enrollmentStanding(
  enrollment: EnrollmentFacts,
  registered: boolean,
  establishment: PreparedEstablishment,
  at: DayContext,
): MieStanding {
  const day = at.day;
  if (toDay(enrollment.enrolledAt) > day) return "NOT_IN_FORCE";
  if (enrollment.expiresAt !== null && toDay(enrollment.expiresAt) <= day) return "NOT_IN_FORCE";
  if (enrollment.revokedAt !== null && toDay(enrollment.revokedAt) <= day) return "NOT_IN_FORCE";
  const definition = MIE_CATALOGUE[enrollment.type];
  if (definition.needsRpps && !registered) return "NEEDS_RPPS";
  if (definition.factors === 1) return at.beforeDeadline ? "LOCAL_ACCESS_ONLY" : "ONE_FACTOR";
  if (definition.governance === "STATE") return "STATE";
  if (definition.transitionOnly) return at.beforeDeadline ? "TRANSITION" : "TRANSITION_ENDED";
  const homologatedFrom = establishment.homologatedFrom[enrollment.type];
  if (homologatedFrom !== undefined && homologatedFrom <= day) return "HOMOLOGATED";
  return at.beforeDeadline ? "TRANSITION" : "NOT_HOMOLOGATED";
}

export function countsForRie(standing: MieStanding): boolean {
  return standing === "STATE" || standing === "HOMOLOGATED" || standing === "TRANSITION";
}

/** A counting MIE reaches the DMP through PSC directly, through the federated IdP, or AIR simplifié. */
function reachesDmp(definition: MieDefinition, establishment: PreparedEstablishment): boolean {
  if (definition.pscDirect) return true;
  if (establishment.idpFederatedWithPsc && definition.pscThroughFederatedIdp) return true;
  return establishment.usesAirSimplifie && definition.factors === 2;
}

export function isRegistered(professional: Pick<ProfessionalFacts, "rpps" | "rppsStatus">): boolean {
  return professional.rppsStatus === "REGISTERED" && professional.rpps !== null && isValidRpps(professional.rpps);
}

/** What the rules need to know about a day, worked out once for all professionals. */
export type DayContext = {
  day: Day;
  /** Transition MIE still count. */
  beforeDeadline: boolean;
  /**
   * The earliest RPPS link check still valid at `day`. A link is overdue when never checked, or
   * when its last check is more than two years old: a check on 2024-03-01 is due by 2026-03-01 and
   * overdue from 2026-03-02; one on 2024-02-29 is overdue from 2026-03-01.
   */
  rppsCheckedSince: Day;
};

export function dayContext(day: Day): DayContext {
  // addYears clamps 29 February, so it cannot simply be run backwards: find the first check day
  // whose anniversary is not before `day`, starting just below the answer.
  let since = addYears(day, -RPPS_CHECK_VALIDITY_YEARS) - 2;
  while (addYears(since, RPPS_CHECK_VALIDITY_YEARS) < day) since++;
  return { day, beforeDeadline: day < RIE_DEADLINE_DAY, rppsCheckedSince: since };
}

/** Identity-proofing methods at eIDAS « substantiel » or above, read from the catalogue once. */
const SUBSTANTIAL_IDENTITY = new Set(
  Object.entries(IDENTITY_VERIFICATION_CATALOGUE)
    .filter(([, definition]) => meetsEidasLevel(definition.eidasLevel, "SUBSTANTIEL"))
    .map(([method]) => method),
);

function activeAt(professional: ProfessionalFacts, day: Day): boolean {
  if (toDay(professional.activityStart) > day) return false;
  return professional.activityEnd === null || toDay(professional.activityEnd) >= day;
}

/** Sum of `Verdict` bits for the professional at `day`. MIE count only while the activity covers the day. */
export function verdictFlags(professional: ProfessionalFacts, establishment: PreparedEstablishment, at: DayContext): number {
  let flags = 0;
  const registered = isRegistered(professional);
  if (registered) {
    flags |= Verdict.REGISTERED;
    const checkedAt = professional.rppsCheckedAt;
    if (checkedAt === null || toDay(checkedAt) < at.rppsCheckedSince) flags |= Verdict.RPPS_CHECK_OVERDUE;
  }
  if (SUBSTANTIAL_IDENTITY.has(professional.identityVerification)) flags |= Verdict.IDENTITY_SUBSTANTIAL;
  if (!activeAt(professional, at.day)) return flags;
  flags |= Verdict.ACTIVE;
  for (const enrollment of professional.enrollments) {
    const standing = enrollmentStanding(enrollment, registered, establishment, at);
    if (countsForRie(standing)) {
      flags |= Verdict.RIE_COMPLIANT;
      if (reachesDmp(MIE_CATALOGUE[enrollment.type], establishment)) flags |= Verdict.DMP_READY;
    } else if (standing === "LOCAL_ACCESS_ONLY") {
      flags |= Verdict.LOCAL_ACCESS_ONLY;
    }
  }
  // A password is only worth mentioning when nothing better counts.
  if (flags & Verdict.RIE_COMPLIANT) flags &= ~Verdict.LOCAL_ACCESS_ONLY;
  return flags;
}
