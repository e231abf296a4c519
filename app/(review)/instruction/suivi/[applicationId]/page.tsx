import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import { DeclarationDetails } from "@/components/follow-up/declaration-details";
import { VerificationSection } from "@/components/follow-up/verification-section";
import { getVerification } from "@/lib/follow-up/get-verification";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";

const PARAMS = { applicationId: RouteParam.id };
type Props = { params: Promise<{ applicationId: string }> };

const loadVerification = guardedPageLoad((applicationId: string) => `/instruction/suivi/${applicationId}`, getVerification);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { applicationId } = await pageParams(params, PARAMS);
  const view = (await loadVerification(applicationId)).record;
  return { title: `Vérification des résultats déclarés – ${view.establishment.name}` };
}

export default async function VerificationPage({ params }: Props) {
  const { applicationId } = await pageParams(params, PARAMS);
  const { record: view } = await loadVerification(applicationId);
  return (
    <>
      <Breadcrumb segments={[crumb("Déclarations à vérifier", "/instruction/suivi")]} current={view.establishment.name} />
      <h1>Vérification des résultats déclarés</h1>
      <p>
        {view.establishment.name} (FINESS {view.establishment.finessEt}) – {view.waveTitle}
      </p>
      {view.projectTitle ? <p className={fr.cx("fr-text--lead")}>{view.projectTitle}</p> : null}
      {view.declaration ? (
        <>
          <VerificationSection view={view} />
          <section aria-labelledby="declaration-titre" className={fr.cx("fr-mb-6w")}>
            <h2 id="declaration-titre">Déclaration de l&apos;établissement</h2>
            <DeclarationDetails applicationId={view.applicationId} declaration={view.declaration} objectives={view.objectives} />
          </section>
        </>
      ) : (
        <p>L&apos;établissement n&apos;a pas encore déclaré ses résultats.</p>
      )}
    </>
  );
}
