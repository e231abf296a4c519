import { EmptyList } from "@/components/dsfr/empty-list";
import { fr } from "@codegouvfr/react-dsfr";
import { DataTable } from "@/components/dsfr/data-table";
import { PageLinks } from "@/components/dsfr/page-links";
import { FilterField, FilterForm } from "@/components/forms/filter-form";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { auditActionLabel, auditTargetLabel } from "@/lib/audit/action-labels";
import { type AuditNames, describeAuditDetails } from "@/lib/audit/details";
import { AUDIT_FILTER_MAX_LENGTH, searchAuditLog, ZAuditFilters } from "@/lib/audit/queries";
import { requirePermission } from "@/lib/access/policy";
import { guardPage, guardedTitledPage } from "@/lib/http/page-guard";
import { formatInteger } from "@/lib/format/numbers";
import { formatParisDateTime } from "@/lib/time/paris";
import { filterResetHref, listQueryString, readListFilters } from "@/lib/http/list-filters";

const guarded = guardedTitledPage("/pilotage/journal", "Journal d'audit", (viewer) => requirePermission(viewer, "audit:read"));
export const generateMetadata = guarded.generateMetadata;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { viewer } = await guarded.load();
  const filters = readListFilters(ZAuditFilters, await searchParams);
  const { total, events, names, actions, pageCount } = await guardPage(viewer, "/pilotage/journal", () => searchAuditLog(viewer, filters));
  const query = (page: number) => `/pilotage/journal?${listQueryString({ ...filters, page })}`;

  return (
    <>
      <h1>Journal d&apos;audit</h1>
      <p>
        Chaque action sur la plateforme : connexions et clés, invitations et rôles, dossiers, évaluations, décisions, versements, exports et
        refus d&apos;accès. Le journal ne peut être ni modifié ni effacé.
      </p>
      <FilterForm
        label="Filtrer le journal"
        resetHref={filterResetHref("/pilotage/journal", ZAuditFilters, filters, ["action", "actor", "target", "from", "to"])}
      >
        <FilterField width={3}>
          <Select label="Action" nativeSelectProps={{ name: "action", defaultValue: filters.action ?? "" }}>
            <option value="">Toutes</option>
            {actions
              .map((action) => ({ action, label: auditActionLabel(action) }))
              .sort((a, b) => a.label.localeCompare(b.label, "fr"))
              .map(({ action, label }) => (
                <option key={action} value={action}>
                  {label}
                </option>
              ))}
          </Select>
        </FilterField>
        <FilterField width={3}>
          <Input
            label="Auteur (adresse)"
            nativeInputProps={{ name: "actor", defaultValue: filters.actor, maxLength: AUDIT_FILTER_MAX_LENGTH }}
          />
        </FilterField>
        <FilterField width={2}>
          <Input
            label="Cible (identifiant ou référence du dossier)"
            nativeInputProps={{ name: "target", defaultValue: filters.target, maxLength: AUDIT_FILTER_MAX_LENGTH }}
          />
        </FilterField>
        <FilterField width={2} halfOnPhone>
          <Input label="Du" nativeInputProps={{ type: "date", name: "from", defaultValue: filters.from }} />
        </FilterField>
        <FilterField width={2} halfOnPhone>
          <Input label="Au" nativeInputProps={{ type: "date", name: "to", defaultValue: filters.to }} />
        </FilterField>
      </FilterForm>

      <p role="status">
        {formatInteger(total)} événement{total > 1 ? "s" : ""}
      </p>
      {events.length === 0 ? (
        <EmptyList total={total} nothing="Aucun événement ne correspond à ces filtres." firstPage={query(1)} />
      ) : (
        <DataTable caption="Événements du journal d'audit" hideCaption>
          <thead>
            <tr>
              <th scope="col">Date (heure de Paris)</th>
              <th scope="col">Auteur</th>
              <th scope="col">Action</th>
              <th scope="col">Cible</th>
              <th scope="col">Adresse IP</th>
              <th scope="col">Détails</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id.toString()}>
                <td>{formatParisDateTime(event.at)}</td>
                <td>{event.actorLabel}</td>
                <td>
                  {auditActionLabel(event.action)}
                  <span className={fr.cx("fr-hint-text")}>
                    <code>{event.action}</code>
                  </span>
                </td>
                <td>{event.targetType ? `${auditTargetLabel(event.targetType)} ${event.targetReference ?? event.targetId ?? ""}` : "–"}</td>
                <td>{event.ip ?? "–"}</td>
                <td>
                  <AuditDetailsList action={event.action} details={event.details} names={names} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <PageLinks page={filters.page} pageCount={pageCount} href={query} />
    </>
  );
}

/** An event's details, one per line, in the programme's words (the stored JSON stays the evidence). */
function AuditDetailsList({ action, details, names }: { action: string; details: unknown; names: AuditNames }) {
  const lines = describeAuditDetails(details, { action, names });
  if (lines.length === 0) return <>–</>;
  return (
    <ul className={fr.cx("fr-raw-list", "fr-text--xs", "fr-mb-0")}>
      {lines.map((line, index) => (
        <li key={index}>
          {line.label} : {line.value}
        </li>
      ))}
    </ul>
  );
}
