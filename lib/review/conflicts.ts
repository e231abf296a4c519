import type { AffiliationKind, ApplicationState, ReviewTier } from "@/lib/db/generated/enums";
import { addYears, parisToday, toDay } from "@/lib/roster/dates";
import { isInReview } from "./review-states";

/**
 * Conflict detection: which (reviewer, dossier) pairs must not be assigned without a manager's
 * written reason, computed from the reviewers' affiliation profiles. Plain data in, flags out, so
 * the assignment page, the automatic assignment and the bench all ask the same rule.
 *
 * A pair is flagged when one of the reviewer's affiliations, current or ended less than
 * `LOOKBACK_YEARS` ago, matches:
 * - the establishment: its FINESS EJ (legal entity) or site FINESS, or its SIREN;
 * - one of the dossier's technology partners, by SIREN (a company's sites share it);
 * - for the national tier: the ARS of the dossier's region, when that ARS reviewed it in the
 *   regional tier (the reviewer would judge their own agency's work).
 * A pair is flagged too when the reviewer declared a conflict with the establishment on another of
 * its dossiers (another wave), less than `LOOKBACK_YEARS` ago: what they declared of the
 * establishment (employer, personal tie, financial interest) holds for all its dossiers.
 */
export const LOOKBACK_YEARS = 3;

export type ConflictFlag = "ESTABLISHMENT_FINESS" | "ESTABLISHMENT_SIRET" | "PARTNER_SIRET" | "REGIONAL_ARS" | "DECLARED_ON_ESTABLISHMENT";

export const CONFLICT_FLAG_LABELS: Readonly<Record<ConflictFlag, string>> = {
  ESTABLISHMENT_FINESS: "Employeur : l'établissement ou son entité juridique (FINESS)",
  ESTABLISHMENT_SIRET: "Employeur : l'établissement (SIRET)",
  PARTNER_SIRET: "Lien avec un partenaire technologique du dossier (SIRET)",
  REGIONAL_ARS: "Son ARS a instruit ce dossier au niveau régional",
  DECLARED_ON_ESTABLISHMENT: "Conflit d'intérêts déclaré sur un autre dossier de l'établissement",
};

export type Affiliation = { kind: AffiliationKind; reference: string; startsOn: Date; endsOn: Date | null };

export type ConflictDossier = {
  finessEj: string;
  finessEt: string;
  siret: string | null;
  regionCode: string;
  partnerSirets: readonly string[];
  /** The dossier was (or is being) reviewed by its region's ARS in the regional tier. */
  reviewedRegionally: boolean;
  /** Reviewers who declared a conflict with the establishment on another of its dossiers, within the look-back window. */
  conflictDeclaredBy: readonly string[];
};

/**
 * A dossier as detection reads it, from its establishment, its partners and its assignments: its
 * ARS reviewed it regionally when a regional assignment is live (no declared conflict ended it).
 */
export function conflictDossier(
  application: {
    establishment: { finessEj: string; finessEt: string; siret: string | null; regionCode: string };
    partners: ReadonlyArray<{ siret: string | null }>;
    assignments: ReadonlyArray<{ tier: ReviewTier; conflict: { hasConflict: boolean } | null }>;
  },
  conflictDeclaredBy: readonly string[] = [],
): ConflictDossier {
  return {
    finessEj: application.establishment.finessEj,
    finessEt: application.establishment.finessEt,
    siret: application.establishment.siret,
    regionCode: application.establishment.regionCode,
    partnerSirets: application.partners.flatMap((partner) => (partner.siret ? [partner.siret] : [])),
    reviewedRegionally: application.assignments.some(
      (assignment) => assignment.tier === "REGIONAL" && assignment.conflict?.hasConflict !== true,
    ),
    conflictDeclaredBy,
  };
}

/** The earliest moment a tie still counts from at `now`. */
export function lookBackHorizon(now: Date): Date {
  const horizon = new Date(now);
  horizon.setUTCFullYear(horizon.getUTCFullYear() - LOOKBACK_YEARS);
  return horizon;
}

/**
 * The affiliations that still count at `now`: begun, and current or ended within the look-back
 * window. Their dates are calendar days, compared with the Paris day of `now`: compared with the
 * instant, a tie would begin counting, or stop, at midnight UTC, an hour or two into the Paris day.
 */
export function activeAffiliations<T extends Affiliation>(affiliations: readonly T[], now: Date): T[] {
  const today = toDay(parisToday(now));
  const horizon = addYears(today, -LOOKBACK_YEARS);
  return affiliations.filter(
    (affiliation) => toDay(affiliation.startsOn) <= today && (affiliation.endsOn === null || toDay(affiliation.endsOn) >= horizon),
  );
}

const siren = (siret: string) => siret.slice(0, 9);

/** The reasons a pair is flagged, empty when none (in a stable order). */
export function detectConflicts(
  affiliations: readonly Affiliation[],
  dossier: ConflictDossier,
  tier: ReviewTier,
  now: Date,
): ConflictFlag[] {
  const flags = new Set<ConflictFlag>();
  const partnerSirens = new Set(dossier.partnerSirets.map(siren));
  for (const affiliation of activeAffiliations(affiliations, now)) {
    switch (affiliation.kind) {
      case "FINESS":
        if (affiliation.reference === dossier.finessEj || affiliation.reference === dossier.finessEt) flags.add("ESTABLISHMENT_FINESS");
        break;
      case "SIRET":
        if (dossier.siret && siren(affiliation.reference) === siren(dossier.siret)) flags.add("ESTABLISHMENT_SIRET");
        if (partnerSirens.has(siren(affiliation.reference))) flags.add("PARTNER_SIRET");
        break;
      case "ARS":
        if (tier === "NATIONAL" && dossier.reviewedRegionally && affiliation.reference === dossier.regionCode) flags.add("REGIONAL_ARS");
        break;
    }
  }
  return (Object.keys(CONFLICT_FLAG_LABELS) as ConflictFlag[]).filter((flag) => flags.has(flag));
}

/**
 * An index of affiliations by what they match, so that flagging every pair of a wave (thousands of
 * dossiers × hundreds of reviewers) looks up each dossier's identifiers instead of comparing every
 * pair: the flagged pairs come out in time proportional to the dossiers and the matches.
 */
export function conflictIndex(reviewers: ReadonlyArray<{ id: string; affiliations: readonly Affiliation[] }>, now: Date) {
  const byKey = new Map<string, Set<string>>();
  for (const reviewer of reviewers) {
    for (const affiliation of activeAffiliations(reviewer.affiliations, now)) {
      const key = `${affiliation.kind}:${affiliation.kind === "SIRET" ? siren(affiliation.reference) : affiliation.reference}`;
      const ids = byKey.get(key) ?? new Set<string>();
      ids.add(reviewer.id);
      byKey.set(key, ids);
    }
  }
  const affiliationsOf = new Map(reviewers.map((reviewer) => [reviewer.id, reviewer.affiliations]));
  return {
    /** The flags of every reviewer who has any for this dossier. */
    flagsFor(dossier: ConflictDossier, tier: ReviewTier): Map<string, ConflictFlag[]> {
      const keys = [
        `FINESS:${dossier.finessEj}`,
        `FINESS:${dossier.finessEt}`,
        ...(dossier.siret ? [`SIRET:${siren(dossier.siret)}`] : []),
        ...dossier.partnerSirets.map((siret) => `SIRET:${siren(siret)}`),
        ...(tier === "NATIONAL" && dossier.reviewedRegionally ? [`ARS:${dossier.regionCode}`] : []),
      ];
      const candidates = new Set<string>(dossier.conflictDeclaredBy.filter((id) => affiliationsOf.has(id)));
      for (const key of keys) for (const id of byKey.get(key) ?? []) candidates.add(id);
      const result = new Map<string, ConflictFlag[]>();
      for (const id of candidates) {
        const flags = detectConflicts(affiliationsOf.get(id) ?? [], dossier, tier, now);
        // Last in the labels' order, so the list stays in that order.
        if (dossier.conflictDeclaredBy.includes(id)) flags.push("DECLARED_ON_ESTABLISHMENT");
        if (flags.length > 0) result.set(id, flags);
      }
      return result;
    },
  };
}

/**
 * Among the pairs a reviewer holds on the assignment page (live, on a dossier in review), those a
 * change of their affiliations newly flags: flagged by the new ones, not by the old. The page flags
 * them from then on with `detectConflicts`, as it flags a candidate; the manager who saved the
 * change is told at once, since only they can judge whether the tie still holds.
 */
export function newlyFlaggedPairs<
  T extends { tier: ReviewTier; state: ApplicationState; hasConflict: boolean | null; dossier: ConflictDossier },
>(pairs: readonly T[], before: readonly Affiliation[], after: readonly Affiliation[], now: Date): T[] {
  const flagged = (affiliations: readonly Affiliation[], pair: T) => detectConflicts(affiliations, pair.dossier, pair.tier, now).length > 0;
  return pairs.filter((pair) => pair.hasConflict !== true && isInReview(pair.state) && flagged(after, pair) && !flagged(before, pair));
}
