import { fr } from "@codegouvfr/react-dsfr";
import { ArrivalNotice } from "@/components/forms/focus-on-arrival";
import type { Metadata } from "next";
import Link from "next/link";
import { AccountNameForm } from "@/components/identity/account-name-form";
import { CredentialList } from "@/components/identity/credential-list";
import { MEMBERSHIP_ROLE_LABELS } from "@/lib/establishments/membership-role-labels";
import { SignOutEverywhere } from "@/components/identity/sign-out-everywhere";
import { Badge } from "@/components/dsfr/badge";
import { DataTable } from "@/components/dsfr/data-table";
import { ConfirmedActionButton } from "@/components/forms/confirmed-action-button";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { isDemoMode } from "@/lib/config/env";
import { getAccountOverview } from "@/lib/identity/account";
import { requireViewer } from "@/lib/identity/current-viewer";
import { STAFF_ROLE_LABELS } from "@/lib/identity/staff-role-labels";
import { professionalName } from "@/lib/roster/labels";
import { listOwnCredentials } from "@/lib/identity/webauthn/credentials";
import { formatParisDateTime } from "@/lib/time/paris";
import { sessionOpenedWith } from "@/lib/identity/auth-method-labels";

export const metadata: Metadata = { title: "Mon compte" };

/** What the page says on arrival from a link's key registration (its query parameter), once the new key has signed in. */
const ARRIVAL_MESSAGES = {
  active:
    "Votre compte est activé et vous êtes connecté. Votre clé d'accès est enregistrée ci-dessous : utilisez-la à chaque connexion. Le menu en haut de page mène à votre espace.",
  retabli:
    "Votre accès est rétabli et vous êtes connecté. Votre nouvelle clé est enregistrée ci-dessous ; vos anciennes clés ont été retirées et vos autres sessions fermées. Ajoutez une clé de secours pour ne plus dépendre d'une seule.",
} as const;

/** What the page says once « Fermer cette session » is done, reached again with `?fermeture=…`. */
const SESSION_CLOSED = "La session est fermée : sur cet appareil, il faudra se reconnecter.";

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<{ active?: string; retabli?: string; fermeture?: string }>;
}) {
  const viewer = await requireViewer("/compte");
  const query = await searchParams;
  const arrival = (["active", "retabli"] as const).find((key) => query[key] === "1");
  const [credentials, account] = await Promise.all([listOwnCredentials(viewer), getAccountOverview(viewer)]);
  const keyNames = new Map(credentials.map((credential) => [credential.id, credential.name]));
  // This device's session first, then the others by their last activity.
  const sessions = account.sessions
    .map((session) => ({
      ...session,
      device: session.device ?? "Appareil inconnu",
      openedWith: sessionOpenedWith(session, keyNames),
      current: session.id === viewer.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));

  return (
    <>
      <h1>Mon compte</h1>
      {arrival ? <ArrivalNotice message={ARRIVAL_MESSAGES[arrival]} /> : null}
      <p>
        {viewer.displayName} – {viewer.email}
        {viewer.staffRole ? <> – {STAFF_ROLE_LABELS[viewer.staffRole]}</> : null}
        {account.rpps ? <> – RPPS {account.rpps}</> : null}
      </p>
      <AccountNameForm displayName={viewer.displayName} />
      {isDemoMode() ? (
        <p>
          <Link href="/compte/courriels">Lire les courriels qui me sont adressés</Link> (démonstration : ces adresses n&apos;ont pas de
          boîte de réception).
        </p>
      ) : null}

      <h2>Clés d&apos;accès</h2>
      <CredentialList
        credentials={credentials.map((credential) => ({
          id: credential.id,
          name: credential.name,
          createdAt: credential.createdAt.toISOString(),
          lastUsedAt: credential.lastUsedAt?.toISOString() ?? null,
          synced: credential.backedUp,
        }))}
        currentKeyId={sessions.find((session) => session.current)?.credentialId ?? null}
      />

      {account.memberships.length > 0 ? (
        <>
          <h2 className={fr.cx("fr-mt-6w")}>Mes établissements</h2>
          <ul>
            {account.memberships.map((membership) => (
              <li key={membership.establishment.id}>
                <Link href={`/etablissements/${membership.establishment.id}`}>{membership.establishment.name}</Link> (
                {membership.establishment.city}) – {MEMBERSHIP_ROLE_LABELS[membership.role].toLowerCase()}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {account.professionalRecords.length > 0 ? (
        <>
          <h2 className={fr.cx("fr-mt-6w")}>Ma fiche professionnelle</h2>
          <ul>
            {account.professionalRecords.map((record) => (
              <li key={record.id}>
                {professionalName(record)}, {record.profession.label} – {record.establishment.name}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 className={fr.cx("fr-mt-6w")}>Sessions ouvertes</h2>
      {query.fermeture ? (
        // Keyed by the action's stamp: a second closing in a row remounts it, so it takes the focus again.
        <ArrivalNotice key={query.fermeture} message={SESSION_CLOSED} />
      ) : null}
      <DataTable caption="Vos sessions ouvertes">
        <thead>
          <tr>
            <th scope="col">Appareil</th>
            <th scope="col">Ouverte avec</th>
            <th scope="col">Connexion</th>
            <th scope="col">Dernière activité</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <th scope="row">
                {session.device}
                {session.current ? (
                  <>
                    {" "}
                    <Badge severity="info" small noIcon>
                      Cette session (cet appareil)
                    </Badge>
                  </>
                ) : null}
              </th>
              <td>{session.openedWith}</td>
              <td>{formatParisDateTime(session.createdAt)}</td>
              <td>{formatParisDateTime(session.lastSeenAt)}</td>
              <td>
                {session.current ? (
                  <SignOutButton small />
                ) : (
                  <ConfirmedActionButton
                    url={`/api/account/sessions/${session.id}`}
                    question={`Fermer la session « ${session.device} » ouverte le ${formatParisDateTime(session.createdAt)} ? Cet appareil devra se reconnecter.`}
                    done="fermeture"
                  >
                    Fermer cette session
                    <span className={fr.cx("fr-sr-only")}>
                      {" "}
                      : {session.device}, ouverte le {formatParisDateTime(session.createdAt)}
                    </span>
                  </ConfirmedActionButton>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <SignOutEverywhere />
    </>
  );
}
