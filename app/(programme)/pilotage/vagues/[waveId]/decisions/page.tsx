import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { FilterField, FilterForm } from "@/components/forms/filter-form";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { Route } from "next";
import { DecisionBoardTable } from "@/components/decisions/decision-board-table";
import { DecisionSettingsForm } from "@/components/decisions/decision-settings-form";
import { LetterSignatoryForm } from "@/components/decisions/letter-signatory-form";
import { KnownVersionScope } from "@/components/forms/use-known-version";
import { SIGNATORY_SECTION_TITLE } from "@/lib/decisions/letter-signatory";
import { EnvelopeGauge } from "@/components/decisions/envelope-gauge";
import { ReleaseButton } from "@/components/decisions/release-button";
import { FilterSelect } from "@/components/forms/filter-select";
import { ZDecisionBoardFilters } from "@/lib/decisions/board-rows";
import { getDecisionBoard } from "@/lib/decisions/get-decision-board";
import { formatInteger } from "@/lib/format/numbers";
import { waveBoardPage } from "@/lib/campaigns/wave-board-page";
import { guardPage } from "@/lib/http/page-guard";
import { Breadcrumb } from "@/components/dsfr/breadcrumb";
import { waveSegments } from "@/components/campaigns/wave-segments";
import { PageLinks } from "@/components/dsfr/page-links";
import { filterResetHref, readListFilters } from "@/lib/http/list-filters";
import { DownloadLink } from "@/components/dsfr/download-link";

const wavePage = waveBoardPage("decisions", "application:decide", "Décisions");
export const generateMetadata = wavePage.generateMetadata;

export default async function DecisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ waveId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { waveId, viewer, path } = await wavePage.load(params);
  const filters = readListFilters(ZDecisionBoardFilters, await searchParams);
  const board = await guardPage(viewer, path, () => getDecisionBoard(viewer, waveId, filters));
  const { wave } = board;
  const resetHref = filterResetHref(path, ZDecisionBoardFilters, filters, ["region", "category", "flag", "decision"]);
  const filtered = resetHref !== undefined;
  const query = (changes: Record<string, string | number>) =>
    `${path}?${new URLSearchParams(Object.entries({ ...filters, ...changes }).flatMap(([key, value]) => (value === undefined || value === "" ? [] : [[key, String(value)]]))).toString()}`;
  const exportQuery = (format: string) =>
    `/api/waves/${waveId}/decisions/export?${new URLSearchParams(Object.entries({ ...filters, format }).flatMap(([key, value]) => (value === undefined || value === "" || key === "page" ? [] : [[key, String(value)]]))).toString()}`;

  return (
    <>
      <Breadcrumb segments={waveSegments(waveId, wave.title)} current="Décisions" />
      <h1>Décisions</h1>
      <p>
        Les dossiers évalués de la vague, classés par leur note. La note normalisée corrige la sévérité ou l&apos;indulgence de chaque
        instructeur : ses notes sont ramenées à la moyenne et à la dispersion de la vague. Les propositions restent invisibles des
        établissements jusqu&apos;à leur publication, toutes ensemble.
      </p>

      <EnvelopeGauge
        grantedCents={board.envelope.grantedCents}
        envelopeCents={board.envelope.envelopeCents}
        payments={{ totals: board.envelope.payments, href: `/pilotage/vagues/${waveId}/versements` as Route }}
      />
      {wave.letterSignatoryName === null ? (
        <Alert
          severity="warning"
          small
          className={fr.cx("fr-mb-2w")}
          description={
            <>
              Les notifications de décision de cette vague n&apos;ont pas encore de signataire : renseignez-le dans la partie{" "}
              <a href="#signataire-notifications">« {SIGNATORY_SECTION_TITLE} »</a> avant de publier.
            </>
          }
        />
      ) : null}
      <ReleaseButton waveId={waveId} stagedCount={board.stagedCount} />

      <FilterForm
        label="Filtrer le classement"
        spacing="fr-mb-2w"
        resetHref={resetHref}
        afterSubmit={
          <>
            <DownloadLink href={exportQuery("csv")}>Exporter (CSV)</DownloadLink>{" "}
            <DownloadLink href={exportQuery("xlsx")}>Exporter (Excel)</DownloadLink>
          </>
        }
      >
        <FilterField width={3}>
          <FilterSelect
            label="Région"
            name="region"
            value={filters.region}
            options={board.regions.map(([value, label]) => ({ value, label }))}
            anyLabel="Toutes"
          />
        </FilterField>
        <FilterField width={3}>
          <FilterSelect
            label="Catégorie"
            name="category"
            value={filters.category}
            options={board.categories.map(([value, label]) => ({ value, label }))}
            anyLabel="Toutes"
          />
        </FilterField>
        <FilterField width={3}>
          <Select label="Écart entre instructeurs" nativeSelectProps={{ name: "flag", defaultValue: filters.flag }}>
            <option value="">Tous les dossiers</option>
            <option value="a-discuter">À discuter seulement</option>
          </Select>
        </FilterField>
        <FilterField width={3}>
          <Select label="Décision" nativeSelectProps={{ name: "decision", defaultValue: filters.decision }}>
            <option value="">Toutes</option>
            <option value="sans-proposition">Sans proposition</option>
            <option value="proposee">Proposée, à publier</option>
            <option value="publiee">Publiée</option>
          </Select>
        </FilterField>
        <input type="hidden" name="sort" value={filters.sort} />
        <input type="hidden" name="dir" value={filters.dir} />
      </FilterForm>

      <p role="status" className={fr.cx("fr-mb-1w")}>
        {formatInteger(board.matching)} dossier{board.matching > 1 ? "s" : ""}{" "}
        {filtered ? "correspondant aux filtres" : board.matching > 1 ? "évalués" : "évalué"}, sur {formatInteger(board.total)}
      </p>
      {board.total === 0 ? (
        <p>Aucun dossier de cette vague n&apos;est encore évalué : le classement apparaîtra quand les évaluations seront transmises.</p>
      ) : board.rows.length === 0 ? (
        <p>Aucun dossier ne correspond à ces critères.</p>
      ) : (
        <DecisionBoardTable waveId={waveId} rows={board.rows} sort={{ id: filters.sort, desc: filters.dir === "desc" }} />
      )}
      <PageLinks page={board.page} pageCount={board.pageCount} href={(target) => query({ page: target })} />

      {/* Two forms of the wave's row: a save by one moves the other's known version on. */}
      <KnownVersionScope>
        <section aria-labelledby="parametres-decision" className={fr.cx("fr-mt-6w")}>
          <h2 id="parametres-decision" className={fr.cx("fr-h4")}>
            Paramètres du classement
          </h2>
          <DecisionSettingsForm
            waveId={waveId}
            twoTiers={wave.reviewTiers === "REGIONAL_THEN_NATIONAL"}
            defaultValues={{
              spreadThreshold: String(wave.spreadThreshold).replace(".", ","),
              rankingMode: wave.rankingMode,
              regionalRankingWeight: String(wave.regionalRankingWeight),
              expectedVersion: wave.version,
            }}
          />
        </section>

        <section aria-labelledby="signataire-notifications" className={fr.cx("fr-mt-6w")}>
          <h2 id="signataire-notifications" className={fr.cx("fr-h4")}>
            {SIGNATORY_SECTION_TITLE}
          </h2>
          <p>
            Chaque notification de décision se termine par le prénom, le nom et la qualité de son signataire, qui signe pour l&apos;Agence
            du Numérique en Santé (article L. 212-1 du code des relations entre le public et l&apos;administration). Les décisions ne
            peuvent pas être publiées sans lui ; les notifications déjà publiées gardent leur signataire.
          </p>
          <LetterSignatoryForm
            waveId={waveId}
            defaultValues={{ name: wave.letterSignatoryName ?? "", title: wave.letterSignatoryTitle ?? "", expectedVersion: wave.version }}
          />
        </section>
      </KnownVersionScope>
    </>
  );
}
