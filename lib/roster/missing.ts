/**
 * What a professional still lacks at a day, in French, with the next step, worded for an
 * establishment director. Built from the verdict bits (`verdicts.ts`) and, for the MIE, from each
 * enrollment's standing, so the messages never disagree with the figures.
 *
 * Which items are listed (product choices):
 * - nothing for a professional who is not active at the day (they are outside every indicator);
 * - registration and identity for every active professional (objective 1 covers them all);
 * - authentication only for those who need strong authentication (`needsStrongAuthentication`);
 * - the DMP only for those who need it;
 * - the RPPS link check only for registered professionals (others have no link to check).
 *
 * Public API (inside lib/roster): `MissingCode`, `AUTHENTICATION_CODES`, `ComplianceGap`, `missingItems`.
 */
import { MIE_CATALOGUE, RIE_DEADLINE, type MieDefinition } from "@/lib/mie/catalogue";
import type { MieType } from "@/lib/db/generated/enums";
import { isValidRpps } from "@/lib/identifiers/rpps";
import { formatDayFr, formatDayFrLong, toDay, type Day } from "./dates";
import { VERDICT_LABELS } from "./labels";
import { needsStrongAuthentication, type EnrollmentFacts, type ProfessionalFacts } from "./model";
import { countsForRie, enrollmentStanding, Verdict, type DayContext, type MieStanding, type PreparedEstablishment } from "./verdicts";

export type MissingCode =
  | "RPPS_NOT_REGISTERED"
  | "RPPS_REQUESTED"
  | "RPPS_NUMBER_MISSING"
  | "RPPS_NUMBER_INVALID"
  | "IDENTITY_NOT_VERIFIED"
  | "IDENTITY_LOW"
  | "NO_COMPLIANT_MIE"
  | "MIE_NOT_YET_VALID"
  | "MIE_EXPIRED"
  | "MIE_REVOKED"
  | "MIE_WITHOUT_RPPS"
  | "ONE_FACTOR_MIE"
  | "TRANSITION_MIE_ENDED"
  | "LOCAL_MIE_NOT_HOMOLOGATED"
  | "PASSWORD_LOCAL_ACCESS_ONLY"
  | "DMP_UNREACHABLE"
  | "RPPS_CHECK_OVERDUE";

/** The items that explain why no MIE counts for the RIE (the follow-up's shortfalls, the projection's lapses read them). */
export const AUTHENTICATION_CODES: readonly MissingCode[] = [
  "NO_COMPLIANT_MIE",
  "MIE_NOT_YET_VALID",
  "MIE_EXPIRED",
  "MIE_REVOKED",
  "MIE_WITHOUT_RPPS",
  "ONE_FACTOR_MIE",
  "TRANSITION_MIE_ENDED",
  "LOCAL_MIE_NOT_HOMOLOGATED",
  "PASSWORD_LOCAL_ACCESS_ONLY",
];

export type ComplianceGap = { code: MissingCode; message: string; nextStep: string };

const DEADLINE_DAY = toDay(RIE_DEADLINE);
const VERIFY_IDENTITY = "Vérifier l'identité en face à face ou avec FranceConnect+";
const ENROL_PSC_MIE = "Enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect";
const HOMOLOGATE = "Homologuer ce moyen (décision datée de l'établissement, selon la méthode de l'ANSSI)";
const REGISTER_THEN_ENROL = "Enregistrer d'abord le professionnel au RPPS, puis enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect";

/** « Enrôler … » → « enrôler … », to follow a semicolon. */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function registrationItem(professional: ProfessionalFacts): ComplianceGap {
  if (professional.rppsStatus === "REQUESTED") {
    return {
      code: "RPPS_REQUESTED",
      message: "Enregistrement au RPPS demandé, pas encore confirmé",
      nextStep: "Suivre la demande, puis saisir le numéro RPPS reçu",
    };
  }
  if (professional.rppsStatus === "NOT_REGISTERED") {
    // An e-CPS or a PSC key is only issued with an RPPS number: the roster is more likely out of
    // date than the person unregistered, and the MIE's own item asks for the number.
    const rppsBound = professional.enrollments.find((enrollment) => MIE_CATALOGUE[enrollment.type].needsRpps);
    return {
      code: "RPPS_NOT_REGISTERED",
      message: VERDICT_LABELS.registered.no,
      nextStep: rppsBound
        ? `Chercher le professionnel dans l'Annuaire Santé (un moyen délivré avec le numéro RPPS, ${MIE_CATALOGUE[rppsBound.type].shortLabel}, est enregistré pour lui) : s'il y figure, saisir son numéro et le statut « Enregistré » ; sinon, demander l'enregistrement au RPPS`
        : "Demander l'enregistrement au RPPS (RPPS+ pour les professionnels du social et du médico-social)",
    };
  }
  if (professional.rpps === null || professional.rpps.trim() === "") {
    return {
      code: "RPPS_NUMBER_MISSING",
      message: "Enregistré au RPPS, mais le numéro RPPS n'est pas renseigné",
      nextStep: "Saisir le numéro RPPS (11 chiffres, visible dans l'Annuaire Santé)",
    };
  }
  return {
    code: "RPPS_NUMBER_INVALID",
    message: `Numéro RPPS ${professional.rpps} invalide (11 chiffres dont une clé de contrôle attendus)`,
    nextStep: "Corriger le numéro RPPS à partir de l'Annuaire Santé",
  };
}

function identityItem(professional: ProfessionalFacts): ComplianceGap {
  return professional.identityVerification === "NONE"
    ? { code: "IDENTITY_NOT_VERIFIED", message: "Identité non vérifiée", nextStep: VERIFY_IDENTITY }
    : { code: "IDENTITY_LOW", message: "Identité vérifiée au niveau faible", nextStep: VERIFY_IDENTITY };
}

/** Why an enrollment is not in force at the day, in the director's words, or null when it is. */
function notInForceItem(
  professional: ProfessionalFacts,
  enrollment: EnrollmentFacts,
  registered: boolean,
  day: Day,
  enrol: string,
): ComplianceGap | null {
  const { shortLabel, gender, needsRpps } = MIE_CATALOGUE[enrollment.type];
  const agreed = (word: string) => (gender === "f" ? `${word}e` : word);
  const enrolledAt = toDay(enrollment.enrolledAt);
  if (enrolledAt > day) {
    return {
      code: "MIE_NOT_YET_VALID",
      message: `${shortLabel} valable à partir du ${formatDayFr(enrolledAt)}`,
      // Without the RPPS number it would not count from that day either.
      nextStep:
        needsRpps && !registered
          ? rppsForMieItem(professional, enrollment.type).nextStep
          : `Ce moyen comptera à partir du ${formatDayFr(enrolledAt)} ; d'ici là, ${lowerFirst(enrol)}`,
    };
  }
  // Revocation first: a card revoked before its expiry is known as revoked.
  const revokedAt = enrollment.revokedAt === null ? null : toDay(enrollment.revokedAt);
  const expiresAt = enrollment.expiresAt === null ? null : toDay(enrollment.expiresAt);
  if (revokedAt !== null && revokedAt <= day && (expiresAt === null || revokedAt <= expiresAt)) {
    return { code: "MIE_REVOKED", message: `${shortLabel} ${agreed("révoqué")} le ${formatDayFr(revokedAt)}`, nextStep: enrol };
  }
  if (expiresAt !== null && expiresAt <= day) {
    return { code: "MIE_EXPIRED", message: `${shortLabel} ${agreed("expiré")} le ${formatDayFr(expiresAt)}`, nextStep: enrol };
  }
  return null;
}

/**
 * An e-CPS (or a FIDO2 key enrolled in PSC) held by a professional the roster does not show as
 * registered in RPPS: the MIE comes with the number, so the roster most likely lacks the number.
 */
function rppsForMieItem(professional: ProfessionalFacts, type: MieType): ComplianceGap {
  const { shortLabel } = MIE_CATALOGUE[type];
  const rpps = professional.rpps?.trim() ?? "";
  if (rpps === "") {
    return {
      code: "MIE_WITHOUT_RPPS",
      message: `${shortLabel} sans numéro RPPS : ce moyen est délivré avec le numéro RPPS, il ne compte pas sans lui`,
      nextStep: "Renseigner le numéro RPPS du professionnel et le statut « Enregistré » (Annuaire Santé)",
    };
  }
  if (!isValidRpps(rpps)) {
    return {
      code: "MIE_WITHOUT_RPPS",
      message: `${shortLabel} avec un numéro RPPS invalide : ce moyen ne compte pas tant que le numéro n'est pas corrigé`,
      nextStep: "Corriger le numéro RPPS à partir de l'Annuaire Santé",
    };
  }
  return {
    code: "MIE_WITHOUT_RPPS",
    message: `${shortLabel} alors que le statut RPPS n'est pas « Enregistré » : ce moyen ne compte pas`,
    nextStep: "Vérifier le numéro RPPS dans l'Annuaire Santé, puis choisir le statut « Enregistré »",
  };
}

/** One item per MIE that does not count, with why; « no compliant MIE » when there is none to name. */
function authenticationItems(
  professional: ProfessionalFacts,
  registered: boolean,
  establishment: PreparedEstablishment,
  at: DayContext,
  enrol: string,
): ComplianceGap[] {
  const items: ComplianceGap[] = [];
  const seen = new Set<string>();
  let passwordOnly = false;
  const push = (key: string, item: ComplianceGap) => {
    if (seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  for (const enrollment of professional.enrollments) {
    const standing = enrollmentStanding(enrollment, registered, establishment, at);
    const label = MIE_CATALOGUE[enrollment.type].label;
    if (standing === "LOCAL_ACCESS_ONLY") passwordOnly = true;
    else if (standing === "NOT_IN_FORCE") {
      const item = notInForceItem(professional, enrollment, registered, at.day, enrol);
      if (item !== null) push(item.message, item);
    } else if (standing === "NEEDS_RPPS") push(enrollment.type, rppsForMieItem(professional, enrollment.type));
    else if (standing === "ONE_FACTOR") {
      push(enrollment.type, {
        code: "ONE_FACTOR_MIE",
        message: `${label} : un seul facteur, non conforme (toléré jusqu'au ${formatDayFrLong(DEADLINE_DAY - 1)} pour l'accès depuis l'établissement, jamais à distance)`,
        nextStep: enrol,
      });
    } else if (standing === "TRANSITION_ENDED") {
      push(enrollment.type, {
        code: "TRANSITION_MIE_ENDED",
        message: `${label} : moyen de transition, non conforme depuis le ${formatDayFrLong(DEADLINE_DAY)}`,
        nextStep: enrol,
      });
    } else if (standing === "NOT_HOMOLOGATED") {
      const decidedFrom = establishment.homologatedFrom[enrollment.type];
      push(
        enrollment.type,
        decidedFrom === undefined
          ? {
              code: "LOCAL_MIE_NOT_HOMOLOGATED",
              message: `${label} : moyen local non homologué`,
              nextStep: `${HOMOLOGATE}, ou ${lowerFirst(ENROL_PSC_MIE)}`,
            }
          : {
              code: "LOCAL_MIE_NOT_HOMOLOGATED",
              message: `${label} : moyen local homologué seulement à partir du ${formatDayFr(decidedFrom)}`,
              nextStep: `Ce moyen comptera à partir du ${formatDayFr(decidedFrom)} ; d'ici là, ${lowerFirst(ENROL_PSC_MIE)}`,
            },
      );
    }
  }
  if (passwordOnly) {
    items.push({
      code: "PASSWORD_LOCAL_ACCESS_ONLY",
      message: `Mot de passe seul : toléré jusqu'au ${formatDayFrLong(DEADLINE_DAY - 1)} pour l'accès depuis l'établissement, jamais à distance`,
      nextStep: enrol,
    });
  }
  if (items.length === 0) {
    items.push({ code: "NO_COMPLIANT_MIE", message: "Aucun moyen d'authentification conforme", nextStep: enrol });
  }
  return items;
}

type Standing = { definition: MieDefinition; standing: MieStanding };

/**
 * The next step towards the DMP. A local two-factor MIE reaches it through a federated IdP or AIR
 * simplifié only once it counts for the RIE: from 2026, once homologated (the RIE asks for a
 * compliant MIE to reach digital health services), so an unhomologated one calls for its homologation.
 * `offPscLocal`: a compliant local MIE that the federation of the establishment's IdP would open to it.
 */
function dmpNextStep(
  standings: Standing[],
  offPscLocal: MieDefinition | undefined,
  professional: ProfessionalFacts,
  establishment: PreparedEstablishment,
  enrol: string,
): string {
  // An e-CPS or a PSC key already held: the RPPS number is what is missing.
  const withoutRpps = standings.find(({ standing }) => standing === "NEEDS_RPPS");
  if (withoutRpps) return rppsForMieItem(professional, withoutRpps.definition.type).nextStep;
  const toHomologate = standings.find(
    ({ definition, standing }) =>
      standing === "NOT_HOMOLOGATED" &&
      ((establishment.idpFederatedWithPsc && definition.pscThroughFederatedIdp) ||
        (establishment.usesAirSimplifie && definition.factors === 2)),
  );
  if (toHomologate) {
    const { label, type } = toHomologate.definition;
    const decidedFrom = establishment.homologatedFrom[type];
    return decidedFrom === undefined
      ? `${HOMOLOGATE} : « ${label} » donnera alors accès au DMP`
      : `« ${label} » donnera accès au DMP à partir du ${formatDayFr(decidedFrom)}, date de son homologation`;
  }
  return offPscLocal ? "Fédérer le fournisseur d'identité de l'établissement avec Pro Santé Connect, ou enrôler une e-CPS" : enrol;
}

/**
 * Rule 2 of docs/domain/mie-and-compliance.md, for the professional at hand: a compliant MIE they
 * hold is named with the way it would reach the DMP, rather than listed back to them as the remedy.
 */
function dmpItem(
  professional: ProfessionalFacts,
  registered: boolean,
  establishment: PreparedEstablishment,
  at: DayContext,
  enrol: string,
): ComplianceGap {
  const standings = professional.enrollments.map((enrollment) => ({
    definition: MIE_CATALOGUE[enrollment.type],
    standing: enrollmentStanding(enrollment, registered, establishment, at),
  }));
  // A compliant MIE has two factors, so it misses the DMP only without AIR simplifié, and a local
  // one only without the federation too.
  const compliant = standings.filter(({ standing }) => countsForRie(standing)).map(({ definition }) => definition);
  const offPscLocal = compliant.find((definition) => definition.pscThroughFederatedIdp);
  const other = compliant[0];
  const message = offPscLocal
    ? `Pas d'accès au DMP : « ${offPscLocal.label} » est conforme, mais n'y donne accès que si le fournisseur d'identité de l'établissement est fédéré avec Pro Santé Connect, ou par AIR simplifié`
    : other
      ? `Pas d'accès au DMP : « ${other.label} » est conforme, mais n'y donne accès que par AIR simplifié`
      : "Pas d'accès au DMP : il faut une authentification à deux facteurs par Pro Santé Connect (CPS, e-CPS, clé FIDO2 enrôlée dans Pro Santé Connect, ou moyen local homologué si le fournisseur d'identité de l'établissement est fédéré avec Pro Santé Connect), ou par AIR simplifié avec un moyen conforme à deux facteurs";
  return { code: "DMP_UNREACHABLE", message, nextStep: dmpNextStep(standings, offPscLocal, professional, establishment, enrol) };
}

function rppsCheckItem(professional: ProfessionalFacts): ComplianceGap {
  const nextStep = "Vérifier le numéro RPPS dans l'Annuaire Santé (au moins tous les deux ans)";
  return professional.rppsCheckedAt === null
    ? { code: "RPPS_CHECK_OVERDUE", message: "Lien avec le RPPS jamais vérifié", nextStep }
    : {
        code: "RPPS_CHECK_OVERDUE",
        message: `Lien avec le RPPS vérifié il y a plus de deux ans (le ${formatDayFr(toDay(professional.rppsCheckedAt))})`,
        nextStep,
      };
}

export function missingItems(
  professional: ProfessionalFacts,
  establishment: PreparedEstablishment,
  at: DayContext,
  flags: number,
): ComplianceGap[] {
  if (!(flags & Verdict.ACTIVE)) return [];
  const items: ComplianceGap[] = [];
  const registered = (flags & Verdict.REGISTERED) !== 0;
  if (!registered) items.push(registrationItem(professional));
  if (!(flags & Verdict.IDENTITY_SUBSTANTIAL)) items.push(identityItem(professional));
  // An e-CPS (and so a FIDO2 key enrolled in PSC) needs an RPPS number first.
  const enrol = registered ? ENROL_PSC_MIE : REGISTER_THEN_ENROL;
  if (!(flags & Verdict.RIE_COMPLIANT) && needsStrongAuthentication(professional)) {
    items.push(...authenticationItems(professional, registered, establishment, at, enrol));
  }
  if (professional.needsDmp && !(flags & Verdict.DMP_READY)) items.push(dmpItem(professional, registered, establishment, at, enrol));
  if (flags & Verdict.RPPS_CHECK_OVERDUE) items.push(rppsCheckItem(professional));
  return items;
}
