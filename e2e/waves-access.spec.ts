import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, request as playwright, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { DEFAULT_CRITERIA, DEFAULT_OBJECTIVES } from "@/lib/campaigns/programme-defaults";
import { withFinessKey } from "@/lib/identifiers/finess";
import { e2eDb } from "./fixtures/database";
import { E2E_AUTH_SECRET, E2E_BASE_URL } from "./fixtures/environment";
import { createEstablishment, createUser } from "./fixtures/factories";

/**
 * Who may reach the campaign, wave, eligibility and outbox pages and route handlers, called
 * directly (not through the UI) by every role, on the caller's own establishment and on another's.
 * Each cell is the expected HTTP status.
 */
type Role = "anonymous" | "member" | "stranger" | "reviewer" | "manager";
const ROLES: Role[] = ["anonymous", "member", "stranger", "reviewer", "manager"];

type World = { establishment: string; campaign: string; wave: string; users: Record<Exclude<Role, "anonymous">, string> };
type Call = { method: "GET" | "POST" | "PUT" | "PATCH"; url: string; json?: unknown };
type Row = { route: string; call: (world: World) => Call; expected: Record<Role, number> };

const MANAGER_PAGE = { anonymous: 307, member: 404, stranger: 404, reviewer: 404, manager: 200 };
const MANAGER_ONLY = (managerStatus: number) => ({ anonymous: 401, member: 403, stranger: 403, reviewer: 403, manager: managerStatus });
const page = (route: string, url: (world: World) => string, expected: Record<Role, number>): Row => ({ route: `GET ${route}`, call: (world) => ({ method: "GET", url: url(world) }), expected });

const GRID = { objectives: DEFAULT_OBJECTIVES, criteria: DEFAULT_CRITERIA };
const SETTINGS = {
  kind: "PILOT",
  title: "Vague de la matrice",
  opensAt: "2031-01-06T09:00",
  closesAt: "2031-03-31T23:59",
  fundingEnvelope: "1 000 000",
  eligibleCategoryCodes: ["500"],
};

const ROWS: Row[] = [
  page("/pilotage/campagnes", () => "/pilotage/campagnes", MANAGER_PAGE),
  page("/pilotage/campagnes/[campaignId]/nouvelle-vague", (w) => `/pilotage/campagnes/${w.campaign}/nouvelle-vague`, MANAGER_PAGE),
  page("/pilotage/vagues/[waveId]", (w) => `/pilotage/vagues/${w.wave}`, MANAGER_PAGE),
  page("/pilotage/courriels", () => "/pilotage/courriels", MANAGER_PAGE),
  // The e2e server runs in demo mode: everyone signed in reads their own e-mails.
  page("/compte/courriels", () => "/compte/courriels", { anonymous: 307, member: 200, stranger: 200, reviewer: 200, manager: 200 }),
  page("/vagues/[waveId]/eligibilite", (w) => `/vagues/${w.wave}/eligibilite?etablissement=${w.establishment}`, { anonymous: 307, member: 200, stranger: 404, reviewer: 404, manager: 200 }),
  {
    route: "POST /api/campaigns",
    call: () => ({ method: "POST", url: "/api/campaigns", json: { title: "Campagne de la matrice", slug: `matrice-${randomUUID().slice(0, 8)}`, description: "" } }),
    expected: MANAGER_ONLY(200),
  },
  {
    route: "POST /api/campaigns/[campaignId]/waves",
    call: (w) => ({ method: "POST", url: `/api/campaigns/${w.campaign}/waves`, json: { ...SETTINGS, year: 2031, ...GRID } }),
    expected: MANAGER_ONLY(200),
  },
  {
    route: "PATCH /api/waves/[waveId]",
    call: (w) => ({ method: "PATCH", url: `/api/waves/${w.wave}`, json: { ...SETTINGS, year: 2030, expectedVersion: 99 } }),
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
    call: (w) => ({ method: "POST", url: `/api/waves/${w.wave}/extensions`, json: { finessEt: withFinessKey("97699999"), newClosesAt: "2031-12-31T12:00", reason: "Incident." } }),
    // A well-formed FINESS that no establishment has.
    expected: MANAGER_ONLY(422),
  },
  {
    route: "POST /api/applications",
    call: (w) => ({ method: "POST", url: "/api/applications", json: { waveId: w.wave, establishmentId: w.establishment } }),
    expected: { anonymous: 401, member: 200, stranger: 404, reviewer: 404, manager: 403 },
  },
];

let world: World;

async function clientFor(role: Role): Promise<APIRequestContext> {
  const headers: Record<string, string> = { Origin: E2E_BASE_URL };
  if (role !== "anonymous") {
    const userId = world.users[role];
    const session = await e2eDb.session.create({ data: { userId, method: "PASSKEY", expiresAt: new Date(Date.now() + 3_600_000) } });
    headers.Cookie = `next-auth.session-token=${await encode({ token: { sub: userId, sid: session.id }, secret: E2E_AUTH_SECRET })}`;
  }
  return playwright.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: headers, maxRedirects: 0 });
}

test.describe("access to waves, eligibility and e-mails", () => {
  test.beforeAll(async () => {
    const [own, other] = [await createEstablishment(), await createEstablishment()];
    const campaign = await e2eDb.campaign.create({ data: { slug: `matrice-${randomUUID().slice(0, 8)}`, title: "Matrice", description: "" } });
    const wave = await e2eDb.wave.create({
      data: {
        campaignId: campaign.id,
        kind: "GENERALISATION",
        title: "Vague ouverte de la matrice",
        year: 2030,
        opensAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 30 * 86_400_000),
        fundingEnvelopeCents: 0n,
        eligibleCategories: { create: [{ categoryCode: "500" }] },
        versions: { create: { number: 1, objectives: { create: DEFAULT_OBJECTIVES.map((o, position) => ({ ...o, position })) }, criteria: { create: DEFAULT_CRITERIA.map((c, position) => ({ ...c, position })) } } },
      },
    });
    const users = {
      member: (await createUser({ establishmentId: own.id })).id,
      stranger: (await createUser({ establishmentId: other.id })).id,
      reviewer: (await createUser({ staffRole: "REVIEWER" })).id,
      manager: (await createUser({ staffRole: "PROGRAMME_MANAGER" })).id,
    };
    world = { establishment: own.id, campaign: campaign.id, wave: wave.id, users };
  });

  for (const row of ROWS) {
    test(row.route, async () => {
      const actual: Record<string, number> = {};
      for (const role of ROLES) {
        const client = await clientFor(role);
        const call = row.call(world);
        actual[role] = (await client.fetch(call.url, { method: call.method, data: call.json })).status();
        await client.dispose();
      }
      expect(actual).toEqual(row.expected);
    });
  }

  test("a member's attempt on another establishment is refused and audited", async () => {
    const since = new Date();
    const client = await clientFor("stranger");
    expect((await client.post("/api/applications", { data: { waveId: world.wave, establishmentId: world.establishment } })).status()).toBe(404);
    await client.dispose();
    const denied = await e2eDb.auditEvent.findMany({ where: { action: "access.denied", at: { gte: since }, actorId: world.users.stranger }, select: { details: true } });
    expect(denied.map((event) => (event.details as { path: string }).path)).toEqual(["/api/applications"]);
    expect(await e2eDb.application.count({ where: { waveId: world.wave, establishmentId: world.establishment } })).toBe(1);
  });
});
