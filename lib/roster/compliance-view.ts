/**
 * How the roster's indicators read on a page, in French: shares with their denominators, what a
 * professional loses by a date, and which date the projection looks at.
 *
 * Public API: `formatShare`, `formatSharePercent`, `objective1Shortfall`, `objective2Summary`,
 * `rosterDisagreements`, `emptyRosterBeforeSubmission`, `LOST_LABELS`, `describeLost`, `INDICATOR_ROWS`,
 * `chooseProjectionTarget`, `RosterVerdict`, `rosterVerdict`.
 */
import { formatInteger, formatPercent } from "@/lib/format/numbers";
import type { ProfessionalCompliance } from "./compliance";
import { dayToIsoDate, formatDayFr, parseIsoDay, toDay, type Day } from "./dates";
import type { EstablishmentIndicators, Lapse, IndicatorSet, Share } from "./indicators";
import { needsStrongAuthentication, type ProfessionalFacts } from "./model";

/**
 * « 42 % », but never a rounded figure that tells a wrong story: 399 of 400 is « > 99 % », not
 * « 100 % » (which would claim the objective is met), and 1 of 400 is « < 1 % », not « 0 % ».
 * Null for 0 of 0: there is no share to give.
 */
export function formatSharePercent(share: Pick<Share, "count" | "of">): string | null {
  if (share.of === 0) return null;
  const ratio = share.count / share.of;
  if (share.count < share.of && Math.round(ratio * 100) >= 100) return `> ${formatPercent(0.99)}`;
  if (share.count > 0 && Math.round(ratio * 100) <= 0) return `< ${formatPercent(0.01)}`;
  return formatPercent(ratio);
}

/** « 12 sur 40 (30 %) »; « 0 sur 0 » without a percentage. */
export function formatShare(share: Pick<Share, "count" | "of">): string {
  const percent = formatSharePercent(share);
  const counts = `${formatInteger(share.count)} sur ${formatInteger(share.of)}`;
  return percent === null ? counts : `${counts} (${percent})`;
}

/** The shares a page lists, in the programme's order, with the population each is counted over. */
export const INDICATOR_ROWS: ReadonlyArray<{ key: Exclude<keyof IndicatorSet, "active">; label: string }> = [
  { key: "registered", label: "Enregistrés au RPPS" },
  { key: "identitySubstantial", label: "Identité vérifiée au niveau substantiel" },
  { key: "rieCompliant", label: "MIE conforme au RIE" },
  { key: "dmpReady", label: "Accès au DMP" },
  { key: "rieCompliantAmongConcerned", label: "MIE conforme au RIE, parmi ceux qui en ont besoin (objectif 2)" },
  { key: "dmpReadyAmongNeedingDmp", label: "Accès au DMP, parmi ceux qui en ont besoin" },
];

/** Why neither objective can be measured on an empty roster: their shares would be 0 of 0. */
const EMPTY_ROSTER =
  "aucun professionnel en activité dans le registre : ajoutez ou importez vos professionnels pour que l'objectif puisse être mesuré";

/**
 * Objective 1's procedure is the establishment's own fact, declared on its profile (ADR 0040): the
 * clause says where, since the roster cannot see the procedure.
 */
const NO_ENTITLEMENT_PROCEDURE = "procédure de gestion des habilitations non déclarée (profil de l'établissement)";

/**
 * Why objective 1 is not met, as the clauses after « non atteint – »; null when it is met. With
 * nobody in the roster the shares are 0 of 0: the reason is the empty roster, not its people.
 */
export function objective1Shortfall({
  overall,
  objective1,
}: {
  overall: Pick<IndicatorSet, "active">;
  objective1: EstablishmentIndicators["objective1"];
}): string | null {
  if (objective1.met) return null;
  const empty = overall.active === 0;
  return [
    empty ? EMPTY_ROSTER : null,
    empty || objective1.registrationComplete ? null : "tous les professionnels ne sont pas enregistrés au RPPS",
    empty || objective1.identityComplete ? null : "toutes les identités ne sont pas vérifiées au niveau substantiel",
    objective1.entitlementProcedureDeclared ? null : NO_ENTITLEMENT_PROCEDURE,
  ]
    .filter(Boolean)
    .join(" ; ");
}

/**
 * What objective 2 stands on, as the clause after « atteint – » or « non atteint – »: the share of
 * the professionals who need a compliant MIE, or, when that share would be 0 of 0, why (the empty
 * roster, as objective 1 says; nobody in activity needing one).
 */
export function objective2Summary({
  overall,
  objective2,
}: {
  overall: Pick<IndicatorSet, "active">;
  objective2: Pick<EstablishmentIndicators["objective2"], "concerned" | "compliant">;
}): string {
  if (overall.active === 0) return EMPTY_ROSTER;
  if (objective2.concerned === 0) return "aucun des professionnels en activité n'a besoin d'un MIE conforme au RIE";
  return `${formatShare({ count: objective2.compliant, of: objective2.concerned })} des professionnels qui en ont besoin ont un MIE conforme`;
}

/**
 * What the roster says of the objectives it computes (O1, O2, by the code the waves give them) when
 * it finds them not met, with its figures: the self-assessment shows it beside a status « atteint ».
 * Said, not required: the roster may be behind what the director knows.
 */
export function rosterDisagreements(
  indicators: Pick<EstablishmentIndicators, "at" | "objective1" | "objective2"> & {
    overall: Pick<IndicatorSet, "active" | "registered" | "identitySubstantial">;
  },
): Partial<Record<"O1" | "O2", string>> {
  const { overall, objective1 } = indicators;
  const according = (code: string, why: string) =>
    `D'après le registre des professionnels au ${formatDayFr(toDay(indicators.at))}, l'objectif ${code} n'est pas atteint : ${why}.`;
  const notices: Partial<Record<"O1" | "O2", string>> = {};
  if (!objective1.met) {
    const measured = overall.active > 0;
    notices.O1 = according(
      "O1",
      [
        measured ? null : EMPTY_ROSTER,
        !measured || objective1.registrationComplete ? null : `${formatShare(overall.registered)} enregistrés au RPPS`,
        !measured || objective1.identityComplete
          ? null
          : `${formatShare(overall.identitySubstantial)} avec une identité vérifiée au niveau substantiel`,
        objective1.entitlementProcedureDeclared ? null : NO_ENTITLEMENT_PROCEDURE,
      ]
        .filter(Boolean)
        .join(" ; "),
    );
  }
  if (!indicators.objective2.met) notices.O2 = according("O2", objective2Summary(indicators));
  return notices;
}

/**
 * The word before submitting a dossier whose roster is empty: its figures, frozen at submission,
 * would all be zero. Said, not required: the programme's rules do not say an empty roster bars a dossier.
 */
export function emptyRosterBeforeSubmission(overall: Pick<IndicatorSet, "active">): string | null {
  return overall.active === 0
    ? "Le registre des professionnels est vide : les indicateurs figés au dépôt du dossier seraient tous à zéro. Complétez-le avant de déposer."
    : null;
}

export const LOST_LABELS: Readonly<Record<Lapse<unknown>["lost"][number], string>> = {
  RIE_COMPLIANT: "son moyen d'identification conforme au RIE",
  DMP_READY: "son accès au DMP",
  RPPS_CHECK: "la vérification à jour de son lien avec le RPPS",
};

/** « son accès au DMP », « son moyen … et son accès au DMP » */
export function describeLost(lost: Lapse<unknown>["lost"]): string {
  const words = lost.map((code) => LOST_LABELS[code]);
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} et ${words.at(-1)}`;
}

export type ProjectionTarget = {
  /** `AAAA-MM-JJ` */
  target: string;
  source: "chosen" | "wave" | "year-end";
  /** Why the date typed in `cible` was not used. */
  error: string | null;
};

/**
 * The projection's date: the one asked for (`cible=AAAA-MM-JJ`) when it is a real date after today;
 * else the closing day of the wave of the establishment's current dossier when still ahead; else
 * 31 December of this year (of next year on 31 December).
 */
export function chooseProjectionTarget(today: string, asked: string | undefined, waveClosingDay: string | null): ProjectionTarget {
  const todayDay = toDay(today);
  let error: string | null = null;
  if (asked !== undefined && asked !== "") {
    const day = parseIsoDay(asked);
    if (day === null) error = "La date cible n'est pas une date valide : saisissez-la au format JJ/MM/AAAA.";
    else if (day <= todayDay) error = "La date cible doit être postérieure à aujourd'hui.";
    else return { target: dayToIsoDate(day), source: "chosen", error: null };
  }
  if (waveClosingDay !== null && toDay(waveClosingDay) > todayDay) return { target: waveClosingDay, source: "wave", error };
  const year = Number(today.slice(0, 4));
  const yearEnd: Day = toDay(`${year}-12-31`);
  return { target: dayToIsoDate(yearEnd > todayDay ? yearEnd : toDay(`${year + 1}-12-31`)), source: "year-end", error };
}

/**
 * A professional's verdicts as the roster shows them, on its page and in its export: the MIE
 * verdict only for whoever needs strong authentication, the DMP one only for whoever needs the
 * DMP (null otherwise: nothing is shown), and what is missing in French.
 */
export type RosterVerdict = {
  active: boolean;
  identitySubstantial: boolean;
  rieCompliant: boolean | null;
  dmpReady: boolean | null;
  missing: string[];
};

export function rosterVerdict(professional: ProfessionalFacts, compliance: ProfessionalCompliance): RosterVerdict {
  return {
    active: compliance.active,
    identitySubstantial: compliance.identitySubstantial,
    rieCompliant: needsStrongAuthentication(professional) ? compliance.rieCompliant : null,
    dmpReady: professional.needsDmp ? compliance.dmpReady : null,
    missing: compliance.missing.map((item) => item.message),
  };
}
