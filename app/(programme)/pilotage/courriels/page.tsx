import { fr } from "@codegouvfr/react-dsfr";
import { EmptyList } from "@/components/dsfr/empty-list";
import { PageLinks } from "@/components/dsfr/page-links";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { FilterField, FilterForm } from "@/components/forms/filter-form";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { z } from "zod";
import { EMAIL_STATUS_LABELS, EmailTable } from "@/components/notifications/email-table";
import { env } from "@/lib/config/env";
import { EmailStatus } from "@/lib/db/generated/enums";
import { requirePermission } from "@/lib/access/policy";
import { guardPage, guardedTitledPage } from "@/lib/http/page-guard";
import { listOutbox } from "@/lib/notifications/outbox-queries";
import { filterResetHref, listQueryString, readListFilters, ZPageFilter } from "@/lib/http/list-filters";
import { formatCount } from "@/lib/format/numbers";

const guarded = guardedTitledPage("/pilotage/courriels", "Courriels", (viewer) => requirePermission(viewer, "outbox:read"));
export const generateMetadata = guarded.generateMetadata;

const ZFilters = z.object({ statut: z.enum(EmailStatus).optional().catch(undefined), page: ZPageFilter });

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { viewer, path } = await guarded.load();
  const filters = readListFilters(ZFilters, await searchParams);
  const { statut } = filters;
  const { emails, counts, total, pageCount } = await guardPage(viewer, path, () =>
    listOutbox(viewer, { status: statut, page: filters.page }),
  );
  const query = (page: number) => `${path}?${listQueryString({ ...filters, page })}`;
  // With SMTP, messages reach their recipients and may hold personal links (invitations): they are not shown here.
  const showBodies = !env.SMTP_URL;

  return (
    <>
      <h1>Courriels</h1>
      {showBodies ? (
        <Alert
          severity="info"
          small
          className={fr.cx("fr-mb-3w")}
          description="Aucun serveur d'envoi de courriels n'est configuré pour cette installation : les courriels restent dans cette boîte d'envoi. Ouvrez l'objet d'un courriel pour le lire."
        />
      ) : (
        <Alert
          severity="info"
          small
          className={fr.cx("fr-mb-3w")}
          description="Les courriels partent par le serveur SMTP configuré ; un échec est retenté automatiquement, de plus en plus espacé. Leur contenu n'est pas affiché ici : il peut contenir des liens personnels."
        />
      )}
      <FilterForm label="Filtrer les courriels" submitWidth={2} resetHref={filterResetHref(path, ZFilters, filters, ["statut"])}>
        <FilterField width={4}>
          <Select label="État" nativeSelectProps={{ name: "statut", defaultValue: statut ?? "" }}>
            <option value="">Tous</option>
            {Object.values(EmailStatus).map((status) => (
              <option key={status} value={status}>
                {EMAIL_STATUS_LABELS[status]} ({counts[status] ?? 0})
              </option>
            ))}
          </Select>
        </FilterField>
      </FilterForm>
      <p role="status">
        {formatCount(total, "courriel", "courriels")}
        {statut ? " dans cet état" : ""}
      </p>
      {emails.length === 0 ? (
        <EmptyList total={total} nothing={`Aucun courriel${statut ? " dans cet état" : ""}.`} firstPage={query(1)} />
      ) : (
        <EmailTable emails={emails} caption="Courriels, du plus récent au plus ancien" showBodies={showBodies} />
      )}
      <PageLinks page={filters.page} pageCount={pageCount} href={query} />
    </>
  );
}
