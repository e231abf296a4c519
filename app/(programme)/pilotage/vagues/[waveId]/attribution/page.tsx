import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@/components/dsfr/badge";
import { ReviewDeadlineBadge } from "@/components/review/review-deadline-badge";
import type { Route } from "next";
import Link from "next/link";
import { DataTable } from "@/components/dsfr/data-table";
import { AutomaticAssignmentPanel } from "@/components/review/automatic-assignment-panel";
import { DeclaredConflict } from "@/components/review/declared-conflict";
import { FollowUpAnnouncer } from "@/components/review/follow-up-announcer";
import { ManualAssignmentForm } from "@/components/review/manual-assignment-form";
import { ReviewSettingsForm } from "@/components/review/review-settings-form";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { waveBoardPage } from "@/lib/campaigns/wave-board-page";
import { guardPage } from "@/lib/http/page-guard";
import { getAssignmentBoard, ZBoardFilters } from "@/lib/review/get-assignment-board";
import { TIER_ADJECTIVES } from "@/lib/review/labels";
import { formatParisDateTime, toParisLocal } from "@/lib/time/paris";
import { formatCount, formatInteger } from "@/lib/format/numbers";
import { Breadcrumb } from "@/components/dsfr/breadcrumb";
import { waveSegments } from "@/components/campaigns/wave-segments";
import { PageLinks } from "@/components/dsfr/page-links";
import { readListFilters } from "@/lib/http/list-filters";

const STATUS = {
  TO_DECLARE: { label: "Déclaration à faire", severity: "warning" },
  IN_PROGRESS: { label: "En cours", severity: "info" },
  SUBMITTED: { label: "Transmise", severity: "success" },
  // The board lists dossiers in review only: never shown, named for the type's sake.
  CLOSED: { label: "Plus attendue", severity: "info" },
} as const;

const wavePage = waveBoardPage("attribution", "reviewer:assign", "Attribution des dossiers");
export const generateMetadata = wavePage.generateMetadata;

export default async function AssignmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ waveId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { waveId, viewer, path } = await wavePage.load(params);
  const filters = readListFilters(ZBoardFilters, await searchParams);
  const board = await guardPage(viewer, path, () => getAssignmentBoard(viewer, waveId, filters));
  const { wave, tier } = board;
  const link = (changes: Record<string, string | number>) => {
    const query = new URLSearchParams(
      Object.entries({ niveau: tier, vue: filters.vue, page: board.page, ...changes }).map(([key, value]) => [key, String(value)]),
    );
    return `${path}?${query.toString()}` as Route;
  };
  const needed = board.counts.dossiers * board.k;
  const suggestedCap = Math.max(1, Math.ceil(needed / Math.max(1, board.reviewers.length)) + 1);

  return (
    <>
      <Breadcrumb segments={waveSegments(waveId, wave.title)} current="Attribution des dossiers" />
      <h1>Attribution des dossiers</h1>

      <section aria-labelledby="parametres-instruction" className={fr.cx("fr-mb-6w")}>
        <h2 id="parametres-instruction" className={fr.cx("fr-h4")}>
          Paramètres de l&apos;instruction
        </h2>
        <ReviewSettingsForm
          waveId={waveId}
          defaultValues={{
            reviewTiers: wave.reviewTiers,
            regionalReviewDueAt: wave.regionalReviewDueAt ? toParisLocal(wave.regionalReviewDueAt) : "",
            nationalReviewDueAt: wave.nationalReviewDueAt ? toParisLocal(wave.nationalReviewDueAt) : "",
            reviewersPerDossier: wave.reviewersPerDossier,
            reviewersAnonymous: wave.reviewersAnonymous,
            expectedVersion: wave.version,
          }}
        />
      </section>

      <nav aria-label="Niveau d'instruction" className={fr.cx("fr-mb-3w")}>
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
          {board.tiers.map((candidate) => (
            <li key={candidate}>
              <Link
                className={fr.cx("fr-btn", candidate === tier ? undefined : "fr-btn--secondary")}
                href={link({ niveau: candidate, page: 1 })}
                aria-current={candidate === tier ? "page" : undefined}
              >
                Niveau {TIER_ADJECTIVES[candidate]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status">
        Niveau {TIER_ADJECTIVES[tier]} : {formatCount(board.counts.dossiers, "dossier", "dossiers")} à instruire,{" "}
        {formatInteger(board.counts.complete)} avec {board.k >= 2 ? `leurs ${board.k} instructeurs` : "leur instructeur"},{" "}
        {formatInteger(board.counts.needing)} à compléter.
      </p>

      <section aria-labelledby="automatique" className={fr.cx("fr-mb-6w")}>
        <h2 id="automatique" className={fr.cx("fr-h4")}>
          Attribution automatique
        </h2>
        <p>
          Chaque dossier reçoit {formatCount(board.k, "instructeur", "instructeurs")}
          {tier === "REGIONAL" ? " de l'ARS de sa région" : ""}, sans lien d&apos;intérêts détecté, dans la limite des plafonds, en
          équilibrant les charges. Les attributions existantes sont conservées : relancer l&apos;attribution ne fait que compléter.
        </p>
        {board.reviewers.length === 0 ? (
          <p>Aucun instructeur {tier === "REGIONAL" ? "d'ARS" : "de l'ANS"} actif.</p>
        ) : (
          <AutomaticAssignmentPanel waveId={waveId} tier={tier} reviewers={board.reviewers} suggestedCap={suggestedCap} />
        )}
      </section>

      <section aria-labelledby="dossiers" className={fr.cx("fr-mb-6w")}>
        <h2 id="dossiers" className={fr.cx("fr-h4")} tabIndex={-1}>
          Dossiers et instructeurs
        </h2>
        <p>
          {filters.vue === "a-completer" ? (
            <>
              Dossiers à compléter ({board.shownCount}). <Link href={link({ vue: "tous", page: 1 })}>Voir tous les dossiers</Link>
            </>
          ) : (
            <>
              Tous les dossiers ({board.shownCount}).{" "}
              <Link href={link({ vue: "a-completer", page: 1 })}>Voir seulement ceux à compléter</Link>
            </>
          )}
        </p>
        {board.counts.flaggedAssignments > 0 ? (
          <p>
            {`⚠ ${formatCount(board.counts.flaggedAssignments, "attribution a", "attributions ont")} un lien d'intérêts détecté, signalé sous le nom de l'instructeur : vérifiez que ce lien ne compromet pas l'évaluation.`}
          </p>
        ) : null}
        {/* Says each manual assignment, and keeps the focus in the section when a row leaves it. */}
        <FollowUpAnnouncer headingId="dossiers">
          {board.rows.length === 0 ? (
            <p>Aucun dossier à afficher.</p>
          ) : (
            <DataTable caption={`Dossiers du niveau ${TIER_ADJECTIVES[tier]}`} hideCaption>
              <thead>
                <tr>
                  <th scope="col" className={fr.cx("fr-cell--fixed", "fr-col--md")}>
                    Établissement
                  </th>
                  <th scope="col">Instructeurs</th>
                  <th scope="col">Attribuer</th>
                </tr>
              </thead>
              <tbody>
                {board.rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row" className={fr.cx("fr-cell--fixed", "fr-col--md")}>
                      <Link href={`/dossiers/${row.id}`}>{row.establishment.name}</Link>
                      <br />
                      <span className={fr.cx("fr-text--xs")}>
                        {row.establishment.region} – {STATE_LABELS[row.state]}
                      </span>
                      {row.missing > 0 ? (
                        <>
                          <br />
                          <Badge severity="warning" small>
                            {row.missing === 1 ? "1 instructeur manquant" : `${row.missing} instructeurs manquants`}
                          </Badge>
                        </>
                      ) : null}
                    </th>
                    <td>
                      {row.assignments.length === 0 ? <span className={fr.cx("fr-text--sm")}>Aucun</span> : null}
                      <ul className={fr.cx("fr-text--sm")}>
                        {row.assignments.map((assignment) => (
                          <li key={assignment.id}>
                            {assignment.reviewer}{" "}
                            <Badge small severity={STATUS[assignment.status].severity}>
                              {STATUS[assignment.status].label}
                            </Badge>
                            <ReviewDeadlineBadge deadline={assignment.deadline} />
                            {assignment.flags.length > 0 ? (
                              <>
                                <br />
                                <span className={fr.cx("fr-text--xs")}>
                                  ⚠ Lien d&apos;intérêts détecté : {assignment.flags.join(" ; ")}
                                </span>
                              </>
                            ) : null}
                            {assignment.overrideReason ? (
                              <>
                                <br />
                                <span className={fr.cx("fr-text--xs")}>Attribué par dérogation : « {assignment.overrideReason} »</span>
                              </>
                            ) : null}
                          </li>
                        ))}
                        {row.conflicts.map((conflict) => (
                          <li key={conflict.reviewer}>
                            {conflict.reviewer} : conflit d&apos;intérêts déclaré
                            <DeclaredConflict conflict={conflict} />
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <ManualAssignmentForm
                        waveId={waveId}
                        tier={tier}
                        applicationId={row.id}
                        establishment={row.establishment.name}
                        candidates={row.candidates}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </FollowUpAnnouncer>
        <PageLinks page={board.page} pageCount={board.pages} href={(page) => link({ page })} />
      </section>

      <section aria-labelledby="retards">
        <h2 id="retards" className={fr.cx("fr-h4")}>
          Évaluations en retard
        </h2>
        {board.overdueByTier.map(({ tier: overdueTier, reviews }) => (
          <div key={overdueTier}>
            <h3 className={fr.cx("fr-h6")}>Niveau {TIER_ADJECTIVES[overdueTier]}</h3>
            {reviews.length === 0 ? (
              <p>Aucune évaluation en retard.</p>
            ) : (
              <ul>
                {reviews.map((review) => (
                  <li key={review.id}>
                    {review.reviewer.displayName} –{" "}
                    <Link href={`/dossiers/${review.application.id}`}>{review.application.establishment.name}</Link> : attendue le{" "}
                    {formatParisDateTime(review.effectiveDueAt!)}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>
    </>
  );
}
