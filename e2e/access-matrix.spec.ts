import { readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, type BrowserContext, expect, request as playwright, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { e2eDb } from "./fixtures/database";
import { signInAs } from "./fixtures/sessions";
import { professionalFormInput } from "./fixtures/professional";
import { E2E_AUTH_SECRET, E2E_BASE_URL, E2E_STORAGE_DIR } from "./fixtures/environment";
import { DEFAULT_CRITERIA, DEFAULT_OBJECTIVES } from "@/lib/campaigns/programme-defaults";
import { withFinessKey } from "@/lib/identifiers/finess";
import { GOOD_LINE, templateCsv } from "@/lib/roster/import/fixtures.test-helpers";
import { TEMPLATE_COLUMNS } from "@/lib/roster/template/columns";
import { appRoutes } from "@/test/app-routes";
import { createDraft, createEstablishment, createOpenWave, createUser, fillDossier, insertApiToken, uniqueEmail } from "@/test/factories";
import { createTranches } from "@/lib/follow-up/create-tranches";
import type { StorageArea } from "@/lib/storage/storage-key";

/**
 * The access matrix: every page and every route handler, called directly (not through the UI) by
 * every role, on the caller's own resources and on another establishment's. Each cell is the
 * expected HTTP status; any change of behaviour fails a cell. A route added without its row fails
 * the coverage test at the bottom.
 */
type Role = "anonymous" | "member" | "stranger" | "reviewer" | "manager";
const ROLES: Role[] = ["anonymous", "member", "stranger", "reviewer", "manager"];

type World = {
  campaign: string;
  /** An open wave where the member's establishment already has its draft. */
  wave: string;
  establishment: string;
  otherEstablishment: string;
  draft: string;
  submitted: string;
  submittedFile: string;
  /** A dossier of the member's establishment « retenu » (its decision letter, its follow-up), with no declaration yet. */
  selected: string;
  /** Another dossier of the member's establishment « retenu », whose results are declared (its stored PDF). */
  declared: string;
  /** Its wave, and its advance tranche, due. */
  selectedWave: string;
  tranche: string;
  /** A professional of the member's establishment, and a previewed import of its roster. */
  professional: string;
  rosterImport: string;
  users: Record<Exclude<Role, "anonymous">, { id: string; credential: string }>;
  /** A public API token of each signed-in role's person (the others' made as if their owner had since lost the role). */
  apiTokens: Record<Exclude<Role, "anonymous">, string>;
  pdf: Buffer;
};

type Call = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  json?: unknown;
  multipart?: Record<string, unknown>;
  headers?: Record<string, string>;
};
type Row = {
  /** `METHOD /pattern` as in app/: what the coverage test matches. */
  route: string;
  call: (world: World, role: Role) => Call | Promise<Call>;
  expected: Record<Role, number>;
};

const page = (route: string, url: (world: World) => string, expected: Record<Role, number>): Row => ({
  route: `GET ${route}`,
  call: (world) => ({ method: "GET", url: url(world) }),
  expected,
});

const PUBLIC = { anonymous: 200, member: 200, stranger: 200, reviewer: 200, manager: 200 };
const SIGNED_IN = { anonymous: 307, member: 200, stranger: 200, reviewer: 200, manager: 200 };
const MANAGER_PAGE = { anonymous: 307, member: 404, stranger: 404, reviewer: 404, manager: 200 };
const MANAGER_ONLY = (managerStatus: number) => ({ anonymous: 401, member: 403, stranger: 403, reviewer: 403, manager: managerStatus });

/** A call of the public API (/api/v1) with the role's token instead of its session: anonymous has none. */
const apiRow = (route: string, url: (world: World) => string): Row => ({
  route: `GET ${route}`,
  call: (world, role) => ({
    method: "GET",
    url: url(world),
    headers: role === "anonymous" ? undefined : { Authorization: `Bearer ${world.apiTokens[role]}` },
  }),
  expected: MANAGER_ONLY(200),
});

const ESTABLISHMENT_PAGE = { anonymous: 307, member: 200, stranger: 404, reviewer: 404, manager: 200 };
const ESTABLISHMENT_EDIT_PAGE = { anonymous: 307, member: 200, stranger: 404, reviewer: 404, manager: 404 };
const MEMBER_WRITE = (memberStatus: number) => ({ anonymous: 401, member: memberStatus, stranger: 404, reviewer: 404, manager: 403 });
/** A template file whose line 3 is rejected (RPPS too short), and that line corrected. */
const MATRIX_LINE = { Nom: "MATRICE", RPPS: "", "Statut RPPS": "", MIE: "" };
const ROSTER_CSV = templateCsv([MATRIX_LINE, { ...MATRIX_LINE, Nom: "REJET", RPPS: "1234" }]);
const CORRECTED_LINE = TEMPLATE_COLUMNS.map((column) => ({ ...GOOD_LINE, ...MATRIX_LINE, Nom: "REJET" })[column.header]);

const GRID = { objectives: DEFAULT_OBJECTIVES, criteria: DEFAULT_CRITERIA };
const WAVE_SETTINGS = {
  kind: "PILOT",
  title: "Vague de la matrice",
  opensAt: "2031-01-06T09:00",
  closesAt: "2031-03-31T23:59",
  fundingEnvelope: "1 000 000",
  eligibleCategoryCodes: ["500"],
};

const ROWS: Row[] = [
  // Pages
  page("/", () => "/", PUBLIC),
  page("/connexion", () => "/connexion", { anonymous: 200, member: 307, stranger: 307, reviewer: 307, manager: 307 }),
  page("/connexion/demo/[token]", () => "/connexion/demo/lien-inconnu", PUBLIC),
  page("/invitation/[token]", () => "/invitation/lien-inconnu", PUBLIC),
  page("/recuperation/[token]", () => "/recuperation/lien-inconnu", PUBLIC),
  page("/compte", () => "/compte", SIGNED_IN),
  page("/etablissements", () => "/etablissements", { anonymous: 307, member: 307, stranger: 307, reviewer: 200, manager: 200 }),
  page("/etablissements/[establishmentId]", (w) => `/etablissements/${w.establishment}`, {
    anonymous: 307,
    member: 200,
    stranger: 404,
    reviewer: 404,
    manager: 200,
  }),
  page("/etablissements/[establishmentId]/membres", (w) => `/etablissements/${w.establishment}/membres`, {
    anonymous: 307,
    member: 200,
    stranger: 404,
    reviewer: 404,
    manager: 200,
  }),
  page("/etablissements/[establishmentId]/profil", (w) => `/etablissements/${w.establishment}/profil`, {
    anonymous: 307,
    member: 200,
    stranger: 404,
    reviewer: 404,
    manager: 404,
  }),
  page("/dossiers/[applicationId]", (w) => `/dossiers/${w.draft}`, {
    anonymous: 307,
    member: 200,
    stranger: 404,
    reviewer: 404,
    manager: 200,
  }),
  page("/dossiers/[applicationId]/suivi", (w) => `/dossiers/${w.selected}/suivi`, {
    anonymous: 307,
    member: 200,
    stranger: 404,
    reviewer: 404,
    manager: 200,
  }),
  page("/dossiers/[applicationId]/[section]", (w) => `/dossiers/${w.submitted}/budget`, {
    anonymous: 307,
    member: 200,
    stranger: 404,
    reviewer: 200,
    manager: 200,
  }),
  page("/instruction", () => "/instruction", { anonymous: 307, member: 404, stranger: 404, reviewer: 200, manager: 404 }),
  // Declarations of results to verify: ANS reviewers and managers validate nationally; establishments have no queue.
  page("/instruction/suivi", () => "/instruction/suivi", { anonymous: 307, member: 404, stranger: 404, reviewer: 200, manager: 200 }),
  // A selected dossier's verification: its establishment and its verifiers (the ANS nationally; an ARS reviewer of its region).
  page("/instruction/suivi/[applicationId]", (w) => `/instruction/suivi/${w.selected}`, {
    anonymous: 307,
    member: 200,
    stranger: 404,
    reviewer: 200,
    manager: 200,
  }),
  page("/pilotage", () => "/pilotage", MANAGER_PAGE),
  page("/pilotage/dossiers", () => "/pilotage/dossiers", MANAGER_PAGE),
  page("/pilotage/etablissements", () => "/pilotage/etablissements", MANAGER_PAGE),
  page("/pilotage/etablissements/nouveau", () => "/pilotage/etablissements/nouveau", MANAGER_PAGE),
  page("/pilotage/suivi", () => "/pilotage/suivi", MANAGER_PAGE),
  page("/pilotage/invitations", () => "/pilotage/invitations", MANAGER_PAGE),
  page("/pilotage/journal", () => "/pilotage/journal", MANAGER_PAGE),
  page("/pilotage/utilisateurs", () => "/pilotage/utilisateurs", MANAGER_PAGE),

  // Route handlers
  { route: "GET /api/health", call: () => ({ method: "GET", url: "/api/health" }), expected: PUBLIC },
  // An address no route answers: the API's JSON 404, whatever the method and whoever asks.
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method): Row => ({
    route: `${method} /api/[...path]`,
    call: () => ({ method, url: "/api/adresse-inconnue" }),
    expected: { anonymous: 404, member: 404, stranger: 404, reviewer: 404, manager: 404 },
  })),
  {
    route: "GET /api/pilotage/tableaux/[table]",
    call: (w) => ({ method: "GET", url: `/api/pilotage/tableaux/entonnoir?vague=${w.wave}&format=xlsx` }),
    expected: MANAGER_ONLY(200),
  },
  { route: "GET /api/health/ready", call: () => ({ method: "GET", url: "/api/health/ready" }), expected: PUBLIC },
  {
    route: "POST /api/webauthn/authentication/options",
    call: () => ({ method: "POST", url: "/api/webauthn/authentication/options" }),
    expected: PUBLIC,
  },
  {
    route: "POST /api/webauthn/registration/options",
    call: () => ({ method: "POST", url: "/api/webauthn/registration/options", json: {} }),
    expected: { anonymous: 401, member: 200, stranger: 200, reviewer: 200, manager: 200 },
  },
  {
    route: "POST /api/webauthn/registration",
    call: () => ({
      method: "POST",
      url: "/api/webauthn/registration",
      json: { challengeId: crypto.randomUUID(), response: { id: "x", type: "public-key" }, keyName: "Clé" },
    }),
    // Signed in, the request reaches the ceremony, which has no such challenge.
    expected: { anonymous: 401, member: 409, stranger: 409, reviewer: 409, manager: 409 },
  },
  {
    route: "PATCH /api/account/credentials/[credentialId]",
    call: (w, role) => ({
      method: "PATCH",
      url: `/api/account/credentials/${w.users[role === "manager" ? "member" : "manager"].credential}`,
      json: { name: "Renommée" },
    }),
    // Always someone else's key: reported missing.
    expected: { anonymous: 401, member: 404, stranger: 404, reviewer: 404, manager: 404 },
  },
  {
    route: "DELETE /api/account/credentials/[credentialId]",
    call: (w, role) => ({
      method: "DELETE",
      url: `/api/account/credentials/${role === "anonymous" ? w.users.member.credential : w.users[role].credential}`,
    }),
    // One's own last key cannot be removed.
    expected: { anonymous: 401, member: 409, stranger: 409, reviewer: 409, manager: 409 },
  },
  {
    route: "PATCH /api/account",
    call: () => ({ method: "PATCH", url: "/api/account", json: { displayName: "Personne de la matrice" } }),
    expected: { anonymous: 401, member: 200, stranger: 200, reviewer: 200, manager: 200 },
  },
  {
    route: "DELETE /api/account/sessions",
    call: () => ({ method: "DELETE", url: "/api/account/sessions" }),
    expected: { anonymous: 401, member: 200, stranger: 200, reviewer: 200, manager: 200 },
  },
  {
    route: "DELETE /api/account/sessions/[sessionId]",
    call: async (w, role) => {
      const owner = w.users[role === "manager" ? "member" : "manager"].id;
      const session = await e2eDb.session.create({
        data: { userId: owner, method: "PASSKEY", expiresAt: new Date(Date.now() + 3_600_000) },
        select: { id: true },
      });
      return { method: "DELETE", url: `/api/account/sessions/${session.id}` };
    },
    // Always someone else's session, open: reported missing, and left open.
    expected: { anonymous: 401, member: 404, stranger: 404, reviewer: 404, manager: 404 },
  },
  {
    route: "POST /api/invitations",
    call: (w) => ({
      method: "POST",
      url: "/api/invitations",
      json: { purpose: "MEMBER", email: uniqueEmail("invite"), establishmentId: w.establishment },
    }),
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 404, manager: 200 },
  },
  {
    route: "DELETE /api/invitations/[invitationId]",
    // Each call cancels a pending invitation of its own to the member's establishment.
    call: async (w) => {
      const invitation = await e2eDb.invitation.create({
        data: {
          tokenHash: crypto.randomUUID(),
          email: uniqueEmail("annulee"),
          purpose: "MEMBER",
          establishmentId: w.establishment,
          membershipRole: "EDITOR",
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return { method: "DELETE", url: `/api/invitations/${invitation.id}` };
    },
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 404, manager: 200 },
  },
  {
    route: "DELETE /api/establishments/[establishmentId]/members/[userId]",
    // Each call removes a co-editor of its own from the member's establishment (the member is its director).
    call: async (w) => {
      const editor = await createUser(e2eDb, { establishmentId: w.establishment, membershipRole: "EDITOR" });
      return { method: "DELETE", url: `/api/establishments/${w.establishment}/members/${editor.id}` };
    },
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 404, manager: 200 },
  },
  {
    route: "DELETE /api/establishments/[establishmentId]/membership",
    // The member leaves, each call, an establishment of its own where they are a co-editor (their own, which they direct
    // alone, they may not leave); the others try the member's establishment, whose team they are not on.
    call: async (w, role) => {
      if (role !== "member") return { method: "DELETE", url: `/api/establishments/${w.establishment}/membership` };
      const joined = await createEstablishment(e2eDb);
      await createUser(e2eDb, { establishmentId: joined.id });
      await e2eDb.membership.create({ data: { userId: w.users.member.id, establishmentId: joined.id, role: "EDITOR" } });
      return { method: "DELETE", url: `/api/establishments/${joined.id}/membership` };
    },
    expected: MEMBER_WRITE(200),
  },
  {
    route: "PATCH /api/establishments/[establishmentId]/members/[userId]",
    // Each call gives the direction to a co-editor of its own of the member's establishment (the member is its director).
    call: async (w) => {
      const editor = await createUser(e2eDb, { establishmentId: w.establishment, membershipRole: "EDITOR" });
      return { method: "PATCH", url: `/api/establishments/${w.establishment}/members/${editor.id}`, json: { role: "DIRECTOR" } };
    },
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 404, manager: 200 },
  },
  {
    route: "POST /api/users/[userId]/access-recovery",
    // Each call sends a link to a co-editor of its own of the member's establishment (the member is its director).
    call: async (w) => {
      const editor = await createUser(e2eDb, { establishmentId: w.establishment, membershipRole: "EDITOR" });
      return { method: "POST", url: `/api/users/${editor.id}/access-recovery` };
    },
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 404, manager: 200 },
  },
  {
    route: "POST /api/invitations/psc",
    call: () => ({ method: "POST", url: "/api/invitations/psc", json: { invitationToken: "jeton-inconnu-de-plus-de-vingt-caracteres" } }),
    expected: { anonymous: 404, member: 404, stranger: 404, reviewer: 404, manager: 404 },
  },
  {
    route: "PATCH /api/users/[userId]",
    call: async () => {
      const target = await createUser(e2eDb, { staffRole: "REVIEWER" });
      return { method: "PATCH", url: `/api/users/${target.id}`, json: { staffRole: "REVIEWER" } };
    },
    expected: { anonymous: 401, member: 403, stranger: 403, reviewer: 403, manager: 200 },
  },
  {
    route: "GET /api/dossiers/export",
    // The matrix's own wave: under the background threshold, so downloaded at once.
    call: (w) => ({ method: "GET", url: `/api/dossiers/export?wave=${w.wave}` }),
    expected: { anonymous: 401, member: 403, stranger: 403, reviewer: 403, manager: 200 },
  },
  {
    route: "GET /api/pilotage/suivi/export",
    call: (w) => ({ method: "GET", url: `/api/pilotage/suivi/export?wave=${w.wave}&format=xlsx` }),
    expected: { anonymous: 401, member: 403, stranger: 403, reviewer: 403, manager: 200 },
  },
  // Background exports (ADR 0019): the requester's own
  page("/pilotage/exports", () => "/pilotage/exports", MANAGER_PAGE),
  {
    route: "GET /api/exports",
    call: () => ({ method: "GET", url: "/api/exports" }),
    expected: MANAGER_ONLY(200),
  },
  {
    route: "POST /api/exports",
    call: (w) => ({ method: "POST", url: "/api/exports", json: { wave: w.wave, format: "csv" } }),
    expected: MANAGER_ONLY(200),
  },
  {
    route: "GET /api/exports/[exportId]/file",
    // A ready export of the matrix's manager (e2e/background-exports.spec.ts: another manager's is a 404).
    call: async (w) => {
      const row = await e2eDb.exportJob.create({
        data: {
          requestedById: w.users.manager.id,
          filters: {},
          format: "CSV",
          status: "READY",
          rowsDone: 1,
          rowsTotal: 1,
          fileName: "dossiers-matrice.csv",
          storageKey: await storeForTest(Buffer.from("Établissement;FINESS\r\n"), "exports"),
          expiresAt: new Date(Date.now() + 3_600_000),
        },
      });
      return { method: "GET", url: `/api/exports/${row.id}/file` };
    },
    expected: { anonymous: 401, member: 403, stranger: 403, reviewer: 403, manager: 200 },
  },
  {
    route: "PUT /api/establishments/[establishmentId]",
    call: async (w) => {
      const current = await e2eDb.establishment.findUniqueOrThrow({ where: { id: w.establishment } });
      const profile = {
        name: current.name,
        finessEt: current.finessEt,
        finessEj: current.finessEj,
        siret: "",
        categoryCode: current.categoryCode,
        departmentCode: current.departmentCode,
        city: current.city,
        headcount: current.headcount,
        ght: "",
        usesAirSimplifie: false,
        idpFederatedWithPsc: false,
        entitlementProcedureInForce: false,
        entitlementProcedureAdoptedOn: "",
        contacts: [],
      };
      return { method: "PUT", url: `/api/establishments/${w.establishment}`, json: { expectedVersion: current.version, profile } };
    },
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 404, manager: 403 },
  },
  {
    route: "PUT /api/applications/[applicationId]/sections/[section]",
    call: (w) => ({
      method: "PUT",
      url: `/api/applications/${w.draft}/sections/project`,
      json: { expectedVersion: 0, data: { projectTitle: "Titre", projectSummary: "" } },
    }),
    // The member's save passes; the second member's save on the same version would conflict.
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 404, manager: 403 },
  },
  {
    route: "POST /api/applications/[applicationId]/attachments",
    call: (w) => ({
      method: "POST",
      url: `/api/applications/${w.draft}/attachments`,
      multipart: { file: { name: "preuve.pdf", mimeType: "application/pdf", buffer: w.pdf } },
    }),
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 404, manager: 403 },
  },
  {
    route: "GET /api/attachments/[attachmentId]",
    call: (w) => ({ method: "GET", url: `/api/attachments/${w.submittedFile}` }),
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 200, manager: 200 },
  },
  {
    route: "DELETE /api/attachments/[attachmentId]",
    call: (w) => ({ method: "DELETE", url: `/api/attachments/${w.submittedFile}` }),
    // The file of a submitted dossier stays, whoever asks.
    expected: { anonymous: 401, member: 409, stranger: 404, reviewer: 403, manager: 403 },
  },
  {
    route: "POST /api/applications/[applicationId]/submission",
    call: (w) => ({ method: "POST", url: `/api/applications/${w.draft}/submission`, json: { idempotencyKey: crypto.randomUUID() } }),
    // The member reaches the completeness check (the draft is incomplete).
    expected: { anonymous: 401, member: 422, stranger: 404, reviewer: 404, manager: 403 },
  },
  {
    route: "POST /api/applications/[applicationId]/transitions",
    call: (w) => ({
      method: "POST",
      url: `/api/applications/${w.submitted}/transitions`,
      json: { action: "requestInformation", expectedVersion: 99, comment: "Précisez", responseDueAt: "2030-01-01T10:00" },
    }),
    // The manager passes the policy and the state machine, then meets the stale version.
    expected: { anonymous: 401, member: 403, stranger: 404, reviewer: 403, manager: 409 },
  },
  {
    route: "GET /api/applications/[applicationId]/receipt",
    call: (w) => ({ method: "GET", url: `/api/applications/${w.submitted}/receipt` }),
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 200, manager: 200 },
  },
  page("/pilotage/campagnes", () => "/pilotage/campagnes", MANAGER_PAGE),
  page("/pilotage/campagnes/[campaignId]/nouvelle-vague", (w) => `/pilotage/campagnes/${w.campaign}/nouvelle-vague`, MANAGER_PAGE),
  page("/pilotage/vagues/[waveId]", (w) => `/pilotage/vagues/${w.wave}`, MANAGER_PAGE),
  page("/pilotage/courriels", () => "/pilotage/courriels", MANAGER_PAGE),
  // The e2e server runs in demo mode: everyone signed in reads their own e-mails.
  page("/compte/courriels", () => "/compte/courriels", SIGNED_IN),
  page("/vagues/[waveId]/eligibilite", (w) => `/vagues/${w.wave}/eligibilite?etablissement=${w.establishment}`, {
    anonymous: 307,
    member: 200,
    stranger: 404,
    reviewer: 404,
    manager: 200,
  }),
  {
    route: "POST /api/establishments",
    call: () => ({
      method: "POST",
      url: "/api/establishments",
      json: {
        name: "Établissement de la matrice",
        // A FINESS of its own at each call (Corse-du-Sud, 2A + 7 digits): only the manager's registers.
        finessEt: withFinessKey(`2A${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`),
        finessEj: withFinessKey("2A000000"),
        siret: "",
        categoryCode: "500",
        departmentCode: "2A",
        city: "Ajaccio",
        headcount: "12",
        directorEmail: uniqueEmail("matrice-direction"),
      },
    }),
    expected: MANAGER_ONLY(200),
  },
  {
    route: "POST /api/campaigns",
    call: () => ({
      method: "POST",
      url: "/api/campaigns",
      json: { title: "Campagne de la matrice", slug: `matrice-${crypto.randomUUID().slice(0, 8)}`, description: "" },
    }),
    expected: MANAGER_ONLY(200),
  },
  {
    route: "PATCH /api/campaigns/[campaignId]",
    call: (w) => ({ method: "PATCH", url: `/api/campaigns/${w.campaign}`, json: { title: "Campagne de la matrice", description: "" } }),
    expected: MANAGER_ONLY(200),
  },
  {
    route: "POST /api/campaigns/[campaignId]/waves",
    call: (w) => ({ method: "POST", url: `/api/campaigns/${w.campaign}/waves`, json: { ...WAVE_SETTINGS, year: 2031, ...GRID } }),
    expected: MANAGER_ONLY(200),
  },
  {
    route: "PATCH /api/waves/[waveId]",
    call: (w) => ({
      method: "PATCH",
      url: `/api/waves/${w.wave}`,
      json: { ...WAVE_SETTINGS, year: 2030, opensAt: "2030-01-07T09:00", closesAt: "2030-03-29T23:59", expectedVersion: 99 },
    }),
    // The manager passes the policy and the rules, then meets the stale version.
    expected: MANAGER_ONLY(409),
  },
  {
    route: "PUT /api/waves/[waveId]/grid",
    call: (w) => ({ method: "PUT", url: `/api/waves/${w.wave}/grid`, json: { ...GRID, expectedVersion: 99 } }),
    expected: MANAGER_ONLY(409),
  },
  {
    route: "POST /api/waves/[waveId]/extensions",
    call: (w) => ({
      method: "POST",
      url: `/api/waves/${w.wave}/extensions`,
      json: { finessEt: withFinessKey("97699999"), newClosesAt: "2031-12-31T12:00", reason: "Incident." },
    }),
    // A well-formed FINESS that no establishment has.
    expected: MANAGER_ONLY(422),
  },
  {
    route: "DELETE /api/waves/[waveId]/extensions/[extensionId]",
    call: (w) => ({ method: "DELETE", url: `/api/waves/${w.wave}/extensions/${crypto.randomUUID()}` }),
    // No extension has this id: the manager passes the policy and finds nothing to withdraw.
    expected: MANAGER_ONLY(404),
  },
  {
    route: "POST /api/applications",
    call: (w) => ({ method: "POST", url: "/api/applications", json: { waveId: w.wave, establishmentId: w.establishment } }),
    // The member's establishment already has its dossier for this wave: the same one comes back.
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 404, manager: 403 },
  },
  // The roster
  page("/etablissements/[establishmentId]/professionnels", (w) => `/etablissements/${w.establishment}/professionnels`, ESTABLISHMENT_PAGE),
  page(
    "/etablissements/[establishmentId]/professionnels/nouveau",
    (w) => `/etablissements/${w.establishment}/professionnels/nouveau`,
    ESTABLISHMENT_EDIT_PAGE,
  ),
  page(
    "/etablissements/[establishmentId]/professionnels/[professionalId]",
    (w) => `/etablissements/${w.establishment}/professionnels/${w.professional}`,
    ESTABLISHMENT_PAGE,
  ),
  page(
    "/etablissements/[establishmentId]/professionnels/import",
    (w) => `/etablissements/${w.establishment}/professionnels/import`,
    ESTABLISHMENT_EDIT_PAGE,
  ),
  page(
    "/etablissements/[establishmentId]/professionnels/import/[importId]",
    (w) => `/etablissements/${w.establishment}/professionnels/import/${w.rosterImport}`,
    ESTABLISHMENT_PAGE,
  ),
  {
    route: "POST /api/establishments/[establishmentId]/roster/professionals",
    call: (w) => ({
      method: "POST",
      url: `/api/establishments/${w.establishment}/roster/professionals`,
      json: professionalFormInput(`MATRICE-${crypto.randomUUID().slice(0, 6)}`),
    }),
    expected: MEMBER_WRITE(200),
  },
  {
    route: "PUT /api/establishments/[establishmentId]/roster/professionals/[professionalId]",
    call: (w) => ({
      method: "PUT",
      url: `/api/establishments/${w.establishment}/roster/professionals/${w.professional}`,
      json: { expectedVersion: 99, professional: professionalFormInput(`MATRICE-${crypto.randomUUID().slice(0, 6)}`) },
    }),
    // The member passes the policy and meets the stale version.
    expected: MEMBER_WRITE(409),
  },
  {
    route: "DELETE /api/establishments/[establishmentId]/roster/professionals/[professionalId]",
    call: (w) => ({
      method: "DELETE",
      url: `/api/establishments/${w.establishment}/roster/professionals/${w.professional}`,
      json: { expectedVersion: 99 },
    }),
    // The member passes the policy and meets the stale version: the record stays for the rows below.
    expected: MEMBER_WRITE(409),
  },
  {
    route: "POST /api/establishments/[establishmentId]/roster/bulk",
    call: (w) => ({
      method: "POST",
      url: `/api/establishments/${w.establishment}/roster/bulk`,
      json: { action: "END_ACTIVITY", ids: [w.professional], activityEnd: "2099-12-31" },
    }),
    expected: MEMBER_WRITE(200),
  },
  {
    route: "POST /api/establishments/[establishmentId]/roster/imports",
    call: (w) => ({
      method: "POST",
      url: `/api/establishments/${w.establishment}/roster/imports`,
      multipart: { file: { name: "registre.csv", mimeType: "text/csv", buffer: Buffer.from(ROSTER_CSV) } },
    }),
    expected: MEMBER_WRITE(200),
  },
  {
    route: "POST /api/establishments/[establishmentId]/roster/imports/[importId]/corrections",
    call: (w) => ({
      method: "POST",
      url: `/api/establishments/${w.establishment}/roster/imports/${w.rosterImport}/corrections`,
      json: { line: 3, cells: CORRECTED_LINE },
    }),
    expected: MEMBER_WRITE(200),
  },
  {
    route: "POST /api/establishments/[establishmentId]/roster/imports/[importId]/commit",
    call: (w) => ({ method: "POST", url: `/api/establishments/${w.establishment}/roster/imports/${w.rosterImport}/commit` }),
    expected: MEMBER_WRITE(200),
  },
  {
    route: "DELETE /api/establishments/[establishmentId]/roster/imports/[importId]",
    call: (w) => ({ method: "DELETE", url: `/api/establishments/${w.establishment}/roster/imports/${w.rosterImport}` }),
    // After the row above: the member passes the policy and finds the import recorded, no longer abandonable.
    expected: MEMBER_WRITE(409),
  },
  {
    route: "GET /api/establishments/[establishmentId]/roster/export",
    call: (w) => ({ method: "GET", url: `/api/establishments/${w.establishment}/roster/export?format=xlsx` }),
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 404, manager: 200 },
  },
  {
    route: "GET /api/establishments/[establishmentId]/indicators",
    call: (w) => ({ method: "GET", url: `/api/establishments/${w.establishment}/indicators?format=csv` }),
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 404, manager: 200 },
  },
  {
    route: "PUT /api/establishments/[establishmentId]/roster/homologations",
    call: (w) => ({
      method: "PUT",
      url: `/api/establishments/${w.establishment}/roster/homologations`,
      json: { type: "PLATFORM_AUTH", decidedAt: "2026-01-15", reference: "" },
    }),
    expected: MEMBER_WRITE(200),
  },
  {
    route: "DELETE /api/establishments/[establishmentId]/roster/homologations",
    call: (w) => ({
      method: "DELETE",
      url: `/api/establishments/${w.establishment}/roster/homologations`,
      json: { type: "PLATFORM_AUTH" },
    }),
    // The row above recorded it: the member withdraws it.
    expected: MEMBER_WRITE(200),
  },
  {
    route: "GET /api/roster/template",
    call: () => ({ method: "GET", url: "/api/roster/template?format=csv" }),
    expected: { anonymous: 401, member: 200, stranger: 200, reviewer: 200, manager: 200 },
  },
  {
    route: "POST /api/applications/[applicationId]/messages",
    call: (w) => ({ method: "POST", url: `/api/applications/${w.submitted}/messages`, multipart: { body: "Bonjour" } }),
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 200, manager: 200 },
  },
  // Background jobs
  page("/pilotage/taches", () => "/pilotage/taches", MANAGER_PAGE),
  {
    route: "POST /api/jobs/runs",
    // A daily job: no run of it is waiting, so the manager's request queues one.
    call: () => ({ method: "POST", url: "/api/jobs/runs", json: { name: "expire-stale-imports" } }),
    expected: MANAGER_ONLY(200),
  },
  // Review: the reviewer's workspace and its routes (the `reviewer` holds the submitted dossier's assignment, declared without conflict)
  {
    route: "GET /instruction/[assignmentId]",
    call: async (w) => ({ method: "GET", url: `/instruction/${await matrixAssignment(w)}` }),
    expected: { anonymous: 307, member: 404, stranger: 404, reviewer: 200, manager: 404 },
  },
  {
    route: "POST /api/assignments/[assignmentId]/declaration",
    call: async (w) => ({ method: "POST", url: `/api/assignments/${await matrixAssignment(w)}/declaration`, json: { hasConflict: false } }),
    expected: { anonymous: 401, member: 404, stranger: 404, reviewer: 200, manager: 404 },
  },
  {
    route: "PUT /api/assignments/[assignmentId]/review",
    call: async (w) => ({
      method: "PUT",
      url: `/api/assignments/${await matrixAssignment(w, true)}/review`,
      json: { expectedVersion: 99, data: { overallComment: "", scores: {} } },
    }),
    // The reviewer passes the policy and meets the stale version.
    expected: { anonymous: 401, member: 404, stranger: 404, reviewer: 409, manager: 404 },
  },
  {
    route: "POST /api/assignments/[assignmentId]/review/submission",
    call: async (w) => {
      const assignmentId = await matrixAssignment(w, true);
      const { version } = await e2eDb.review.findUniqueOrThrow({ where: { assignmentId } });
      return { method: "POST", url: `/api/assignments/${assignmentId}/review/submission`, json: { expectedVersion: version } };
    },
    // The reviewer names the version stored and reaches the completeness check (nothing scored yet).
    expected: { anonymous: 401, member: 404, stranger: 404, reviewer: 422, manager: 404 },
  },
  {
    route: "POST /api/assignments/[assignmentId]/review/reopening",
    call: async (w) => ({
      method: "POST",
      url: `/api/assignments/${await matrixAssignment(w, true)}/review/reopening`,
      json: { reason: "Critère C2 à revoir." },
    }),
    // The review is a draft: the manager passes the policy and meets the state.
    expected: MANAGER_ONLY(409),
  },
  {
    route: "PATCH /api/assignments/[assignmentId]",
    call: async (w) => ({
      method: "PATCH",
      url: `/api/assignments/${await matrixAssignment(w)}`,
      json: { dueAt: "", reason: "Retour à l'échéance du niveau." },
    }),
    expected: MANAGER_ONLY(200),
  },
  {
    route: "DELETE /api/assignments/[assignmentId]",
    // Each call removes an assignment of its own, so the matrix's reviewer keeps theirs.
    call: async (w) => {
      const reviewer = await createUser(e2eDb, { staffRole: "REVIEWER" });
      const assignment = await e2eDb.reviewerAssignment.create({
        data: { applicationId: w.submitted, reviewerId: reviewer.id, tier: "NATIONAL" },
      });
      return { method: "DELETE", url: `/api/assignments/${assignment.id}`, json: { reason: "Instructeur indisponible." } };
    },
    expected: MANAGER_ONLY(200),
  },
  page("/pilotage/vagues/[waveId]/attribution", (w) => `/pilotage/vagues/${w.wave}/attribution`, MANAGER_PAGE),
  page("/pilotage/utilisateurs/[userId]", (w) => `/pilotage/utilisateurs/${w.users.reviewer.id}`, MANAGER_PAGE),
  {
    route: "POST /api/waves/[waveId]/assignments",
    call: async (w) => ({
      method: "POST",
      url: `/api/waves/${await waveOf(w.submitted)}/assignments`,
      json: { tier: "NATIONAL", applicationId: w.submitted, reviewerId: w.users.reviewer.id },
    }),
    // Already the reviewer's: refused on the field.
    expected: MANAGER_ONLY(422),
  },
  {
    route: "POST /api/waves/[waveId]/assignments/preview",
    call: (w) => ({ method: "POST", url: `/api/waves/${w.wave}/assignments/preview`, json: { tier: "NATIONAL", defaultCap: 5 } }),
    expected: MANAGER_ONLY(200),
  },
  {
    route: "POST /api/waves/[waveId]/assignments/automatic",
    call: (w) => ({
      method: "POST",
      url: `/api/waves/${w.wave}/assignments/automatic`,
      json: { tier: "NATIONAL", defaultCap: 5, fingerprint: "0".repeat(64) },
    }),
    // Not the plan a preview would make: refused, nothing written.
    expected: MANAGER_ONLY(409),
  },
  {
    route: "PUT /api/waves/[waveId]/review-settings",
    call: (w) => ({
      method: "PUT",
      url: `/api/waves/${w.wave}/review-settings`,
      json: {
        reviewTiers: "NATIONAL_ONLY",
        regionalReviewDueAt: "",
        nationalReviewDueAt: "",
        reviewersPerDossier: 2,
        reviewersAnonymous: false,
        expectedVersion: 99,
      },
    }),
    expected: MANAGER_ONLY(409),
  },
  page("/pilotage/vagues/[waveId]/decisions", (w) => `/pilotage/vagues/${w.wave}/decisions`, MANAGER_PAGE),
  page("/pilotage/vagues/[waveId]/decisions/[applicationId]", (w) => `/pilotage/vagues/${w.wave}/decisions/${w.draft}`, MANAGER_PAGE),
  {
    route: "POST /api/applications/[applicationId]/decision",
    call: (w) => ({
      method: "POST",
      url: `/api/applications/${w.submitted}/decision`,
      // No staged proposal seen: the route requires saying so (ADR 0013).
      json: { outcome: "REJECTED", reasons: "Hors périmètre.", replacing: null },
    }),
    // The manager passes the policy, then meets the state: only a scored dossier gets a proposal.
    expected: MANAGER_ONLY(409),
  },
  {
    route: "DELETE /api/applications/[applicationId]/decision",
    call: (w) => ({
      method: "DELETE",
      url: `/api/applications/${w.submitted}/decision`,
      json: { replacing: "00000000-0000-7000-8000-000000000000" },
    }),
    // The manager passes the policy, then finds no staged proposal to withdraw.
    expected: MANAGER_ONLY(409),
  },
  {
    route: "POST /api/waves/[waveId]/decisions/release",
    call: (w) => ({ method: "POST", url: `/api/waves/${w.wave}/decisions/release` }),
    // Nothing staged in the matrix's wave: released nothing, as a retry would.
    expected: MANAGER_ONLY(200),
  },
  {
    route: "GET /api/waves/[waveId]/decisions/export",
    call: (w) => ({ method: "GET", url: `/api/waves/${w.wave}/decisions/export?format=xlsx` }),
    expected: MANAGER_ONLY(200),
  },
  {
    route: "PUT /api/waves/[waveId]/decision-settings",
    call: (w) => ({
      method: "PUT",
      url: `/api/waves/${w.wave}/decision-settings`,
      json: { spreadThreshold: "15", rankingMode: "NATIONAL_ONLY", regionalRankingWeight: "0", expectedVersion: 99 },
    }),
    expected: MANAGER_ONLY(409),
  },
  {
    route: "PUT /api/waves/[waveId]/letter-signatory",
    call: (w) => ({
      method: "PUT",
      url: `/api/waves/${w.wave}/letter-signatory`,
      json: { name: "Anne Moreau", title: "Directrice générale", expectedVersion: 99 },
    }),
    expected: MANAGER_ONLY(409),
  },
  {
    route: "PUT /api/waves/[waveId]/follow-up-settings",
    call: (w) => ({
      method: "PUT",
      url: `/api/waves/${w.wave}/follow-up-settings`,
      json: { advanceSharePercent: "30", targets: [], expectedVersion: 99 },
    }),
    expected: MANAGER_ONLY(409),
  },
  page("/pilotage/vagues/[waveId]/versements", (w) => `/pilotage/vagues/${w.selectedWave}/versements`, MANAGER_PAGE),
  page(
    "/pilotage/vagues/[waveId]/versements/[trancheId]",
    (w) => `/pilotage/vagues/${w.selectedWave}/versements/${w.tranche}`,
    MANAGER_PAGE,
  ),
  {
    route: "POST /api/tranches/[trancheId]",
    // The advance is due, not ordered: the manager passes the policy, then meets the state (e2e/payments.spec.ts records both steps).
    call: (w) => ({
      method: "POST",
      url: `/api/tranches/${w.tranche}`,
      json: { step: "pay", paidOn: "2026-01-05", paymentReference: "MDT-1" },
    }),
    expected: MANAGER_ONLY(409),
  },
  {
    route: "GET /api/waves/[waveId]/tranches/export",
    call: (w) => ({ method: "GET", url: `/api/waves/${w.selectedWave}/tranches/export?format=csv` }),
    expected: MANAGER_ONLY(200),
  },
  {
    route: "PUT /api/applications/[applicationId]/milestones",
    // Its director records (nothing to change here); the programme reads, never records.
    call: (w) => ({ method: "PUT", url: `/api/applications/${w.selected}/milestones`, json: { milestones: [] } }),
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 404, manager: 403 },
  },
  {
    route: "POST /api/applications/[applicationId]/result-declaration",
    // On the dossier under review: only its director may declare, and not before it is « retenu » (e2e/follow-up.spec.ts declares).
    call: (w) => ({
      method: "POST",
      url: `/api/applications/${w.submitted}/result-declaration`,
      multipart: { declaration: JSON.stringify({ objectives: [{ objectiveCode: "O1", achieved: "yes", comment: "Fait." }] }) },
    }),
    expected: { anonymous: 401, member: 409, stranger: 404, reviewer: 403, manager: 403 },
  },
  {
    route: "POST /api/applications/[applicationId]/verification",
    // Nothing declared yet: nothing to decide, for whoever may see the verification (lib/follow-up/verification.int.test.ts holds the tiers' rights;
    // e2e/follow-up-verification.spec.ts an ARS reviewer of another region's 404).
    call: (w) => ({
      method: "POST",
      url: `/api/applications/${w.selected}/verification`,
      json: { step: "decide", version: 1, objectives: [{ objectiveCode: "O1", decision: "approve", reason: "" }] },
    }),
    expected: { anonymous: 401, member: 409, stranger: 404, reviewer: 409, manager: 409 },
  },
  {
    route: "POST /api/applications/[applicationId]/verification/answer",
    // Only the director answers, and only a request for information (none here).
    call: (w) => ({
      method: "POST",
      url: `/api/applications/${w.selected}/verification/answer`,
      multipart: { version: "1", message: "Voici notre réponse." },
    }),
    expected: { anonymous: 401, member: 409, stranger: 404, reviewer: 404, manager: 403 },
  },
  {
    route: "GET /api/applications/[applicationId]/result-declaration",
    // The declared dossier's PDF: its establishment and its verifiers (the ANS nationally, managers) read it; another establishment does not see it.
    call: (w) => ({ method: "GET", url: `/api/applications/${w.declared}/result-declaration` }),
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 200, manager: 200 },
  },
  {
    route: "GET /api/applications/[applicationId]/decision-letter",
    // The selected dossier's released decision has its letter: its establishment and the programme read it, nobody else sees the dossier.
    call: (w) => ({ method: "GET", url: `/api/applications/${w.selected}/decision-letter` }),
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 404, manager: 200 },
  },
  {
    route: "PUT /api/users/[userId]/reviewer-profile",
    call: async () => {
      const target = await createUser(e2eDb, { staffRole: "REVIEWER" });
      return {
        method: "PUT",
        url: `/api/users/${target.id}/reviewer-profile`,
        json: { staffRole: "REGIONAL_REVIEWER", regionCodes: ["75"], affiliations: [] },
      };
    },
    expected: MANAGER_ONLY(200),
  },
  {
    route: "POST /api/invitations/acceptance",
    call: () => ({
      method: "POST",
      url: "/api/invitations/acceptance",
      json: { invitationToken: "jeton-inconnu-de-plus-de-vingt-caracteres" },
    }),
    // Signed in, the request reaches the invitation, which does not exist.
    expected: { anonymous: 401, member: 404, stranger: 404, reviewer: 404, manager: 404 },
  },
  // The public read API: its tokens, its documentation, its routes
  page("/pilotage/api", () => "/pilotage/api", MANAGER_PAGE),
  page("/documentation-api", () => "/documentation-api", PUBLIC),
  page("/accessibilite", () => "/accessibilite", PUBLIC),
  page("/plan-du-site", () => "/plan-du-site", PUBLIC),
  page("/donnees-personnelles", () => "/donnees-personnelles", PUBLIC),
  page("/gestion-des-cookies", () => "/gestion-des-cookies", PUBLIC),
  {
    route: "POST /api/api-tokens",
    call: () => ({ method: "POST", url: "/api/api-tokens", json: { name: "Matrice", scopes: ["waves:read"], lifetimeDays: "30" } }),
    expected: MANAGER_ONLY(200),
  },
  {
    route: "DELETE /api/api-tokens/[tokenId]",
    call: async (w) => ({ method: "DELETE", url: `/api/api-tokens/${(await insertApiToken(e2eDb, w.users.manager.id)).id}` }),
    expected: MANAGER_ONLY(200),
  },
  { route: "GET /api/v1/openapi.json", call: () => ({ method: "GET", url: "/api/v1/openapi.json" }), expected: PUBLIC },
  apiRow("/api/v1/waves", () => "/api/v1/waves?limit=5"),
  apiRow("/api/v1/waves/[waveId]", (w) => `/api/v1/waves/${w.wave}`),
  apiRow("/api/v1/dossiers", (w) => `/api/v1/dossiers?establishment=${w.establishment}`),
  apiRow("/api/v1/dossiers/[dossierId]", (w) => `/api/v1/dossiers/${w.submitted}`),
  apiRow("/api/v1/establishments", () => "/api/v1/establishments?limit=5"),
  apiRow("/api/v1/establishments/[establishmentId]", (w) => `/api/v1/establishments/${w.establishment}`),
];

/** The matrix reviewer's assignment on the submitted dossier (with its draft review when asked). */
async function matrixAssignment(w: World, withReview = false): Promise<string> {
  const assignment = await e2eDb.reviewerAssignment.findFirstOrThrow({
    where: { applicationId: w.submitted, reviewerId: w.users.reviewer.id },
  });
  if (withReview)
    await e2eDb.review.upsert({ where: { assignmentId: assignment.id }, create: { assignmentId: assignment.id }, update: {} });
  return assignment.id;
}

async function waveOf(applicationId: string): Promise<string> {
  return (await e2eDb.application.findUniqueOrThrow({ where: { id: applicationId } })).waveId;
}

/** Routes outside the matrix, and why. */
const NOT_IN_MATRIX: Record<string, string> = {
  "GET /api/auth/[...nextauth]": "next-auth's own endpoints (CSRF-protected sign-in and sign-out), exercised by the ceremony tests",
  "POST /api/auth/[...nextauth]": "idem",
};

/**
 * Malformed ids: every page and route handler with an id (or a section) in its path, called by
 * every role with that segment replaced by something that is no id, answers 404 — never 500, and
 * before any session or database is involved. Derived from the rows above, so a new route with an
 * id is probed without a line more.
 */
const MALFORMED_SEGMENTS = [
  "pas-un-identifiant",
  "00000000-0000-0000-0000-00000000000g",
  "%00",
  "1%27%20OR%20%271%27%3D%271",
  "%E2%80%AE",
  "%ZZ",
  "a".repeat(300),
];
/** A credential id is base64url of any length up to 1,024: a plain word is a well-formed (unknown) one. */
const MALFORMED_CREDENTIAL_IDS = ["%00", "1%27%20OR%20%271%27%3D%271", "%E2%80%AE", "%ZZ", "a".repeat(1025)];
const PROBED_SEGMENT = /^\[(?!token\]|\.\.\.)\w+\]$/;
const probedSegments = (row: Row) =>
  row.route
    .split(" ")[1]!
    .split("/")
    .flatMap((segment, index) => (PROBED_SEGMENT.test(segment) ? [index] : []));

let world: World;

async function sessionCookie(userId: string): Promise<string> {
  const session = await e2eDb.session.create({ data: { userId, method: "PASSKEY", expiresAt: new Date(Date.now() + 3_600_000) } });
  return encode({ token: { sub: userId, sid: session.id }, secret: E2E_AUTH_SECRET });
}

async function clientFor(role: Role): Promise<APIRequestContext> {
  const headers: Record<string, string> = { Origin: E2E_BASE_URL };
  if (role !== "anonymous") headers.Cookie = `next-auth.session-token=${await sessionCookie(world.users[role].id)}`;
  return playwright.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: headers, maxRedirects: 0 });
}

test.describe("access matrix", () => {
  test.beforeAll(async () => {
    const [own, other] = [await createEstablishment(e2eDb), await createEstablishment(e2eDb)];
    const wave = await createOpenWave(e2eDb);
    const draft = await createDraft(e2eDb, own.id, wave);
    const secondWave = await createOpenWave(e2eDb);
    const submittedDossier = await createDraft(e2eDb, own.id, secondWave);
    const selectedWave = await createOpenWave(e2eDb);
    const selectedDossier = await createDraft(e2eDb, own.id, selectedWave);
    await e2eDb.application.update({ where: { id: selectedDossier.id }, data: { state: "SELECTED" } });
    const grant = { applicationId: selectedDossier.id, amountGrantedCents: 1_000_000n, releasedAt: new Date() };
    // Released with its letter, as releaseDecisions leaves it.
    const decision = await e2eDb.decision.create({
      data: {
        ...grant,
        waveId: selectedWave.waveId,
        outcome: "SELECTED",
        letterKey: await storeForTest(readFileSync(path.resolve("e2e/files/procedure-habilitations.pdf")), "decision-letters"),
      },
      select: { id: true },
    });
    await createTranches(e2eDb, [{ ...grant, decisionId: decision.id }], 30);
    const advance = await e2eDb.tranche.findFirstOrThrow({
      where: { applicationId: selectedDossier.id, kind: "ADVANCE" },
      select: { id: true },
    });
    // A declaration of results with its stored PDF, over its frozen figures.
    const declaredDossier = await createDraft(e2eDb, own.id, await createOpenWave(e2eDb));
    await e2eDb.application.update({ where: { id: declaredDossier.id }, data: { state: "SELECTED" } });
    const frozen = await e2eDb.indicatorSnapshot.create({
      data: {
        establishmentId: own.id,
        applicationId: declaredDossier.id,
        reason: "DECLARATION",
        active: 0,
        registered: 0,
        substantialId: 0,
        rieCompliant: 0,
        dmpReady: 0,
      },
    });
    await e2eDb.resultDeclaration.create({
      data: {
        applicationId: declaredDossier.id,
        snapshotId: frozen.id,
        pdfKey: await storeForTest(readFileSync(path.resolve("e2e/files/procedure-habilitations.pdf")), "result-declarations"),
        pdfHash: "b".repeat(64),
      },
    });
    await fillDossier(e2eDb, submittedDossier.id, secondWave.objectives);
    const users = {
      member: await createUser(e2eDb, { establishmentId: own.id }),
      stranger: await createUser(e2eDb, { establishmentId: other.id }),
      reviewer: await createUser(e2eDb, { staffRole: "REVIEWER" }),
      manager: await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" }),
    };
    await e2eDb.application.update({ where: { id: submittedDossier.id }, data: { state: "UNDER_REVIEW" } });
    const pdf = readFileSync(path.resolve("e2e/files/procedure-habilitations.pdf"));
    // With its receipt already: the receipt job leaves it alone.
    await e2eDb.submission.create({
      data: {
        applicationId: submittedDossier.id,
        idempotencyKey: crypto.randomUUID(),
        contentHash: "0".repeat(64),
        receiptKey: await storeForTest(pdf, "receipts"),
      },
    });
    await e2eDb.reviewerAssignment.create({
      data: { applicationId: submittedDossier.id, reviewerId: users.reviewer.id, conflict: { create: { hasConflict: false } } },
    });
    const credentials: Record<string, string> = {};
    for (const [role, user] of Object.entries(users)) {
      const credential = await e2eDb.webAuthnCredential.create({
        data: {
          id: `cle-${crypto.randomUUID()}`,
          userId: user.id,
          publicKey: Buffer.from([1]),
          deviceType: "singleDevice",
          backupEligible: false,
          backedUp: false,
          name: "Clé",
        },
      });
      credentials[role] = credential.id;
    }
    // A submitted dossier's file, uploaded while it was a draft.
    const file = await e2eDb.attachment.create({
      data: {
        applicationId: submittedDossier.id,
        objectiveId: secondWave.objectives[0]!.id,
        fileName: "preuve.pdf",
        mimeType: "application/pdf",
        sizeBytes: pdf.length,
        sha256: "a".repeat(64),
        storageKey: await storeForTest(pdf),
      },
    });
    const professional = await e2eDb.professional.create({
      data: {
        establishmentId: own.id,
        lastName: "MATRICE",
        firstName: "Zoé",
        birthDate: new Date("1980-01-01"),
        population: "SALARIED",
        professionCode: "60",
        activityStart: new Date("2020-01-01"),
      },
    });
    const rosterImport = await e2eDb.rosterImport.create({
      data: {
        establishmentId: own.id,
        fileName: "registre.csv",
        format: "CSV",
        status: "PREVIEWED",
        totalLines: 2,
        storageKey: await storeForTest(Buffer.from(ROSTER_CSV), "roster-imports"),
        createdById: users.member.id,
      },
    });
    world = {
      professional: professional.id,
      rosterImport: rosterImport.id,
      campaign: (await e2eDb.wave.findUniqueOrThrow({ where: { id: wave.waveId } })).campaignId,
      wave: wave.waveId,
      establishment: own.id,
      otherEstablishment: other.id,
      draft: draft.id,
      submitted: submittedDossier.id,
      submittedFile: file.id,
      selected: selectedDossier.id,
      declared: declaredDossier.id,
      selectedWave: selectedWave.waveId,
      tranche: advance.id,
      users: Object.fromEntries(
        Object.entries(users).map(([role, user]) => [role, { id: user.id, credential: credentials[role]! }]),
      ) as World["users"],
      apiTokens: Object.fromEntries(
        await Promise.all(Object.entries(users).map(async ([role, user]) => [role, (await insertApiToken(e2eDb, user.id)).token])),
      ) as World["apiTokens"],
      pdf,
    };
  });

  for (const row of ROWS) {
    test(row.route, async () => {
      const actual: Record<string, number> = {};
      for (const role of ROLES) {
        const client = await clientFor(role);
        const call = await row.call(world, role);
        const response = await client.fetch(call.url, {
          method: call.method,
          data: call.json,
          multipart: call.multipart as never,
          headers: call.headers,
        });
        actual[role] = response.status();
        await client.dispose();
      }
      expect(actual).toEqual(row.expected);
    });
  }

  // RGAA 8.6, ADR 0031: a page refused is the 404 page, title included, never the name of what the
  // viewer may not open. Read in the browser once the page's scripts have run: React applies the
  // title the server's payload carries, which the HTML alone may not show.
  test("every page a signed-in role is refused with a 404 is titled as the 404 page", async ({ browser }) => {
    test.setTimeout(300_000); // About fifty pages.
    const NOT_FOUND_TITLE = "Page non trouvée – HospiConnect";
    const contexts = new Map<Role, BrowserContext>();
    const wrong: Record<string, string> = {};
    for (const row of ROWS.filter((candidate) => candidate.route.startsWith("GET /") && !candidate.route.startsWith("GET /api/"))) {
      // One refused role per page: its title is the page's whoever is refused.
      const role = ROLES.find((candidate) => candidate !== "anonymous" && row.expected[candidate] === 404);
      if (!role) continue;
      if (!contexts.has(role)) {
        const context = await browser.newContext();
        await signInAs(context, world.users[role as Exclude<Role, "anonymous">].id);
        contexts.set(role, context);
      }
      const page = await contexts.get(role)!.newPage();
      await page.goto((await row.call(world, role)).url);
      // Until React has applied the 404's title; a page that never shows it is reported with the one it shows.
      await expect(page)
        .toHaveTitle(NOT_FOUND_TITLE)
        .catch(async () => (wrong[`${role} ${row.route}`] = await page.title()));
      await page.close();
    }
    for (const context of contexts.values()) await context.close();
    expect(wrong).toEqual({});
  });

  test("a member's attempts on another establishment's dossier are refused and audited", async () => {
    const client = await clientFor("stranger");
    const since = new Date();
    for (const url of [`/dossiers/${world.draft}`, `/api/applications/${world.submitted}/receipt`]) {
      expect((await client.get(url)).status()).toBe(404);
    }
    expect(
      (
        await client.put(`/api/applications/${world.draft}/sections/project`, {
          data: { expectedVersion: 0, data: { projectTitle: "Piraté", projectSummary: "" } },
        })
      ).status(),
    ).toBe(404);
    await client.dispose();
    const denied = await e2eDb.auditEvent.findMany({
      where: { action: "access.denied", at: { gte: since }, actorId: world.users.stranger.id },
    });
    expect(denied.map((event) => (event.details as { path: string }).path).sort()).toEqual(
      [
        `/api/applications/${world.draft}/sections/project`,
        `/api/applications/${world.submitted}/receipt`,
        `/dossiers/${world.draft}`,
      ].sort(),
    );
    expect((await e2eDb.application.findUniqueOrThrow({ where: { id: world.draft } })).projectTitle).not.toBe("Piraté");
  });

  test("an ARS reviewer of another region and a reviewer who declared a conflict get 404 on the dossier and its review", async () => {
    const assignment = await matrixAssignment(world);
    const elsewhere = await createUser(e2eDb, { staffRole: "REGIONAL_REVIEWER" });
    await e2eDb.reviewerRegion.create({ data: { userId: elsewhere.id, regionCode: "11" } });
    const regional = await e2eDb.reviewerAssignment.create({
      data: {
        applicationId: world.submitted,
        reviewerId: elsewhere.id,
        tier: "REGIONAL",
        conflict: { create: { hasConflict: false } },
        review: { create: {} },
      },
    });
    const conflicted = await createUser(e2eDb, { staffRole: "REVIEWER" });
    const ended = await e2eDb.reviewerAssignment.create({
      data: {
        applicationId: world.submitted,
        reviewerId: conflicted.id,
        conflict: { create: { hasConflict: true, type: "PERSONAL_TIE" } },
        review: { create: {} },
      },
    });
    for (const [userId, own] of [
      [elsewhere.id, regional.id],
      [conflicted.id, ended.id],
    ] as const) {
      const session = await e2eDb.session.create({ data: { userId, method: "PASSKEY", expiresAt: new Date(Date.now() + 3_600_000) } });
      const cookie = await encode({ token: { sub: userId, sid: session.id }, secret: E2E_AUTH_SECRET });
      const client = await playwright.newContext({
        baseURL: E2E_BASE_URL,
        extraHTTPHeaders: { Origin: E2E_BASE_URL, Cookie: `next-auth.session-token=${cookie}` },
        maxRedirects: 0,
      });
      const statuses = [
        (await client.get(`/instruction/${own}`)).status(),
        (await client.get(`/dossiers/${world.submitted}/budget`)).status(),
        (await client.get(`/api/applications/${world.submitted}/receipt`)).status(),
        (
          await client.put(`/api/assignments/${own}/review`, { data: { expectedVersion: 1, data: { overallComment: "", scores: {} } } })
        ).status(),
        (await client.post(`/api/assignments/${own}/declaration`, { data: { hasConflict: false } })).status(),
        (await client.get(`/instruction/${assignment}`)).status(),
      ];
      expect(statuses).toEqual([404, 404, 404, 404, 404, 404]);
      await client.dispose();
    }
  });

  test("a state-changing request from another site is refused, by its Origin or its Sec-Fetch-Site, next-auth's sign-out included", async () => {
    const cookie = `next-auth.session-token=${await sessionCookie(world.users.member.id)}`;
    const client = await playwright.newContext({ baseURL: E2E_BASE_URL, maxRedirects: 0 });
    // next-auth's own CSRF token is sent: only the origin is wrong.
    const csrf = await client.get("/api/auth/csrf", { headers: { Cookie: cookie } });
    const csrfCookie = csrf
      .headersArray()
      .find((header) => /^set-cookie$/i.test(header.name) && header.value.startsWith("next-auth.csrf-token="));
    const [headers, { csrfToken }] = [{ Cookie: `${cookie}; ${csrfCookie!.value.split(";")[0]}` }, await csrf.json()];
    const answers: Record<string, [number, string]> = {};
    const crossSiteHeaders: Record<string, string>[] = [{ Origin: "https://site-malveillant.example" }, { "Sec-Fetch-Site": "cross-site" }];
    for (const crossSite of crossSiteHeaders) {
      const invitation = await client.post("/api/invitations", {
        headers: { ...headers, ...crossSite },
        data: { purpose: "MEMBER", email: uniqueEmail("csrf"), establishmentId: world.establishment },
      });
      const signOut = await client.post("/api/auth/signout", {
        headers: { ...headers, ...crossSite },
        form: { csrfToken, callbackUrl: "/" },
      });
      for (const [route, response] of [
        ["POST /api/invitations", invitation],
        ["POST /api/auth/signout", signOut],
      ] as const) {
        answers[`${route} ${JSON.stringify(crossSite)}`] = [response.status(), (await response.json().catch(() => ({}))).error?.code];
      }
    }
    expect(
      Object.values(answers).filter(([status, code]) => status !== 403 || code !== "CROSS_ORIGIN"),
      JSON.stringify(answers),
    ).toEqual([]);
    // The session the refused sign-outs named is still open.
    expect(await (await client.get("/api/auth/session", { headers })).json()).toMatchObject({ sid: expect.any(String) });
    await client.dispose();
  });

  test("every route handler answers a method it does not export with the API's JSON 405 and the methods it allows", async () => {
    const client = await clientFor("anonymous");
    const exported = new Map<string, string[]>();
    for (const [method, pattern] of appRoutes().map((route) => route.split(" ") as [string, string])) {
      if (pattern.startsWith("/api/")) exported.set(pattern, [...(exported.get(pattern) ?? []), method]);
    }
    const wrong: Record<string, unknown> = {};
    for (const [pattern, methods] of exported) {
      const method = ["PUT", "PATCH", "DELETE", "POST", "GET"].find((candidate) => !methods.includes(candidate));
      if (!method) continue; // The catch-all /api/[...path] answers them all.
      const url = pattern.replace(/\[(\.\.\.)?[^\]]+\]/g, "x");
      const response = await client.fetch(url, { method });
      const allow = [...methods, "OPTIONS", ...(methods.includes("GET") ? ["HEAD"] : [])].sort().join(", ");
      const answer = [response.status(), response.headers()["allow"], (await response.json().catch(() => ({}))).error?.code];
      if (JSON.stringify(answer) !== JSON.stringify([405, allow, "METHOD_NOT_ALLOWED"])) wrong[`${method} ${url}`] = answer;
    }
    expect(wrong).toEqual({});
    await client.dispose();
  });

  test("covers every page and route handler of the app", () => {
    const covered = new Set([...ROWS.map((row) => row.route), ...Object.keys(NOT_IN_MATRIX)]);
    const missing = appRoutes().filter((route) => !covered.has(route));
    expect(missing, "routes without a row in the access matrix").toEqual([]);
  });

  // Malformed ids (see MALFORMED_SEGMENTS).
  for (const row of ROWS.filter((candidate) => probedSegments(candidate).length > 0)) {
    test(`${row.route} with malformed ids`, async () => {
      const answers: Record<string, number> = {};
      for (const role of ROLES) {
        const client = await clientFor(role);
        const call = await row.call(world, role);
        const url = new URL(call.url, E2E_BASE_URL);
        for (const index of probedSegments(row)) {
          const segment = row.route.split(" ")[1]!.split("/")[index];
          for (const malformed of segment === "[credentialId]" ? MALFORMED_CREDENTIAL_IDS : MALFORMED_SEGMENTS) {
            const segments = url.pathname.split("/");
            segments[index] = malformed;
            const probe = `${segments.join("/")}${url.search}`;
            const response = await client.fetch(probe, {
              method: call.method,
              data: call.json,
              multipart: call.multipart as never,
              headers: call.headers,
            });
            answers[`${role} ${call.method} ${probe.slice(0, 120)}`] = response.status();
          }
        }
        await client.dispose();
      }
      expect(Object.entries(answers).filter(([, status]) => status !== 404)).toEqual([]);
    });
  }
});

async function storeForTest(bytes: Buffer, area: StorageArea = "attachments"): Promise<string> {
  const { LocalFileStorage } = await import("@/lib/storage/local-file-storage");
  const { generateStorageKey } = await import("@/lib/storage/storage-key");
  const key = generateStorageKey(area);
  await new LocalFileStorage(E2E_STORAGE_DIR).put(key, bytes, "application/pdf");
  return key;
}
