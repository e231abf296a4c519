import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import Link from "next/link";
import { CodeBlock } from "@/components/dsfr/code-block";
import { DataTable } from "@/components/dsfr/data-table";
import { ApiText } from "@/components/public-api/api-text";
import { SchemaTable } from "@/components/public-api/schema-table";
import { canManageApiTokens } from "@/lib/access/policy";
import { env } from "@/lib/config/env";
import { getViewer } from "@/lib/identity/current-viewer";
import { type JsonSchema, refName, typeLabel } from "@/lib/public-api/describe-schema";
import { API_ENDPOINTS, openApiDocument } from "@/lib/public-api/openapi-document";

export const metadata: Metadata = { title: "Documentation de l'API" };

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema: JsonSchema };
type Operation = {
  operationId: string;
  summary: string;
  description: string;
  parameters?: Parameter[];
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
};

const EXAMPLE_QUERIES: Record<string, string> = {
  listDossiers: "?state=SELECTED&region=84&limit=20",
  listEstablishments: "?department=33",
};

/** The API's documentation, rendered on the server from its OpenAPI document: what the routes parse and answer. */
/** Each error status of the API, its code, and when it comes (from the OpenAPI document when no text is given here). */
const ERROR_STATUSES: ReadonlyArray<{ status: string; code: string; when?: string }> = [
  { status: "401", code: "UNAUTHENTICATED" },
  { status: "403", code: "FORBIDDEN" },
  { status: "404", code: "NOT_FOUND" },
  { status: "405", code: "METHOD_NOT_ALLOWED", when: "Une autre méthode que GET ou HEAD : l'API ne fait que lire (en-tête `Allow`)" },
  { status: "422", code: "INVALID_INPUT" },
  { status: "429", code: "RATE_LIMITED" },
  { status: "500", code: "INTERNAL" },
  { status: "503", code: "UNAVAILABLE" },
];

export default async function ApiDocumentationPage() {
  const viewer = await getViewer();
  // A visitor may be a manager yet to sign in; anyone else signed in would find the page closed to them.
  const tokenPageReachable = !viewer || canManageApiTokens(viewer);
  const document = openApiDocument();
  const base = document.servers![0]!.url;
  const schemas = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const operations = API_ENDPOINTS.map((endpoint) => ({
    endpoint,
    operation: document.paths![endpoint.path]!.get as unknown as Operation,
  }));

  return (
    <>
      <h1>Documentation de l&apos;API de lecture</h1>
      <p className={fr.cx("fr-text--lead")}>
        <ApiText text={document.info.description ?? ""} />
      </p>
      <nav aria-label="Sommaire de la documentation" className={fr.cx("fr-summary", "fr-mb-4w")}>
        <p className={fr.cx("fr-summary__title")}>Sommaire</p>
        <ol>
          <li>
            <a className={fr.cx("fr-summary__link")} href="#acces">
              Obtenir un jeton et appeler l&apos;API
            </a>
          </li>
          <li>
            <a className={fr.cx("fr-summary__link")} href="#pagination">
              Pagination, limites et erreurs
            </a>
          </li>
          {operations.map(({ endpoint, operation }) => (
            <li key={operation.operationId}>
              <a className={fr.cx("fr-summary__link")} href={`#${operation.operationId}`}>
                {operation.summary} — <code>GET {endpoint.path}</code>
              </a>
            </li>
          ))}
          <li>
            <a className={fr.cx("fr-summary__link")} href="#schemas">
              Schémas
            </a>
          </li>
        </ol>
      </nav>

      <h2 id="acces">Obtenir un jeton et appeler l&apos;API</h2>
      <ol>
        <li>
          Un chargé ou une chargée de programme crée un jeton dans{" "}
          {tokenPageReachable ? <Link href="/pilotage/api">Pilotage › Accès à l&apos;API</Link> : "Pilotage › Accès à l'API"} : un nom, les
          portées (ce qu&apos;il peut lire) et une durée de validité. Le jeton n&apos;est affiché qu&apos;une fois ; il agit au nom de la
          personne qui l&apos;a créé et peut être révoqué à tout moment.
        </li>
        <li>
          Chaque appel le porte dans l&apos;en-tête <code>Authorization</code>. Adresse de base : <code>{base}</code>.
        </li>
        <li>
          Le document OpenAPI 3.1 de l&apos;API, pour générer un client : <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
        </li>
      </ol>
      <CodeBlock label="Exemple d'appel de l'API" className={fr.cx("fr-mb-4w")}>
        {`curl -H "Authorization: Bearer hcapi_…" "${base}/dossiers?state=SELECTED&limit=20"`}
      </CodeBlock>

      <h2 id="pagination">Pagination, limites et erreurs</h2>
      <p>
        Les listes sont paginées par curseur : <code>limit</code> éléments par page (50 par défaut, 100 au plus), dans l&apos;ordre de
        création. La réponse donne <code>nextCursor</code>, à passer en <code>cursor</code> pour la page suivante ; il vaut{" "}
        <code>null</code> sur la dernière page. Un élément ajouté pendant le parcours n&apos;en décale aucun autre.
      </p>
      <p>
        Chaque jeton peut faire {env.API_RATE_LIMIT_PER_MINUTE} appels par minute ; au-delà, la réponse est <code>429</code> avec
        l&apos;en-tête <code>Retry-After</code>. Chaque appel est journalisé (jeton, chemin, paramètres, statut). Montants en centimes
        d&apos;euro, dates en UTC (ISO 8601).
      </p>
      <DataTable caption="Réponses d'erreur (schéma Error)">
        <thead>
          <tr>
            <th scope="col">Statut</th>
            <th scope="col">Code</th>
            <th scope="col">Quand</th>
          </tr>
        </thead>
        <tbody>
          {ERROR_STATUSES.map(({ status, code, when }) => (
            <tr key={status}>
              <td>
                <code>{status}</code>
              </td>
              <td>
                <code>{code}</code>
              </td>
              <td>
                <ApiText text={when ?? operations.map(({ operation }) => operation.responses[status]?.description).find(Boolean) ?? ""} />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p>
        Un 401 précise sa raison dans <code>details.reason</code> : <code>missing</code> (pas d&apos;en-tête <code>Authorization</code>
        ), <code>malformed</code>, <code>unknown</code>, <code>expired</code>, <code>revoked</code> ou <code>disabled</code> (le compte qui
        a créé le jeton est désactivé). Un paramètre inconnu est refusé (422), tout comme un identifiant mal formé (404, avant même la
        vérification du jeton).
      </p>
      <CodeBlock label="Exemple de réponse d'erreur">
        {`{ "error": { "code": "UNAUTHENTICATED", "message": "Ce jeton d'accès a été révoqué." } }`}
      </CodeBlock>

      {operations.map(({ endpoint, operation }) => {
        const response = operation.responses["200"]!.content!["application/json"]!.schema;
        const example = `${base}${endpoint.path.replace(/\{(\w+)\}/g, "019390a2-7c1e-7d2a-9c57-2b1f0c4e8a11")}${EXAMPLE_QUERIES[operation.operationId] ?? ""}`;
        return (
          <section key={operation.operationId} id={operation.operationId} className={fr.cx("fr-mt-6w")}>
            <h2>{operation.summary}</h2>
            <p>
              <code>GET /api/v1{endpoint.path}</code> · portée <code>{endpoint.scope}</code>
            </p>
            <p>
              <ApiText text={endpoint.description} />
            </p>
            {operation.parameters?.length ? (
              <DataTable caption={`Paramètres de « ${operation.summary} »`}>
                <thead>
                  <tr>
                    <th scope="col">Nom</th>
                    <th scope="col">Où</th>
                    <th scope="col">Type</th>
                    <th scope="col">Obligatoire</th>
                    <th scope="col">Description</th>
                  </tr>
                </thead>
                <tbody>
                  {operation.parameters.map((parameter) => (
                    <tr key={`${parameter.in}-${parameter.name}`}>
                      <td>
                        <code>{parameter.name}</code>
                      </td>
                      <td>{parameter.in === "path" ? "chemin" : "requête"}</td>
                      <td>{typeLabel(parameter.schema)}</td>
                      <td>{parameter.required ? "Oui" : "Non"}</td>
                      <td>
                        <ApiText text={parameter.description ?? parameter.schema.description ?? ""} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            ) : null}
            <p>
              Réponse : {response.$ref ? <a href={`#schema-${refName(response.$ref)}`}>{refName(response.$ref)}</a> : typeLabel(response)}
            </p>
            <CodeBlock label={`Exemple d'appel : ${operation.summary}`}>{`curl -H "Authorization: Bearer hcapi_…" "${example}"`}</CodeBlock>
          </section>
        );
      })}

      <h2 id="schemas" className={fr.cx("fr-mt-6w")}>
        Schémas
      </h2>
      {Object.entries(schemas).map(([name, schema]) => (
        <section key={name} id={`schema-${name}`} className={fr.cx("fr-mt-4w")}>
          <h3>{name}</h3>
          {schema.description ? (
            <p>
              <ApiText text={schema.description} />
            </p>
          ) : null}
          <SchemaTable caption={`Champs de ${name}`} schema={schema} />
        </section>
      ))}
    </>
  );
}
