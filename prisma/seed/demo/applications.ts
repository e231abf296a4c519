import { contentHashOf, loadDossier } from "@/lib/applications/load-dossier";
import { TRANSITIONS, type TransitionAction } from "@/lib/applications/state-machine";
import type { Db } from "@/lib/db/client";
import { parisToday } from "@/lib/roster/dates";
import { computeRosterIndicators, loadRosters } from "@/lib/roster/establishment-indicators";
import { storeIndicatorSnapshot } from "@/lib/roster/snapshots";
import type { ApplicationState, WaveKind } from "@/lib/db/generated/enums";
import { type DemoPeople, type SeededEstablishment, siret } from "./people";
import type { DemoProgramme } from "./programme";
import { chance, dateBetween, faker, pick } from "./random";

/** The actions that lead a new dossier to each state, run through the state machine. */
const PATHS: Record<ApplicationState, TransitionAction[]> = {
  DRAFT: [],
  SUBMITTED: ["submit"],
  UNDER_REVIEW: ["submit", "startReview"],
  INFORMATION_REQUESTED: ["submit", "startReview", "requestInformation"],
  SCORED: ["submit", "startReview", "completeScoring"],
  SELECTED: ["submit", "startReview", "completeScoring", "select"],
  REJECTED: ["submit", "startReview", "completeScoring", "reject"],
  WITHDRAWN: ["submit", "withdraw"],
};

/** Which establishment (by index) files what, wave by wave: every state appears. */
const PLAN: ReadonlyArray<{ wave: WaveKind; states: ApplicationState[]; from: number }> = [
  { wave: "PILOT", from: 0, states: ["SELECTED", "SELECTED", "REJECTED", "SELECTED", "REJECTED", "WITHDRAWN"] },
  {
    wave: "GENERALISATION",
    from: 6,
    states: [
      "DRAFT",
      "SUBMITTED",
      "UNDER_REVIEW",
      "INFORMATION_REQUESTED",
      "SCORED",
      "SELECTED",
      "REJECTED",
      "DRAFT",
      "SUBMITTED",
      "UNDER_REVIEW",
      "SCORED",
      "SUBMITTED",
      "UNDER_REVIEW",
      "DRAFT",
      "SUBMITTED",
      "UNDER_REVIEW",
      "INFORMATION_REQUESTED",
      "SCORED",
      "SELECTED",
      "REJECTED",
      "DRAFT",
      "SUBMITTED",
      "UNDER_REVIEW",
      "DRAFT",
      "SCORED",
      "INFORMATION_REQUESTED",
      "SUBMITTED",
      "DRAFT",
    ],
  },
  // Two more pilot grants, so the follow-up shows every stage (follow-up.ts).
  { wave: "PILOT", from: 35, states: ["SELECTED", "SELECTED"] },
];

const PARTNERS = [
  ["Ilex International", "IAM_SSO", "Sign&Go"],
  ["Evidian", "IAM_SSO", "Evidian SafeKit / Enterprise SSO"],
  ["Yubico", "MIE_PROVIDER", "Clés YubiKey 5 NFC"],
  ["In-Webo", "MIE_PROVIDER", "inWebo Authenticator"],
  ["Berger-Levrault", "DPI_DUI_VENDOR", "DUI BL.Santé"],
  ["Softway Medical", "DPI_DUI_VENDOR", "Hopital Manager"],
  ["GCS e-santé régional", "INTEGRATOR", "Accompagnement régional"],
] as const;

export async function seedApplications(
  db: Db,
  establishments: SeededEstablishment[],
  programme: DemoProgramme,
  people: DemoPeople,
  now: Date,
): Promise<void> {
  const rosters = await loadRosters(
    db,
    establishments.map((establishment) => establishment.id),
  );
  for (const { wave, states, from } of PLAN) {
    const { waveId, versionId, objectiveIds, criteria, decisionsReleasedAt } = programme[wave];
    const windowStart = wave === "PILOT" ? "2024-03-05" : "2025-10-16";
    const windowEnd = wave === "PILOT" ? "2024-05-30" : "2026-02-12";

    for (const [offset, state] of states.entries()) {
      const establishment = establishments[from + offset];
      if (!establishment) throw new Error("not enough demo establishments for the plan");
      const directorId = people.directorIds.get(establishment.id);
      const submittedAt = dateBetween(windowStart, windowEnd);
      const budget = [
        {
          category: "EQUIPMENT" as const,
          label: "Clés FIDO2 et lecteurs de cartes",
          amountCents: BigInt(faker.number.int({ min: 20, max: 400 })) * 100_000n,
          position: 0,
        },
        {
          category: "SERVICES" as const,
          label: "Intégration du connecteur OIDC du DPI / DUI",
          amountCents: BigInt(faker.number.int({ min: 10, max: 300 })) * 100_000n,
          position: 1,
        },
        {
          category: "TRAINING" as const,
          label: "Formation et accompagnement des professionnels",
          amountCents: BigInt(faker.number.int({ min: 5, max: 60 })) * 100_000n,
          position: 2,
        },
      ];
      const summary = `Déployer un moyen d'identification électronique à double facteur pour les ${establishment.staff} professionnels de « ${establishment.name} » et enregistrer au RPPS ceux qui ne le sont pas encore.`;
      const partner = faker.helpers.arrayElement(PARTNERS);

      const application = await db.application.create({
        data: {
          establishmentId: establishment.id,
          waveId,
          waveVersionId: versionId,
          state,
          projectTitle: `Identification sécurisée des professionnels – ${establishment.city}`,
          projectSummary: summary,
          iamPlan: chance(0.6) ? "Mise en place d'un SSO interne avec délégation de l'authentification du DUI via un connecteur OIDC." : "",
          pscFederationPlan: chance(0.4) ? "Devenir fournisseur d'identité tiers de Pro Santé Connect en 2027." : "",
          createdAt: new Date(submittedAt.getTime() - 12 * 86_400_000),
          responseDueAt: state === "INFORMATION_REQUESTED" ? new Date(now.getTime() + 14 * 86_400_000) : null,
          assessments: {
            create: objectiveIds.map((objectiveId, index) => ({
              objectiveId,
              status: pick([
                ["ACHIEVED", 1],
                ["IN_PROGRESS", 3],
                ["PLANNED", 3],
                ["NOT_PLANNED", index >= 2 ? 3 : 0],
              ] as const),
              targetDate: dateBetween("2026-03-01", "2027-12-31"),
              explanation: index < 2 ? "Inventaire des populations réalisé ; enrôlement e-CPS en cours pour les salariés." : "",
            })),
          },
          mieStrategy: {
            create: [
              { population: "SALARIED", mieTypes: ["E_CPS", "FIDO2_PSC"], headcount: Math.round(establishment.staff * 0.8) },
              { population: "TEMPORARY", mieTypes: ["FIDO2_LOCAL"], headcount: Math.max(1, Math.round(establishment.staff * 0.08)) },
            ],
          },
          partners: {
            create: [{ name: partner[0], role: partner[1], solution: partner[2], position: 0, siret: siret() }],
          },
          milestones: {
            create: [
              { label: "Inventaire des professionnels et de leurs accès", dueDate: dateBetween("2026-03-01", "2026-06-30"), position: 0 },
              { label: "Enrôlement des MIE pour tous les salariés", dueDate: dateBetween("2026-07-01", "2027-06-30"), position: 1 },
            ],
          },
          budgetLines: { create: budget },
        },
        select: { id: true },
      });

      let current: ApplicationState = "DRAFT";
      let at = submittedAt;
      // When the last review came in: the reviews are submitted then, the decision follows.
      let scoredAt = submittedAt;
      for (const action of PATHS[state]) {
        // The table's first role for the move (a manager rather than the reviewer completing the scoring).
        const result = TRANSITIONS.find((transition) => transition.from === current && transition.action === action);
        if (!result) throw new Error(`demo path to ${state} breaks the state machine at ${action}`);
        if (action === "completeScoring") scoredAt = at;
        // « Retenu » and « non retenu » come with the wave's release, all its decisions together.
        if (action === "select" || action === "reject") {
          if (scoredAt.getTime() + 86_400_000 >= decisionsReleasedAt.getTime())
            throw new Error(`demo: a dossier of the ${wave} wave is scored too late for the wave's release`);
          at = decisionsReleasedAt;
        }
        const actor = result.by;
        await db.applicationTransition.create({
          data: {
            applicationId: application.id,
            fromState: current,
            toState: result.to,
            actorId: actor === "MEMBER" ? directorId : people.managerId,
            at,
            comment: action === "requestInformation" ? "Merci de préciser le nombre de professionnels intérimaires concernés." : "",
          },
        });
        if (action === "submit") {
          await db.submission.create({
            data: {
              applicationId: application.id,
              idempotencyKey: faker.string.uuid(),
              receivedAt: at,
              // The real hash: the receipt job checks the content against it before signing.
              contentHash: contentHashOf(await loadDossier(db, application.id)),
            },
          });
          // The roster's figures frozen with the deposit, as a submission freezes them: the receipt and the exports show them.
          const roster = rosters.get(establishment.id);
          if (roster) {
            const indicators = computeRosterIndicators(roster, parisToday(at));
            await storeIndicatorSnapshot(db, establishment.id, "SUBMISSION", indicators, { applicationId: application.id, takenAt: at });
          }
        }
        current = result.to;
        at = new Date(at.getTime() + faker.number.int({ min: 2, max: 20 }) * 86_400_000);
      }

      if (PATHS[state].includes("startReview")) {
        const reviewers = faker.helpers.arrayElements(people.reviewerIds, 2);
        for (const reviewerId of reviewers) {
          const conflict = state === "UNDER_REVIEW" && reviewerId === reviewers[1] && chance(0.3);
          const scored = PATHS[state].includes("completeScoring");
          await db.reviewerAssignment.create({
            data: {
              applicationId: application.id,
              reviewerId,
              assignedById: people.managerId,
              assignedAt: submittedAt,
              conflict: {
                create: {
                  hasConflict: conflict,
                  type: conflict ? "EMPLOYMENT" : null,
                  details: conflict ? "Ancien salarié de l'établissement." : "",
                },
              },
              review: conflict
                ? undefined
                : {
                    create: {
                      status: scored ? "SUBMITTED" : "DRAFT",
                      submittedAt: scored ? scoredAt : null,
                      overallComment: scored ? "Projet cohérent ; calendrier à sécuriser." : "",
                      scores: {
                        create: (scored ? criteria : criteria.slice(0, 2)).map((criterion) => ({
                          criterionId: criterion.id,
                          value: faker.number.int({ min: 1, max: criterion.scaleMax }),
                        })),
                      },
                    },
                  },
            },
          });
        }
      }

      if (state === "SELECTED" || state === "REJECTED") {
        await db.decision.create({
          data: {
            applicationId: application.id,
            outcome: state,
            amountGrantedCents: state === "SELECTED" ? budget.reduce((sum, line) => sum + line.amountCents, 0n) : null,
            waveId,
            conditions:
              state === "SELECTED" ? "Versement en deux fois : 50 % à la notification, le solde sur justificatifs de déploiement." : "",
            reasons: state === "SELECTED" ? "" : "Projet non retenu : objectifs obligatoires insuffisamment couverts.",
            stagedById: people.managerId,
            stagedAt: new Date(scoredAt.getTime() + 86_400_000),
            releasedById: people.managerId,
            releasedAt: decisionsReleasedAt,
          },
        });
      }
      if (state === "INFORMATION_REQUESTED") {
        await db.message.create({
          data: {
            applicationId: application.id,
            authorId: people.managerId,
            body: "Bonjour, pourriez-vous préciser le nombre de professionnels intérimaires concernés et la solution retenue pour eux ? Cordialement, l'équipe HospiConnect.",
            createdAt: at,
          },
        });
      }
      if (state === "DRAFT" && offset === 0) {
        // The demo director's dossier: an extension keeps it workable after the real closing date.
        await db.deadlineExtension.create({
          data: {
            waveId,
            establishmentId: establishment.id,
            closesAt: new Date(now.getTime() + 30 * 86_400_000),
            reason: "Démonstration : prolongation pour compléter le dossier.",
            grantedById: people.managerId,
          },
        });
      }
    }
  }
}
