import { fr } from "@codegouvfr/react-dsfr";
import { FilterField, FilterForm } from "@/components/forms/filter-form";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect } from "@/components/forms/filter-select";
import { ArrivalNotice } from "@/components/forms/focus-on-arrival";
import { PROFESSIONAL_DELETED } from "@/components/roster/delete-professional-button";
import { HomologationPanel } from "@/components/roster/homologation-panel";
import { PageLinks } from "@/components/dsfr/page-links";
import { RosterTable } from "@/components/roster/roster-table";
import { canAccessEstablishment } from "@/lib/access/policy";
import { formatInteger } from "@/lib/format/numbers";
import { guardedPageLoad, guardPage } from "@/lib/http/page-guard";
import { COMPLIANCE_FILTER_LABELS, POPULATION_LABELS, RPPS_STATUS_LABELS } from "@/lib/roster/labels";
import { getRosterEstablishment, listProfessionals, ROSTER_PAGE_SIZES, ZRosterFilters } from "@/lib/roster/list-professionals";
import { MIE_CATALOGUE } from "@/lib/mie/catalogue";
import { listProfessions } from "@/lib/roster/professions";
import { rosterHref, rosterTemplateHref } from "@/lib/roster/roster-query-string";
import { dayToIsoDate, toDay } from "@/lib/roster/dates";
import { HOMOLOGABLE_TYPES } from "@/lib/roster/homologation-schema";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { formatCalendarDate } from "@/lib/time/paris";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";
import { filterResetHref, readListFilters, SEARCH_TEXT_MAX_LENGTH } from "@/lib/http/list-filters";
import { DownloadLink } from "@/components/dsfr/download-link";

const PARAMS = { establishmentId: RouteParam.id };

// The rows bring what the page shows of the establishment (its name, its homologations), from the
// read its title makes first.
const loadRosterEstablishment = guardedPageLoad(
  (establishmentId: string) => `/etablissements/${establishmentId}/professionnels`,
  getRosterEstablishment,
);

export async function generateMetadata({ params }: { params: Promise<{ establishmentId: string }> }): Promise<Metadata> {
  const { establishmentId } = await pageParams(params, PARAMS);
  const establishment = (await loadRosterEstablishment(establishmentId)).record;
  return { title: `Registre des professionnels – ${establishment.name}` };
}

export default async function RosterPage({
  params,
  searchParams,
}: {
  params: Promise<{ establishmentId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { establishmentId } = await pageParams(params, PARAMS);
  const { viewer, path } = await loadRosterEstablishment(establishmentId);
  const query = await searchParams;
  const filters = readListFilters(ZRosterFilters, query);
  const [page, professions] = await guardPage(viewer, path, () =>
    Promise.all([listProfessionals(viewer, establishmentId, filters), listProfessions()]),
  );
  const { establishment } = page;
  const canEdit = canAccessEstablishment(viewer, establishmentId, "edit");
  const resetHref = filterResetHref(path, ZRosterFilters, filters, [
    "q",
    "population",
    "profession",
    "rppsStatus",
    "compliance",
    "activity",
  ]);
  const filtered = resetHref !== undefined;

  return (
    <>
      <Breadcrumb segments={[crumb(establishment.name, `/etablissements/${establishmentId}`)]} current="Registre des professionnels" />
      <h1>Registre des professionnels</h1>
      {query.suppression ? (
        // Keyed by the deletion's stamp: a second one in a row remounts it, so it takes the focus again.
        <ArrivalNotice key={query.suppression} message={PROFESSIONAL_DELETED} />
      ) : null}
      <p>
        Chaque professionnel de l&apos;établissement, son enregistrement au RPPS, la vérification de son identité et ses moyens
        d&apos;identification électronique (MIE). La conformité est calculée au {formatCalendarDate(page.today)} selon le référentiel
        d&apos;identification électronique (RIE).
      </p>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--icon-left")}>
        {canEdit ? (
          <>
            <li>
              <Link className={fr.cx("fr-btn", "fr-icon-add-line")} href={`/etablissements/${establishmentId}/professionnels/nouveau`}>
                Ajouter un professionnel
              </Link>
            </li>
            <li>
              <Link
                className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-upload-line")}
                href={`/etablissements/${establishmentId}/professionnels/import`}
              >
                Importer un fichier
              </Link>
            </li>
          </>
        ) : null}
        <li>
          <DownloadLink href={`/api/establishments/${establishmentId}/roster/export?format=csv`} describedBy="export-registre-aide">
            Exporter tout le registre (CSV)
          </DownloadLink>
        </li>
        <li>
          <DownloadLink href={`/api/establishments/${establishmentId}/roster/export?format=xlsx`} describedBy="export-registre-aide">
            Exporter tout le registre (Excel)
          </DownloadLink>
        </li>
      </ul>
      <p id="export-registre-aide" className={fr.cx("fr-hint-text")}>
        Tous les professionnels, départs compris, au format du modèle d&apos;import, avec en dernières colonnes leur situation du jour : le
        fichier se réimporte tel quel.
      </p>

      {page.rosterSize === 0 ? (
        <div className={fr.cx("fr-callout")}>
          <h2 className={fr.cx("fr-callout__title")}>Le registre est vide</h2>
          <p className={fr.cx("fr-callout__text")}>
            Ajoutez les professionnels un par un, ou importez-les d&apos;un fichier : le modèle HospiConnect (
            <a href={rosterTemplateHref("xlsx")}>Excel</a> ou <a href={rosterTemplateHref("csv")}>CSV</a>) ou un extrait de l&apos;Annuaire
            Santé.
          </p>
        </div>
      ) : (
        <>
          <FilterForm label="Filtrer le registre" spacing="fr-mb-2w" resetHref={resetHref}>
            <FilterField width={4}>
              <Input
                label="Rechercher"
                hintText="Nom, prénom ou numéro RPPS"
                nativeInputProps={{ name: "q", defaultValue: filters.q, type: "search", maxLength: SEARCH_TEXT_MAX_LENGTH }}
              />
            </FilterField>
            <FilterField width={4}>
              <FilterSelect
                label="Profession"
                name="profession"
                value={filters.profession}
                options={professions.map((profession) => ({ value: profession.code, label: profession.label }))}
                anyLabel="Toutes"
              />
            </FilterField>
            <FilterField width={4}>
              <FilterSelect label="Population" name="population" value={filters.population} options={POPULATION_LABELS} anyLabel="Toutes" />
            </FilterField>
            <FilterField width={3}>
              <FilterSelect label="Statut RPPS" name="rppsStatus" value={filters.rppsStatus} options={RPPS_STATUS_LABELS} anyLabel="Tous" />
            </FilterField>
            <FilterField width={3}>
              <FilterSelect
                label="Conformité"
                name="compliance"
                value={filters.compliance}
                options={COMPLIANCE_FILTER_LABELS}
                anyLabel="Tous"
              />
            </FilterField>
            <FilterField width={3}>
              <Select label="Activité" nativeSelectProps={{ name: "activity", defaultValue: filters.activity }}>
                <option value="actifs">En activité aujourd&apos;hui</option>
                <option value="partis">Partis</option>
                <option value="tous">Tous</option>
              </Select>
            </FilterField>
            <FilterField width={3}>
              <Select label="Lignes par page" nativeSelectProps={{ name: "size", defaultValue: String(filters.size) }}>
                {ROSTER_PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </Select>
            </FilterField>
            <input type="hidden" name="sort" value={filters.sort} />
            <input type="hidden" name="dir" value={filters.dir} />
          </FilterForm>
          <p role="status" className={fr.cx("fr-mb-1w")}>
            {formatInteger(page.total)} professionnel{page.total > 1 ? "s" : ""} {filtered ? "correspondant aux filtres" : "en activité"},
            sur {formatInteger(page.rosterSize)} dans le registre
          </p>
          {page.rows.length === 0 ? (
            <p>Aucun professionnel ne correspond à ces critères.</p>
          ) : (
            <RosterTable
              establishmentId={establishmentId}
              rows={page.rows}
              sort={{ id: filters.sort, desc: filters.dir === "desc" }}
              canEdit={canEdit}
              mieOptions={Object.values(MIE_CATALOGUE).map((mie) => ({ value: mie.type, label: mie.label }))}
              today={page.today}
            />
          )}
          <PageLinks page={page.page} pageCount={page.pageCount} href={(target) => rosterHref(path, filters, { page: target })} />
        </>
      )}
      <section aria-labelledby="homologations-titre" className={fr.cx("fr-mt-6w")}>
        <h2 id="homologations-titre" className={fr.cx("fr-h4")}>
          Homologation des MIE locaux
        </h2>
        <p className={fr.cx("fr-text--sm")}>
          Un MIE propre à l&apos;établissement (Windows Hello, carte à puce, clé FIDO2 locale, application d&apos;authentification) ne
          compte pour le RIE qu&apos;à partir de la décision de l&apos;établissement qui l&apos;homologue au niveau eIDAS substantiel.
        </p>
        <HomologationPanel
          establishmentId={establishmentId}
          canEdit={canEdit}
          today={page.today}
          homologations={establishment.homologations.map((homologation) => ({
            type: homologation.type,
            label: MIE_CATALOGUE[homologation.type].label,
            decidedAt: dayToIsoDate(toDay(homologation.decidedAt)),
            reference: homologation.reference,
          }))}
          options={HOMOLOGABLE_TYPES.map((type) => ({ value: type, label: MIE_CATALOGUE[type].label }))}
        />
      </section>
    </>
  );
}
