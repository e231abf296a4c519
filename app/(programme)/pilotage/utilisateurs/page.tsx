import { EmptyList } from "@/components/dsfr/empty-list";
import { fr } from "@codegouvfr/react-dsfr";
import { DataTable } from "@/components/dsfr/data-table";
import { Badge } from "@/components/dsfr/badge";
import Link from "next/link";
import { isReviewerRole } from "@/lib/access/viewer";
import { RecoverAccessButton } from "@/components/identity/recover-access-button";
import { StaffMemberActions } from "@/components/identity/staff-member-actions";
import { STAFF_ROLE_LABELS } from "@/lib/identity/staff-role-labels";
import { listStaff, ZStaffFilters } from "@/lib/identity/users";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { PageLinks } from "@/components/dsfr/page-links";
import { FilterField, FilterForm } from "@/components/forms/filter-form";
import { FilterSelect } from "@/components/forms/filter-select";
import { formatCount } from "@/lib/format/numbers";
import { filterResetHref, listQueryString, readListFilters, SEARCH_TEXT_MAX_LENGTH } from "@/lib/http/list-filters";
import { requirePermission } from "@/lib/access/policy";
import { guardPage, guardedTitledPage } from "@/lib/http/page-guard";
import { formatParisDateTime } from "@/lib/time/paris";

const guarded = guardedTitledPage("/pilotage/utilisateurs", "Utilisateurs de l'ANS", (viewer) => requirePermission(viewer, "user:manage"));
export const generateMetadata = guarded.generateMetadata;

export default async function StaffPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { viewer } = await guarded.load();
  const filters = readListFilters(ZStaffFilters, await searchParams);
  const { total, rows, pageCount } = await guardPage(viewer, "/pilotage/utilisateurs", () => listStaff(viewer, filters));

  return (
    <>
      <h1>Utilisateurs de l&apos;ANS</h1>
      <p>
        Les agents se connectent uniquement avec une clé d&apos;accès. Pour ajouter une personne,{" "}
        <Link href="/pilotage/invitations">envoyez une invitation</Link> ; à une personne qui a perdu sa clé, « Rétablir l&apos;accès »
        envoie un lien pour en enregistrer une nouvelle.
      </p>
      <FilterForm
        label="Filtrer les comptes"
        submitWidth={3}
        resetHref={filterResetHref("/pilotage/utilisateurs", ZStaffFilters, filters, ["role", "search"])}
      >
        <FilterField width={4}>
          <FilterSelect label="Rôle" name="role" value={filters.role} options={STAFF_ROLE_LABELS} anyLabel="Tous" />
        </FilterField>
        <FilterField width={5}>
          <Input
            label="Nom ou adresse électronique"
            nativeInputProps={{ name: "search", defaultValue: filters.search, maxLength: SEARCH_TEXT_MAX_LENGTH }}
          />
        </FilterField>
      </FilterForm>
      <p role="status">{formatCount(total, "compte", "comptes")}</p>
      {rows.length === 0 ? (
        <EmptyList
          total={total}
          nothing="Aucun compte ne correspond à ces filtres."
          firstPage={`/pilotage/utilisateurs?${listQueryString({ ...filters, page: 1 })}`}
        />
      ) : (
        <DataTable caption="Comptes des agents" multiline>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Rôle</th>
              <th scope="col">Clés</th>
              <th scope="col">Dernière activité</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((user) => (
              <tr key={user.id}>
                <td>
                  {isReviewerRole(user.staffRole) ? (
                    <Link href={`/pilotage/utilisateurs/${user.id}`}>{user.displayName}</Link>
                  ) : (
                    user.displayName
                  )}
                  <br />
                  <span className={fr.cx("fr-text--xs")}>{user.email}</span>
                </td>
                <td>
                  {user.staffRole ? STAFF_ROLE_LABELS[user.staffRole] : "–"}
                  {user.disabledAt ? (
                    <>
                      {" "}
                      <Badge severity="error" small>
                        Désactivé
                      </Badge>
                    </>
                  ) : null}
                </td>
                <td>{user._count.credentials}</td>
                <td>{user.sessions[0] ? formatParisDateTime(user.sessions[0].lastSeenAt) : "Aucune connexion"}</td>
                <td>
                  {user.id === viewer.userId || !user.staffRole ? (
                    "Vous"
                  ) : (
                    <>
                      <StaffMemberActions
                        userId={user.id}
                        name={user.displayName}
                        staffRole={user.staffRole}
                        disabled={user.disabledAt !== null}
                      />
                      {user.disabledAt ? null : <RecoverAccessButton userId={user.id} name={user.displayName} />}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <PageLinks
        page={filters.page}
        pageCount={pageCount}
        href={(page) => `/pilotage/utilisateurs?${listQueryString({ ...filters, page })}`}
      />
    </>
  );
}
