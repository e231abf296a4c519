import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@/components/dsfr/badge";
import Link from "next/link";
import { DataTable } from "@/components/dsfr/data-table";
import { ApiTokenForm } from "@/components/public-api/api-token-form";
import { RevokeApiTokenButton } from "@/components/public-api/revoke-api-token-button";
import { apiTokenStateId } from "@/components/public-api/token-state-id";
import { guardedTitledPage } from "@/lib/http/page-guard";
import { listApiTokens } from "@/lib/public-api/list-api-tokens";
import { API_TOKEN_STATE_LABELS, type ApiTokenState } from "@/lib/public-api/token-rules";
import { API_SCOPE_LABELS, type ApiScope } from "@/lib/public-api/token-schema";
import { formatParisDate, formatParisDateTime } from "@/lib/time/paris";

const guarded = guardedTitledPage("/pilotage/api", "Accès à l'API", (viewer) => listApiTokens(viewer));
export const generateMetadata = guarded.generateMetadata;

const STATE_SEVERITY = {
  active: "success",
  expired: "warning",
  revoked: "error",
  "owner-disabled": "error",
  "owner-without-access": "error",
} as const satisfies Record<ApiTokenState, string>;

/** Why the API refuses a token nobody revoked: a manager may revoke it, or restore its owner. */
const OWNER_REFUSALS: Partial<Record<ApiTokenState, (owner: string) => string>> = {
  "owner-disabled": (owner) => `Le compte de ${owner} est désactivé : l'API refuse ce jeton.`,
  "owner-without-access": (owner) => `${owner} n'a plus le rôle qui donne accès à ces données : l'API refuse ce jeton.`,
};

export default async function ApiTokensPage() {
  const { record: tokens } = await guarded.load();

  return (
    <>
      <h1>Accès à l&apos;API</h1>
      <p>
        L&apos;API de lecture permet aux partenaires du programme (ARS, systèmes de pilotage de l&apos;ANS) de lire les vagues, les dossiers
        et les établissements. Chaque appel porte un jeton personnel, agit en votre nom, est limité en débit et est journalisé.{" "}
        <Link href="/documentation-api">Documentation de l&apos;API</Link>
      </p>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <h2 className={fr.cx("fr-h4")}>Créer un jeton</h2>
          <ApiTokenForm />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
          {tokens.length === 0 ? (
            <p>Aucun jeton créé pour l&apos;instant.</p>
          ) : (
            <DataTable caption="Jetons du programme">
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Portées</th>
                  <th scope="col">Créé</th>
                  <th scope="col">Expire le</th>
                  <th scope="col">Dernière utilisation</th>
                  <th scope="col">État</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => {
                  const { state } = token;
                  const ownerRefusal = OWNER_REFUSALS[state]?.(token.owner.displayName);
                  return (
                    <tr key={token.id}>
                      <td>
                        {token.name}
                        <br />
                        <code>{token.prefix}…</code>
                      </td>
                      <td>{token.scopes.map((scope) => API_SCOPE_LABELS[scope as ApiScope]?.label ?? scope).join(", ")}</td>
                      <td>
                        {formatParisDateTime(token.createdAt)} par {token.owner.displayName}
                      </td>
                      <td>{formatParisDate(token.expiresAt)}</td>
                      <td>{token.lastUsedAt ? formatParisDateTime(token.lastUsedAt) : "Jamais"}</td>
                      <td id={apiTokenStateId(token.id)}>
                        <Badge severity={STATE_SEVERITY[state]} small noIcon>
                          {API_TOKEN_STATE_LABELS[state]}
                        </Badge>
                        {token.revokedAt ? (
                          <p className={fr.cx("fr-text--xs", "fr-mb-0")}>
                            le {formatParisDateTime(token.revokedAt)}
                            {token.revokedBy ? ` par ${token.revokedBy.displayName}` : ""}
                          </p>
                        ) : null}
                        {ownerRefusal ? <p className={fr.cx("fr-text--xs", "fr-mb-0")}>{ownerRefusal}</p> : null}
                      </td>
                      <td>
                        {state !== "revoked" && state !== "expired" ? <RevokeApiTokenButton tokenId={token.id} name={token.name} /> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
          )}
        </div>
      </div>
    </>
  );
}
