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
 * Public API (inside lib/roster): `MissingCode`, `ComplianceGap`, `missingItems`.
 */
import { MIE_CATALOGUE, RIE_DEADLINE } from "@/lib/mie/catalogue";
import type { MieType } from "@/lib/db/generated/enums";
import { formatDayFr, formatDayFrLong, toDay } from "./dates";
import { needsStrongAuthentication, type ProfessionalFacts } from "./model";
import { countsForRie, enrollmentStanding, Verdict, type DayContext, type PreparedEstablishment } from "./verdicts";

export type MissingCode =
  | "RPPS_NOT_REGISTERED"
  | "RPPS_REQUESTED"
  | "RPPS_NUMBER_MISSING"
  | "RPPS_NUMBER_INVALID"
  | "IDENTITY_NOT_VERIFIED"
  | "IDENTITY_LOW"
  | "NO_COMPLIANT_MIE"
  | "TRANSITION_MIE_ENDED"
  | "LOCAL_MIE_NOT_HOMOLOGATED"
  | "PASSWORD_LOCAL_ACCESS_ONLY"
  | "DMP_UNREACHABLE"
  | "RPPS_CHECK_OVERDUE";

export type ComplianceGap = { code: MissingCode; message: string; nextStep: string };

const DEADLINE_DAY = toDay(RIE_DEADLINE);
const VERIFY_IDENTITY = "Vérifier l'identité en face à face ou avec FranceConnect+";
const ENROL_PSC_MIE = "Enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect";
const REGISTER_THEN_ENROL = "Enregistrer d'abord le professionnel au RPPS, puis enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect";

function registrationItem(professional: ProfessionalFacts): ComplianceGap {
  if (professional.rppsStatus === "REQUESTED") {
    return {
      code: "RPPS_REQUESTED",
      message: "Enregistrement au RPPS demandé, pas encore confirmé",
      nextStep: "Suivre la demande, puis saisir le numéro RPPS reçu",
    };
  }
  if (professional.rppsStatus === "NOT_REGISTERED") {
    return {
      code: "RPPS_NOT_REGISTERED",
      message: "Non enregistré au RPPS",
      nextStep: "Demander l'enregistrement au RPPS (RPPS+ pour les professionnels du social et du médico-social)",
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

/** One item per MIE type that is in force but does not count, or « no compliant MIE ». */
function authenticationItems(
  professional: ProfessionalFacts,
  establishment: PreparedEstablishment,
  at: DayContext,
  enrol: string,
): ComplianceGap[] {
  const items: ComplianceGap[] = [];
  const seen = new Set<MieType>();
  let passwordOnly = false;
  for (const enrollment of professional.enrollments) {
    const standing = enrollmentStanding(enrollment, establishment, at);
    if (standing === "LOCAL_ACCESS_ONLY") passwordOnly = true;
    if ((standing !== "TRANSITION_ENDED" && standing !== "NOT_HOMOLOGATED") || seen.has(enrollment.type)) continue;
    seen.add(enrollment.type);
    const label = MIE_CATALOGUE[enrollment.type].label;
    if (standing === "TRANSITION_ENDED") {
      items.push({
        code: "TRANSITION_MIE_ENDED",
        message: `${label} : moyen de transition, non conforme depuis le ${formatDayFrLong(DEADLINE_DAY)}`,
        nextStep: enrol,
      });
      continue;
    }
    const decidedFrom = establishment.homologatedFrom[enrollment.type];
    items.push(
      decidedFrom === undefined
        ? {
            code: "LOCAL_MIE_NOT_HOMOLOGATED",
            message: `${label} : moyen local non homologué`,
            nextStep:
              "Homologuer ce moyen (décision datée de l'établissement, selon la méthode de l'ANSSI), ou enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect",
          }
        : {
            code: "LOCAL_MIE_NOT_HOMOLOGATED",
            message: `${label} : moyen local homologué seulement à partir du ${formatDayFr(decidedFrom)}`,
            nextStep: `Ce moyen comptera à partir du ${formatDayFr(decidedFrom)} ; d'ici là, enrôler une e-CPS ou une clé FIDO2 dans Pro Santé Connect`,
          },
    );
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

function dmpItem(
  flags: number,
  professional: ProfessionalFacts,
  establishment: PreparedEstablishment,
  at: DayContext,
  enrol: string,
): ComplianceGap {
  // Compliant through a local MIE that would reach PSC once the establishment's IdP is federated.
  const federationWouldDo =
    !establishment.idpFederatedWithPsc &&
    (flags & Verdict.RIE_COMPLIANT) !== 0 &&
    professional.enrollments.some(
      (enrollment) =>
        MIE_CATALOGUE[enrollment.type].pscThroughFederatedIdp && countsForRie(enrollmentStanding(enrollment, establishment, at)),
    );
  return {
    code: "DMP_UNREACHABLE",
    message: "Pas d'accès au DMP : il faut une authentification à deux facteurs par Pro Santé Connect ou AIR simplifié",
    nextStep: federationWouldDo
      ? "Fédérer le fournisseur d'identité de l'établissement avec Pro Santé Connect, ou enrôler une e-CPS"
      : enrol,
  };
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
    items.push(...authenticationItems(professional, establishment, at, enrol));
  }
  if (professional.needsDmp && !(flags & Verdict.DMP_READY)) items.push(dmpItem(flags, professional, establishment, at, enrol));
  if (flags & Verdict.RPPS_CHECK_OVERDUE) items.push(rppsCheckItem(professional));
  return items;
}
