import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EmptyList } from "@/components/dsfr/empty-list";
import { PageLinks } from "@/components/dsfr/page-links";
import { EmailTable } from "@/components/notifications/email-table";
import { isDemoMode } from "@/lib/config/env";
import { listQueryString, readListFilters, ZPageFilter } from "@/lib/http/list-filters";
import { guardPage, guardedTitledPage } from "@/lib/http/page-guard";
import { listOwnEmails } from "@/lib/notifications/outbox-queries";

const guarded = guardedTitledPage("/compte/courriels", "Mes courriels", () => {
  if (!isDemoMode()) notFound();
});
export const generateMetadata = guarded.generateMetadata;

const ZFilters = z.object({ page: ZPageFilter });

/** Demo mode only: the e-mails addressed to the signed-in person, since demo addresses have no mailbox. */
export default async function OwnEmailsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { viewer, path } = await guarded.load();
  const filters = readListFilters(ZFilters, await searchParams);
  const { emails, total, pageCount } = await guardPage(viewer, path, () => listOwnEmails(viewer, filters));
  const query = (page: number) => `${path}?${listQueryString({ ...filters, page })}`;

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
        <EmptyList total={total} nothing="Aucun courriel ne vous a été adressé." firstPage={query(1)} />
      ) : (
        <EmailTable
          emails={emails}
          caption="Courriels qui vous sont adressés, du plus récent au plus ancien"
          showBodies
          showRecipient={false}
        />
      )}
      <PageLinks page={filters.page} pageCount={pageCount} href={query} />
    </>
  );
}
