import { fr } from "@codegouvfr/react-dsfr";
import { SideMenu } from "@codegouvfr/react-dsfr/SideMenu";
import type { Metadata } from "next";
import type { EvidenceFile } from "@/components/dossier/evidence-files";
import { SectionForm } from "@/components/dossier/section-form";
import { sectionFormValues } from "@/lib/applications/dossier-content-rows";
import { FORM_SECTION_ORDER } from "@/lib/applications/dossier-content";
import { getDossier } from "@/lib/applications/get-dossier";
import { rosterDisagreements } from "@/lib/roster/compliance-view";
import { getDossierIndicators } from "@/lib/roster/get-dossier-indicators";
import { dossierTitle, SECTION_LABELS } from "@/lib/applications/labels";
import { SECTION_SLUGS } from "@/lib/applications/section-slugs";
import { sectionAnchor } from "@/lib/applications/anchors";
import type { FormSection } from "@/lib/db/generated/enums";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { formatParisDateTime } from "@/lib/time/paris";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";
import { establishmentSegments } from "@/components/establishments/establishment-segments";

const PARAMS = { applicationId: RouteParam.id, section: RouteParam.sectionSlug };
type Props = { params: Promise<{ applicationId: string; section: string }> };

const loadSectionPage = guardedPageLoad(
  (applicationId: string, section: FormSection) => `/dossiers/${applicationId}/${SECTION_SLUGS[section]}`,
  (viewer, applicationId) => getDossier(viewer, applicationId),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { applicationId, section } = await pageParams(params, PARAMS);
  const dossier = (await loadSectionPage(applicationId, section)).record;
  return { title: `${SECTION_LABELS[section]} – ${dossierTitle(dossier.content.projectTitle)}` };
}

export default async function SectionPage({ params }: Props) {
  const { applicationId, section } = await pageParams(params, PARAMS);
  const { viewer, record: dossier } = await loadSectionPage(applicationId, section);
  const values = sectionFormValues(section, dossier.content);
  const initialValues =
    section === "SELF_ASSESSMENT"
      ? {
          assessments: Object.fromEntries(
            dossier.objectives.map((objective) => [
              objective.id,
              dossier.content.assessments[objective.id] ?? { status: null, targetDate: null, explanation: "" },
            ]),
          ),
        }
      : values;
  const evidence: Record<string, EvidenceFile[]> = {};
  for (const file of dossier.files)
    if (file.objectiveId) (evidence[file.objectiveId] ??= []).push({ ...file, addedAt: formatParisDateTime(file.createdAt) });
  const current = dossier.sections.find((candidate) => candidate.section === section);
  // The figures the dossier shows (frozen at submission, else live), against a status « atteint ».
  const rosterNotices =
    section === "SELF_ASSESSMENT" ? rosterDisagreements((await getDossierIndicators(viewer, applicationId)).indicators) : {};

  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
        <SideMenu
          align="left"
          // The title names the navigation too (aria-labelledby), beside the breadcrumb's « vous êtes ici ».
          title="Sections du dossier"
          burgerMenuButtonText="Sections du dossier"
          items={FORM_SECTION_ORDER.map((candidate) => ({
            text: SECTION_LABELS[candidate],
            linkProps: { href: `/dossiers/${applicationId}/${SECTION_SLUGS[candidate]}` },
            isActive: candidate === section,
          }))}
        />
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-9")}>
        <Breadcrumb
          segments={[
            ...establishmentSegments(viewer, dossier.establishment),
            crumb(dossierTitle(dossier.content.projectTitle), `/dossiers/${applicationId}`),
          ]}
          current={SECTION_LABELS[section]}
        />
        {/* The place « Avant de déposer, complétez : … » names for the whole section (« Aucun partenaire »). */}
        <h1 id={sectionAnchor(section)}>{SECTION_LABELS[section]}</h1>
        <SectionForm
          key={`${section}-${current?.version ?? 0}`}
          applicationId={applicationId}
          section={section}
          initialValues={initialValues}
          version={current?.version ?? 0}
          editable={dossier.can.edit}
          readOnlyReason={dossier.readOnlyReason}
          objectives={dossier.objectives}
          evidence={evidence}
          maxUploadBytes={UPLOAD_LIMITS.attachmentBytes}
          rosterNotices={rosterNotices}
        />
      </div>
    </div>
  );
}
