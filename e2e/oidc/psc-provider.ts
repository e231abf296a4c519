// Plays Pro Santé Connect in the end-to-end tests: a real OpenID Connect provider (oidc-provider,
// the certified implementation), with PSC's scopes and claims. Its login page asks for the RPPS and
// the authentication level, so each test chooses who signs in and how.
import { createServer } from "node:http";
import { Provider } from "oidc-provider";
import { E2E_BASE_URL, E2E_PSC_CLIENT_ID, E2E_PSC_CLIENT_SECRET, E2E_PSC_PORT } from "../fixtures/environment";

const issuer = `http://localhost:${E2E_PSC_PORT}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: E2E_PSC_CLIENT_ID,
      client_secret: E2E_PSC_CLIENT_SECRET,
      redirect_uris: [`${E2E_BASE_URL}/api/auth/callback/pro-sante-connect`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  pkce: { required: () => true },
  scopes: ["openid", "scope_all"],
  claims: { openid: ["sub"], scope_all: ["SubjectNameID", "given_name", "family_name"] },
  acrValues: ["eidas1", "eidas0"],
  cookies: { keys: ["psc-e2e-cookie-key"] },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, accountId) {
    return {
      accountId,
      async claims() {
        // "sans-rpps" plays an account for which PSC sends no national identifier.
        return accountId === "sans-rpps"
          ? { sub: accountId, given_name: "Sans", family_name: "RPPS" }
          : { sub: accountId, SubjectNameID: `8${accountId}`, given_name: "Camille", family_name: "MARTIN" };
      },
    };
  },
});

const loginPage = (
  uid: string,
) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Pro Santé Connect (test)</title></head>
<body><main><h1>Pro Santé Connect – connexion de test</h1>
<form method="post" action="/interaction/${uid}/login">
<label for="rpps">Identifiant RPPS</label> <input id="rpps" name="rpps" autocomplete="off">
<label for="acr">Moyen</label> <select id="acr" name="acr"><option value="eidas1">e-CPS (double facteur)</option><option value="eidas0">mot de passe</option></select>
<button type="submit">Valider</button></form></main></body></html>`;

const server = createServer(async (request, response) => {
  const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(request.url ?? "");
  if (!match) return provider.callback()(request, response);
  try {
    const details = await provider.interactionDetails(request, response);
    if (request.method === "GET") {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(loginPage(details.uid));
      return;
    }
    const body = new URLSearchParams(
      await new Promise<string>((resolve) => {
        let data = "";
        request.on("data", (chunk) => (data += chunk));
        request.on("end", () => resolve(data));
      }),
    );
    const accountId = body.get("rpps")?.trim() || "sans-rpps";
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope("openid scope_all");
    await provider.interactionFinished(request, response, {
      login: { accountId, acr: body.get("acr") ?? "eidas1" },
      consent: { grantId: await grant.save() },
    });
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});

server.listen(E2E_PSC_PORT, "127.0.0.1", () => console.log(`Pro Santé Connect (test) at ${issuer}`));
