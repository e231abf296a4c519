import { dossierReference } from "@/lib/applications/dossier-reference";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getDossierRoute } from "@/app/api/v1/dossiers/[dossierId]/route";
import { GET as listDossiersRoute } from "@/app/api/v1/dossiers/route";
import { GET as getEstablishmentRoute } from "@/app/api/v1/establishments/[establishmentId]/route";
import { GET as listEstablishmentsRoute } from "@/app/api/v1/establishments/route";
import { GET as getWaveRoute } from "@/app/api/v1/waves/[waveId]/route";
import { GET as listWavesRoute } from "@/app/api/v1/waves/route";
import { env } from "@/lib/config/env";
import { defineApiRoute } from "@/lib/http/define-api-route";
import { RATE_LIMITS } from "@/lib/identity/rate-limits";
import { recordIndicatorSnapshot } from "@/lib/roster/snapshots";
import {
  createDraft,
  createOpenWave,
  createReviewer,
  createScoredDossier,
  createSelectedDossier,
  createUser,
  insertApiToken,
  insertRoster,
  programmeManager,
} from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createApiToken } from "@/lib/public-api/create-api-token";
import { API_ENDPOINTS, openApiDocument } from "@/lib/public-api/openapi-document";
import { revokeApiToken } from "@/lib/public-api/revoke-api-token";
import { openApiValidator } from "./openapi-validator";

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The document's path template of each route handler. */
const ROUTES: Record<string, Route> = {
  "/waves": listWavesRoute,
  "/waves/{waveId}": getWaveRoute,
  "/dossiers": listDossiersRoute,
  "/dossiers/{dossierId}": getDossierRoute,
  "/establishments": listEstablishmentsRoute,
  "/establishments/{establishmentId}": getEstablishmentRoute,
};

let errorsOf: Awaited<ReturnType<typeof openApiValidator>>;
let world: Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const manager = await programmeManager(testDb);
  // A dossier « retenu » (released decision), whose roster was frozen at submission.
  const selected = await createSelectedDossier(testDb, { amountGrantedCents: 12_345_600n });
  await insertRoster(testDb, selected.establishment.id);
  await recordIndicatorSnapshot(testDb, selected.establishment.id, "SUBMISSION", { applicationId: selected.id });
  // A scored dossier of the same wave with a staged proposal: not a decision until released.
  const reviewers = [await createReviewer(testDb), await createReviewer(testDb)];
  const scored = await createScoredDossier(testDb, { ...selected.wave }, [
    { reviewerId: reviewers[0]!.userId, value: 3 },
    { reviewerId: reviewers[1]!.userId, value: 1 },
  ]);
  await testDb.decision.create({
    data: { applicationId: scored.id, waveId: selected.wave.waveId, outcome: "REJECTED", reasons: "Hors périmètre." },
  });
  const draft = await createDraft(testDb, scored.establishment.id, await createOpenWave(testDb));
  const { token, id: tokenId } = await createApiToken(
    manager,
    { name: "Entrepôt de données de l'ARS", scopes: ["waves:read", "dossiers:read", "establishments:read"], lifetimeDays: "30" },
    "203.0.113.9",
  );
  return { manager, selected, scored, draft, token, tokenId };
}

async function call(
  path: string,
  options: { token?: string | null; authorization?: string; params?: Record<string, string>; query?: string; route?: Route } = {},
) {
  const concrete = Object.entries(options.params ?? {}).reduce((url, [name, value]) => url.replace(`{${name}}`, value), path);
  const token = options.token === undefined ? world.token : options.token;
  const request = new Request(`http://localhost/api/v1${concrete}${options.query ?? ""}`, {
    headers: options.authorization ? { authorization: options.authorization } : token ? { authorization: `Bearer ${token}` } : {},
  });
  const response = await (options.route ?? ROUTES[path]!)(request, { params: Promise.resolve(options.params ?? {}) });
  const body = await response.json();
  expect(errorsOf(path, response.status, body), `${path} ${response.status}`).toEqual([]);
  return { status: response.status, body, headers: response.headers };
}

describe("the public read API", () => {
  beforeAll(async () => {
    await resetDatabase();
    errorsOf = await openApiValidator(openApiDocument());
    world = await buildWorld();
  });

  it("answers every route with a token, as its OpenAPI document describes", async () => {
    const waveId = world.selected.wave.waveId;
    const waves = await call("/waves");
    expect(waves.status).toBe(200);
    expect(waves.body.data.map((wave: { id: string }) => wave.id)).toContain(waveId);

    const wave = await call("/waves/{waveId}", { params: { waveId } });
    expect(wave.status).toBe(200);
    expect(wave.body.dossierCounts).toMatchObject({ SELECTED: 1, SCORED: 1, DRAFT: 0 });
    expect(wave.body.fundingEnvelopeCents).toBe(100_000_000);

    const dossiers = await call("/dossiers", { query: `?wave=${waveId}` });
    expect(dossiers.status).toBe(200);
    expect(dossiers.body.data.map((dossier: { id: string }) => dossier.id).sort()).toEqual([world.selected.id, world.scored.id].sort());

    const selected = await call("/dossiers/{dossierId}", { params: { dossierId: world.selected.id } });
    expect(selected.status).toBe(200);
    // An id is a uuid whatever its case, as on every other route.
    const upperCase = await call("/dossiers/{dossierId}", { params: { dossierId: world.selected.id.toUpperCase() } });
    expect([upperCase.status, upperCase.body.id]).toEqual([200, world.selected.id]);
    expect(selected.body.decision).toMatchObject({ outcome: "SELECTED", amountGrantedCents: 12_345_600 });
    // Its reference, as its pages and letters quote it, finds it in the list.
    const { number } = await testDb.application.findUniqueOrThrow({ where: { id: world.selected.id }, select: { number: true } });
    expect(selected.body.reference).toBe(dossierReference(number));
    const byReference = await call("/dossiers", { query: `?search=${selected.body.reference}` });
    expect(byReference.body.data.map((dossier: { id: string }) => dossier.id)).toEqual([world.selected.id]);
    expect(selected.body.frozenIndicators.overall.active).toBeGreaterThan(0);

    const establishments = await call("/establishments", { query: `?search=${encodeURIComponent(world.selected.establishment.finessEt)}` });
    expect(establishments.body.data.map((row: { id: string }) => row.id)).toEqual([world.selected.establishment.id]);

    const establishment = await call("/establishments/{establishmentId}", { params: { establishmentId: world.selected.establishment.id } });
    expect(establishment.status).toBe(200);
    expect(establishment.body.latestIndicators).toMatchObject({ reason: "SUBMISSION" });
    expect(establishment.body.latestIndicators.overall).toEqual(selected.body.frozenIndicators.overall);
  });

  it("shows a staged proposal nowhere, and the review's aggregates", async () => {
    const scored = await call("/dossiers/{dossierId}", { params: { dossierId: world.scored.id } });
    expect(scored.body.state).toBe("SCORED");
    expect(scored.body.decision).toBeNull();
    expect(scored.body.review.reviewsPerTier).toEqual({ REGIONAL: 0, NATIONAL: 2 });
    expect(scored.body.review.raw).toBeGreaterThan(0);
    expect(scored.body.frozenIndicators).toBeNull();
    expect(JSON.stringify(scored.body)).not.toContain("Hors périmètre");
  });

  it("walks a list page by page with the cursor, each dossier once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await call("/dossiers", { query: `?limit=1${cursor ? `&cursor=${cursor}` : ""}` });
      expect(answer.body.data.length).toBeLessThanOrEqual(1);
      seen.push(...answer.body.data.map((dossier: { id: string }) => dossier.id));
      cursor = answer.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    const all = await testDb.application.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    expect(seen).toEqual(all.map((row) => row.id));
    expect(pages).toBe(all.length);
  });

  it("filters, and refuses a malformed or unknown parameter in French", async () => {
    const drafts = await call("/dossiers", { query: "?state=DRAFT" });
    expect(drafts.body.data.map((dossier: { id: string }) => dossier.id)).toEqual([world.draft.id]);
    const wrong = await call("/dossiers", { query: "?state=ACCEPTED&limit=500" });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fieldErrors).toEqual({ state: ["État inconnu."], limit: ["Au plus 100."] });
    // Two values for one filter would be read as one of them: refused, by name.
    const repeated = await call("/dossiers", { query: "?state=DRAFT&state=SELECTED&limit=5" });
    expect([repeated.status, repeated.body.error.fieldErrors]).toEqual([
      422,
      { state: ["Paramètre répété : donnez-lui une seule valeur."] },
    ]);
    const unknownParameter = await call("/establishments", { query: "?etat=DRAFT" });
    expect([unknownParameter.status, unknownParameter.body.error.fieldErrors]).toEqual([422, { etat: ["Paramètre inconnu."] }]);
    // Each refusal names its parameter in words, not zod's « Trop petit : number doit être >=2000 ».
    expect((await call("/waves", { query: "?year=1999" })).body.error.fieldErrors).toEqual({ year: ["Année entre 2000 et 2100."] });
    expect((await call("/waves", { query: "?year=2e3&limit=" })).body.error.fieldErrors).toEqual({
      year: ["Année attendue."],
      limit: ["Nombre entier attendu."],
    });
    expect((await call("/dossiers", { query: "?cursor=abc&search=" })).body.error.fieldErrors).toEqual({
      cursor: ["Curseur invalide : passez le « nextCursor » de la page précédente."],
      search: ["Texte vide : donnez au moins un caractère, ou retirez le paramètre."],
    });
    expect((await call("/waves/{waveId}", { params: { waveId: crypto.randomUUID() } })).status).toBe(404);
    expect((await call("/waves/{waveId}", { params: { waveId: "pas-un-identifiant" } })).status).toBe(404);
  });

  it("refuses a call without a valid token with a 401 that says why", async () => {
    const expired = await insertApiToken(testDb, world.manager.userId, { expiresAt: new Date(Date.now() - 1000) });
    const disabledOwner = await createUser(testDb, { staffRole: "PROGRAMME_MANAGER" });
    const ofDisabled = await insertApiToken(testDb, disabledOwner.id);
    await testDb.user.update({ where: { id: disabledOwner.id }, data: { disabledAt: new Date() } });
    const revoked = await insertApiToken(testDb, world.manager.userId);
    await revokeApiToken(world.manager, revoked.id, null);
    const cases: Array<[string | null, string]> = [
      [null, "Jeton d'accès manquant : envoyez l'en-tête « Authorization: Bearer <jeton> »."],
      ["hcapi_inconnu", "Jeton d'accès inconnu."],
      [expired.token, "Ce jeton d'accès a expiré : demandez-en un nouveau à un chargé de programme."],
      [revoked.token, "Ce jeton d'accès a été révoqué."],
      [ofDisabled.token, "Le compte qui a créé ce jeton d'accès est désactivé."],
    ];
    for (const [token, message] of cases) {
      const answer = await call("/dossiers", { token });
      expect([answer.status, answer.body.error.message]).toEqual([401, message]);
      // RFC 6750 §3.1: no error code for a request that carried no token.
      expect(answer.headers.get("www-authenticate")).toBe(
        token === null ? 'Bearer realm="HospiConnect"' : 'Bearer realm="HospiConnect", error="invalid_token"',
      );
    }
    const malformed = await call("/dossiers", { token: null, authorization: `Token ${world.token}` });
    expect([malformed.status, malformed.body.error.message, malformed.headers.get("www-authenticate")]).toEqual([
      401,
      "En-tête « Authorization » mal formé : envoyez « Authorization: Bearer <jeton> », le jeton sans espace.",
      'Bearer realm="HospiConnect", error="invalid_request"',
    ]);
  });

  it("refuses a scope the token lacks, and a token whose owner lost the role, with a 403", async () => {
    const wavesOnly = await insertApiToken(testDb, world.manager.userId, { scopes: ["waves:read"] });
    expect((await call("/waves", { token: wavesOnly.token })).status).toBe(200);
    const refused = await call("/dossiers", { token: wavesOnly.token });
    expect([refused.status, refused.body.error.message]).toEqual([
      403,
      "Ce jeton n'a pas la portée « dossiers:read » : créez-en un qui l'a.",
    ]);
    const demoted = await createUser(testDb, { staffRole: "PROGRAMME_MANAGER" });
    const ofDemoted = await insertApiToken(testDb, demoted.id);
    await testDb.user.update({ where: { id: demoted.id }, data: { staffRole: "REVIEWER" } });
    expect((await call("/establishments", { token: ofDemoted.token })).status).toBe(403);
    // The document says both reasons.
    const { paths } = openApiDocument() as unknown as {
      paths: Record<string, { get: { responses: Record<string, { description: string }> } }>;
    };
    expect(paths["/establishments"]!.get.responses["403"]!.description).toBe(
      "Le jeton n'a pas la portée requise, ou la personne qui l'a créé n'a plus les droits qu'elle demande",
    );
  });

  it("limits each token's rate, with a 429 and Retry-After", async () => {
    const busy = await insertApiToken(testDb, world.manager.userId);
    expect((await call("/waves", { token: busy.token })).status).toBe(200);
    await RATE_LIMITS.apiPerToken.penalty(busy.id, env.API_RATE_LIMIT_PER_MINUTE);
    const limited = await call("/waves", { token: busy.token });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/^Trop d'appels avec ce jeton\. Réessayez dans \d+ minutes?\.$/);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another token is counted apart.
    expect((await call("/waves")).status).toBe(200);
  });

  it("answers a failure of its own with a 500 and a database away with a 503 and Retry-After, as every operation documents", async () => {
    const { paths } = openApiDocument() as unknown as {
      paths: Record<string, { get: { responses: Record<string, { headers?: object }> } }>;
    };
    for (const endpoint of API_ENDPOINTS) {
      const params = Object.fromEntries(Object.keys(endpoint.params).map((name) => [name, crypto.randomUUID()]));
      const failing = defineApiRoute(endpoint, async () => {
        throw new Error("a bug in the handler");
      });
      // PostgreSQL's own refusal, as a statement cancelled under load gives it, through Prisma.
      const unavailable = defineApiRoute(
        endpoint,
        () => testDb.$executeRaw`DO $$ BEGIN RAISE EXCEPTION 'busy' USING ERRCODE = 'query_canceled'; END $$`,
      );
      const internal = await call(endpoint.path, { params, route: failing });
      expect([internal.status, internal.body.error.code], endpoint.path).toEqual([500, "INTERNAL"]);
      const away = await call(endpoint.path, { params, route: unavailable });
      expect([away.status, away.body.error.code], endpoint.path).toEqual([503, "UNAVAILABLE"]);
      expect(Number(away.headers.get("retry-after"))).toBeGreaterThan(0);
      // The document says to wait for it.
      expect(Object.keys(paths[endpoint.path]!.get.responses["503"]!.headers ?? {})).toEqual(["Retry-After"]);
    }
  });

  it("audits every call, refused ones included, and keeps the token's last use", async () => {
    const revoked = await insertApiToken(testDb, world.manager.userId, { revokedAt: new Date() });
    const since = new Date();
    await call("/waves", { query: "?kind=PILOT" });
    await call("/waves", { token: "hcapi_inconnu" });
    await call("/waves", { token: revoked.token });
    const entries = await testDb.auditEvent.findMany({ where: { action: "api.called", at: { gte: since } }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.actorId, entry.targetId, entry.details])).toEqual([
      [
        world.manager.userId,
        world.tokenId,
        expect.objectContaining({ method: "GET", path: "/api/v1/waves", query: "?kind=PILOT", status: 200 }),
      ],
      [null, null, expect.objectContaining({ path: "/api/v1/waves", status: 401 })],
      [world.manager.userId, revoked.id, expect.objectContaining({ path: "/api/v1/waves", status: 401 })],
    ]);
    // A refused token was not « used ».
    expect((await testDb.apiToken.findUniqueOrThrow({ where: { id: revoked.id } })).lastUsedAt).toBeNull();
    const token = await testDb.apiToken.findUniqueOrThrow({ where: { id: world.tokenId } });
    expect(token.lastUsedAt).not.toBeNull();
    expect(token.tokenHash).not.toContain(world.token);
  });

  it("counts every call refused before a token against its address, and past the limit stops auditing them", async () => {
    // The requests carry no address: the limiter keys them « unknown ».
    const refusedSoFar = async () => (await RATE_LIMITS.apiRefusedPerIp.get("unknown"))?.consumedPoints ?? 0;
    const before = await refusedSoFar();
    expect((await call("/dossiers/{dossierId}", { token: null, params: { dossierId: "pas-un-identifiant" } })).status).toBe(404);
    expect(await refusedSoFar()).toBe(before + 1);

    await RATE_LIMITS.apiRefusedPerIp.penalty("unknown", 60 * env.RATE_LIMIT_PER_IP_SCALE);
    const since = new Date();
    const flooding = await call("/dossiers/{dossierId}", { token: null, params: { dossierId: "pas-un-identifiant" } });
    expect(flooding.status).toBe(429);
    expect(Number(flooding.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call("/waves", { token: "hcapi_inconnu" })).status).toBe(429);
    expect(await testDb.auditEvent.count({ where: { action: "api.called", at: { gte: since } } })).toBe(0);
    // A valid token still opens the API from that address, and its calls are audited.
    expect((await call("/waves")).status).toBe(200);
    expect(await testDb.auditEvent.count({ where: { action: "api.called", at: { gte: since } } })).toBe(1);
    await RATE_LIMITS.apiRefusedPerIp.delete("unknown");
  });
});
