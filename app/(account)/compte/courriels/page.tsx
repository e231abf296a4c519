import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { notFound } from "next/navigation";
import { EmailTable } from "@/components/notifications/email-table";
import { isDemoMode } from "@/lib/config/env";
import { guardedTitledPage } from "@/lib/http/page-guard";
import { listOwnEmails } from "@/lib/notifications/outbox-queries";

const guarded = guardedTitledPage("/compte/courriels", "Mes courriels", (viewer) => {
  if (!isDemoMode()) notFound();
  return listOwnEmails(viewer);
});
export const generateMetadata = guarded.generateMetadata;

/** Demo mode only: the e-mails addressed to the signed-in person, since demo addresses have no mailbox. */
export default async function OwnEmailsPage() {
  const { viewer, record: emails } = await guarded.load();

  return (
    <>
      <h1>Mes courriels</h1>
      <Alert
        severity="info"
        small
        className={fr.cx("fr-mb-3w")}
        description={`Démonstration : les adresses des comptes de démonstration n'existent pas, les courriels adressés à ${viewer.email} sont donc lisibles ici.`}
      />
      {emails.length === 0 ? (
        <p>Aucun courriel ne vous a été adressé.</p>
      ) : (
        <EmailTable
          emails={emails}
          caption="Courriels qui vous sont adressés, du plus récent au plus ancien"
          showBodies
          showRecipient={false}
        />
      )}
    </>
  );
}
