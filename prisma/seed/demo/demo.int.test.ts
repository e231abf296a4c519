import { readFileSync } from "node:fs";
import type { Viewer } from "@/lib/access/viewer";
import { beforeAll, describe, expect, it } from "vitest";
import { isValidFiness } from "@/lib/identifiers/finess";
import { isValidRpps } from "@/lib/identifiers/rpps";
import { isValidSiret } from "@/lib/identifiers/siret";
import { toDay } from "@/lib/roster/dates";
import { birthAndStartProblem } from "@/lib/roster/past-days";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createDemoSignInLinks } from "@/lib/identity/demo-sign-in";
import { loadDecisionSummaries } from "@/lib/decisions/load-decision-summaries";
import { ZDashboardFilters } from "@/lib/dashboard/filters";
import { loadProgrammeDashboard } from "@/lib/dashboard/get-programme-dashboard";
import { monthsBetween } from "@/lib/dashboard/months";
import { listFollowUps, ZFollowUpFilters } from "@/lib/follow-up/list-follow-ups";
import { extractPdfText } from "@/lib/applications/testing/pdf-text";
import { readDeclarationPdf } from "@/lib/follow-up/read-declaration-pdf";
import { endOfParisDay } from "@/lib/follow-up/verification-rules";
import { parisToday } from "@/lib/time/paris";
import { readDecisionLetter } from "@/lib/decisions/read-decision-letter";
import { fileStorage } from "@/lib/storage";
import { formatEuros } from "@/lib/format/numbers";
import { loadDemoData } from "./index";

/** The demo a newcomer sees at first start: every kind of data the pages show. */
/** Text with its spaces, no-break ones too, made plain: a PDF's and a formatter's may differ. */
const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ");
/** The demo's programme manager, as the pages see them. */
async function demoManager(): Promise<Viewer> {
  const manager = await testDb.user.findFirstOrThrow({ where: { staffRole: "PROGRAMME_MANAGER" }, select: { id: true } });
  return { userId: manager.id, email: "", displayName: "", staffRole: "PROGRAMME_MANAGER", memberships: [], sessionId: "" };
}

describe("demo data", () => {
  let loaded: { establishments: number; professionals: number };
  beforeAll(async () => {
    await resetDatabase();
    loaded = await loadDemoData(testDb, new Date("2026-11-29T09:00:00Z"));
  }, 120_000);

  it("has about 40 establishments and 2,000 professionals with MIE enrolments", async () => {
    expect(loaded.establishments).toBeGreaterThanOrEqual(35);
    expect(loaded.professionals).toBeGreaterThan(1500);
    expect(await testDb.mieEnrollment.count()).toBeGreaterThan(1000);
  });

  it("has dossiers in every state of the state machine", async () => {
    const states = await testDb.application.groupBy({ by: ["state"] });
    expect(states.map((row) => row.state).sort()).toEqual(
      ["DRAFT", "INFORMATION_REQUESTED", "REJECTED", "SCORED", "SELECTED", "SUBMITTED", "UNDER_REVIEW", "WITHDRAWN"].sort(),
    );
  });

  it("freezes the roster's figures with every deposit, at its instant, as a submission does", async () => {
    const submissions = await testDb.submission.findMany({ select: { applicationId: true, receivedAt: true } });
    expect(submissions.length).toBeGreaterThan(10);
    const frozen = await testDb.indicatorSnapshot.findMany({
      where: { reason: "SUBMISSION" },
      select: { applicationId: true, takenAt: true, active: true },
    });
    expect(frozen.map((snapshot) => `${snapshot.applicationId}@${snapshot.takenAt.toISOString()}`).sort()).toEqual(
      submissions.map((submission) => `${submission.applicationId}@${submission.receivedAt.toISOString()}`).sort(),
    );
    expect(frozen.some((snapshot) => snapshot.active > 0)).toBe(true);
  });

  it("draws a rollout curve for each establishment: one point a month, rising overall", async () => {
    const snapshots = await testDb.indicatorSnapshot.findMany({ where: { reason: "DAILY" }, orderBy: { takenAt: "asc" } });
    const perEstablishment = new Map<string, typeof snapshots>();
    for (const snapshot of snapshots)
      perEstablishment.set(snapshot.establishmentId, [...(perEstablishment.get(snapshot.establishmentId) ?? []), snapshot]);
    expect(perEstablishment.size).toBe(loaded.establishments);
    for (const points of perEstablishment.values()) expect(points).toHaveLength(19);
    const total = (index: number) => [...perEstablishment.values()].reduce((sum, points) => sum + points[index]!.rieCompliant, 0);
    expect(total(18)).toBeGreaterThan(total(0));
  });

  it("gives the programme's dashboard a national rollout over the 18 months of history, over several regions and categories", async () => {
    const dashboard = await loadProgrammeDashboard(testDb, ZDashboardFilters.parse({}), new Date("2026-11-29T09:00:00Z"));
    expect(dashboard.rollout.curve.map((point) => point.month)).toEqual(monthsBetween("2025-06", "2026-11"));
    expect(dashboard.rollout.curve.every((point) => point.establishments === loaded.establishments)).toBe(true);
    expect(dashboard.rollout.byRegion.length).toBeGreaterThan(5);
    expect(dashboard.rollout.byCategory.length).toBeGreaterThan(3);
    expect(dashboard.rollout.curve.at(-1)!.rieCompliant).toBeGreaterThan(dashboard.rollout.curve[0]!.rieCompliant);
  });

  it("holds only identifiers the forms accept: a dossier saved again must not fail on its own demo data", async () => {
    const establishments = await testDb.establishment.findMany({ select: { finessEt: true, finessEj: true, siret: true } });
    expect(establishments.flatMap((row) => [row.finessEt, row.finessEj]).filter((finess) => !isValidFiness(finess))).toEqual([]);
    const sirets = [
      ...establishments.map((row) => row.siret),
      ...(await testDb.partner.findMany({ select: { siret: true } })).map((row) => row.siret),
    ];
    expect(sirets.filter((siret): siret is string => siret !== null && !isValidSiret(siret))).toEqual([]);
    const rpps = (await testDb.professional.findMany({ where: { rpps: { not: null } }, select: { rpps: true } })).map((row) => row.rpps!);
    expect(rpps.filter((number) => !isValidRpps(number))).toEqual([]);
  });

  it("has professionals the roster's form takes back unchanged: born at least 15 years before they started", async () => {
    const people = await testDb.professional.findMany({
      where: { birthDate: { not: null } },
      select: { lastName: true, birthDate: true, activityStart: true },
    });
    expect(people.length).toBeGreaterThan(1000);
    expect(people.filter((person) => birthAndStartProblem(toDay(person.birthDate!), toDay(person.activityStart)) !== null)).toEqual([]);
  });
});

describe("demo data: the review", () => {
  beforeAll(async () => {
    if ((await testDb.campaign.count()) === 0) await loadDemoData(testDb, new Date("2026-11-29T09:00:00Z"));
  }, 120_000);

  it("has a two-tier wave whose ARS reviewer holds assignments in every state, and a single-tier wave", async () => {
    const waves = await testDb.wave.findMany({ select: { reviewTiers: true } });
    expect(waves.map((wave) => wave.reviewTiers).sort()).toEqual(["NATIONAL_ONLY", "REGIONAL_THEN_NATIONAL"]);
    const ars = await testDb.user.findFirstOrThrow({
      where: { staffRole: "REGIONAL_REVIEWER" },
      orderBy: { email: "asc" },
      include: { reviewerRegions: true },
    });
    expect(ars.reviewerRegions.length).toBeGreaterThan(0);
    const assignments = await testDb.reviewerAssignment.findMany({
      where: { reviewerId: ars.id, tier: "REGIONAL" },
      include: { conflict: true, review: true },
    });
    const now = new Date("2026-11-29T09:00:00Z");
    expect(assignments.some((row) => !row.conflict)).toBe(true);
    expect(assignments.some((row) => row.conflict?.hasConflict)).toBe(true);
    expect(assignments.some((row) => row.review?.status === "DRAFT" && !row.dueAt)).toBe(true);
    expect(assignments.some((row) => row.review?.status === "SUBMITTED")).toBe(true);
    expect(assignments.some((row) => row.review?.status === "DRAFT" && row.dueAt !== null && row.dueAt < now)).toBe(true);
  });

  it("prints a sign-in link for the ARS reviewer among the demo roles", async () => {
    const links = await createDemoSignInLinks(testDb, "http://localhost:3000");
    expect(links.map((link) => link.role)).toEqual([
      "Direction d'établissement",
      "Instruction (ANS)",
      "Instruction régionale (ARS)",
      "Pilotage du programme (ANS)",
    ]);
    expect(links.find((link) => link.role === "Instruction régionale (ARS)")?.name).toBe("Hélène Marchand");
    // The README shows what `npm start` prints: the same people, so that a newcomer knows who they are.
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    for (const link of links) expect(readme).toContain(`${link.role} – ${link.name}:`);
  });
});

describe("demo data: decisions", () => {
  beforeAll(async () => {
    if ((await testDb.campaign.count()) === 0) await loadDemoData(testDb, new Date("2026-11-29T09:00:00Z"));
  }, 120_000);

  it("has a board with a disputed dossier, staged proposals and decisions released earlier", async () => {
    const wave = await testDb.wave.findFirstOrThrow({ where: { reviewTiers: "REGIONAL_THEN_NATIONAL" }, select: { id: true } });
    const dossiers = await testDb.application.findMany({
      where: { waveId: wave.id, state: { in: ["SCORED", "SELECTED", "REJECTED"] } },
      select: { id: true },
    });
    const summaries = [
      ...(
        await loadDecisionSummaries(
          testDb,
          dossiers.map((dossier) => dossier.id),
        )
      ).values(),
    ];
    expect(summaries.filter((summary) => summary.toDiscuss).length).toBeGreaterThan(0);
    expect(
      summaries
        .filter((summary) => summary.staged)
        .map((summary) => summary.staged!.outcome)
        .sort(),
    ).toEqual(["SELECTED", "SELECTED", "WAITLISTED"]);
    expect(summaries.filter((summary) => summary.released).length).toBeGreaterThan(0);
  });

  it("has tranches due, ordered and paid, and milestones late and done, on the selected dossiers", async () => {
    const tranches = await testDb.tranche.groupBy({ by: ["kind", "status"], _count: true });
    const count = (kind: string, status: string) => tranches.find((row) => row.kind === kind && row.status === status)?._count ?? 0;
    expect(count("ADVANCE", "PAID")).toBe(1);
    expect(count("ADVANCE", "ORDERED")).toBe(1);
    expect(count("ADVANCE", "DUE")).toBeGreaterThan(0);
    // Three balances left the plan with their verified declarations (follow-up.ts): one due, one
    // paid, and one cancelled with the results refused.
    expect(count("BALANCE", "DUE")).toBe(1);
    expect(count("BALANCE", "PAID")).toBe(1);
    expect(count("BALANCE", "CANCELLED")).toBe(1);
    expect(count("BALANCE", "PLANNED") + 3).toBe(count("ADVANCE", "PAID") + count("ADVANCE", "ORDERED") + count("ADVANCE", "DUE"));
    const milestones = await testDb.milestone.findMany({
      where: { application: { state: "SELECTED" } },
      select: { dueDate: true, doneOn: true },
    });
    expect(milestones.filter((milestone) => milestone.doneOn !== null)).toHaveLength(1);
    expect(
      milestones.filter((milestone) => milestone.doneOn === null && milestone.dueDate < new Date("2026-11-29")).length,
    ).toBeGreaterThan(0);
  });

  it("has a selected dossier at every follow-up stage, one verification overdue, with its declaration's history", async () => {
    const viewer = await demoManager();
    const board = await listFollowUps(viewer, ZFollowUpFilters.parse({}), new Date("2026-11-29T09:00:00Z"));
    expect(board.summary.byStage.filter((entry) => entry.count === 0)).toEqual([]);
    expect(board.rows[0]).toMatchObject({ stage: "WITH_ARS", heldBy: "REGIONAL", overdue: true });
    expect(board.rows.filter((row) => row.overdue)).toHaveLength(1);
    const steps = await testDb.verificationStep.groupBy({ by: ["action"], _count: true, orderBy: { action: "asc" } });
    expect(steps.map((step) => [step.action, step._count])).toEqual([
      ["DECLARE", 6],
      ["APPROVE", 2],
      ["REFUSE", 1],
      ["REQUEST_INFORMATION", 1],
    ]);
    expect(await testDb.indicatorSnapshot.count({ where: { reason: "DECLARATION" } })).toBe(6);
    // The information requested is due by the end of a Paris day, as the app sets it (not 01:00).
    const asked = await testDb.resultVerification.findFirstOrThrow({ where: { state: "INFORMATION_REQUESTED" }, select: { dueAt: true } });
    expect(asked.dueAt).toEqual(endOfParisDay(parisToday(asked.dueAt)));

    // The dashboard's follow-up funnel counts the same stages, under its filters.
    const now = new Date("2026-11-29T09:00:00Z");
    const dashboard = await loadProgrammeDashboard(testDb, ZDashboardFilters.parse({}), now);
    expect(dashboard.followUp.map((stage) => [stage.stage, stage.count])).toEqual(
      board.summary.byStage.map((entry) => [entry.stage, entry.count]),
    );
    const generalisation = await testDb.wave.findFirstOrThrow({ where: { reviewTiers: "REGIONAL_THEN_NATIONAL" }, select: { id: true } });
    const twoTiers = await loadProgrammeDashboard(testDb, ZDashboardFilters.parse({ vague: generalisation.id }), now);
    expect(twoTiers.followUp.filter((stage) => stage.count > 0).map((stage) => stage.stage)).toEqual(["WITH_ARS", "INFORMATION_REQUESTED"]);
  });

  it("stores each declaration's PDF as the app renders it: it is in the storage, downloads, and prints its recorded hash and tiers", async () => {
    const viewer = await demoManager();
    const declarations = await testDb.resultDeclaration.findMany({
      select: { applicationId: true, pdfKey: true, pdfHash: true, application: { select: { wave: { select: { reviewTiers: true } } } } },
    });
    expect(declarations).toHaveLength(6);
    for (const declaration of declarations) {
      const stored = await fileStorage().get(declaration.pdfKey);
      expect(stored?.subarray(0, 5).toString()).toBe("%PDF-");
      const { bytes } = await readDeclarationPdf(viewer, declaration.applicationId);
      expect(bytes.equals(stored!)).toBe(true);
      const text = extractPdfText(bytes).join(" ").replace(/\s+/g, " ");
      expect(text).toContain(declaration.pdfHash);
      expect(text).toContain(
        declaration.application.wave.reviewTiers === "NATIONAL_ONLY"
          ? "les résultats sont ensuite validés par l'ANS."
          : "les résultats sont ensuite vérifiés par l'ARS puis validés par l'ANS.",
      );
    }
  });

  it("stores each decision released earlier with its letter as the app renders it: it downloads, prints its hash and outcome, names no reviewer", async () => {
    const viewer = await demoManager();
    const decisions = await testDb.decision.findMany({
      where: { releasedAt: { not: null } },
      select: {
        applicationId: true,
        outcome: true,
        letterKey: true,
        letterHash: true,
        wave: { select: { advanceSharePercent: true } },
        tranches: { select: { kind: true, amountCents: true } },
      },
    });
    expect(new Set(decisions.map((decision) => decision.outcome))).toEqual(new Set(["SELECTED", "REJECTED"]));
    expect(decisions.filter((decision) => decision.outcome === "SELECTED" && decision.wave.advanceSharePercent === null)).toEqual([]);
    const reviewers = await testDb.user.findMany({
      where: { staffRole: { in: ["REVIEWER", "REGIONAL_REVIEWER"] } },
      select: { displayName: true },
    });
    expect(reviewers.length).toBeGreaterThan(0);
    for (const decision of decisions) {
      const stored = await fileStorage().get(decision.letterKey!);
      expect(stored?.subarray(0, 5).toString()).toBe("%PDF-");
      const { bytes } = await readDecisionLetter(viewer, decision.applicationId);
      expect(bytes.equals(stored!)).toBe(true);
      const text = extractPdfText(bytes).join(" ").replace(/\s+/g, " ");
      expect(text).toContain(decision.letterHash!);
      expect(text).toContain(decision.outcome === "SELECTED" ? "Votre dossier est retenu." : "Votre dossier n'est pas retenu.");
      // The payments page's tranches are the letter's schedule: a grant of a wave that pays in
      // advance says so.
      if (decision.outcome === "SELECTED" && decision.wave.advanceSharePercent !== null) {
        const advance = decision.tranches.find((tranche) => tranche.kind === "ADVANCE")!;
        expect(plain(text)).toContain(
          plain(`Versement : une avance de ${formatEuros(advance.amountCents)} (${decision.wave.advanceSharePercent} %)`),
        );
      }
      expect(text).toContain("Note globale");
      // Its author, as the wave's manager set them (CRPA art. L. 212-1).
      expect(text).toContain("Pour l'Agence du Numérique en Santé, Anne Moreau Directrice générale de l'Agence du Numérique en Santé");
      for (const reviewer of reviewers) expect(text).not.toContain(reviewer.displayName);
    }
  });
});

describe("demo data: its dates and documents agree", () => {
  beforeAll(async () => {
    if ((await testDb.campaign.count()) === 0) await loadDemoData(testDb, new Date("2026-11-29T09:00:00Z"));
  }, 120_000);

  it("creates each wave and its grid before they open and the grid is frozen", async () => {
    const waves = await testDb.wave.findMany({
      select: { title: true, createdAt: true, opensAt: true, versions: { select: { number: true, createdAt: true, frozenAt: true } } },
    });
    for (const wave of waves) {
      expect(wave.createdAt <= wave.opensAt, wave.title).toBe(true);
      for (const version of wave.versions)
        expect(version.frozenAt === null || version.createdAt <= version.frozenAt, `${wave.title}, version ${version.number}`).toBe(true);
    }
  });

  it("releases each wave's earlier decisions together, after its closing, their staging and every review of their dossiers", async () => {
    const decisions = await testDb.decision.findMany({
      where: { releasedAt: { not: null } },
      select: {
        waveId: true,
        outcome: true,
        stagedAt: true,
        releasedAt: true,
        wave: { select: { title: true, closesAt: true } },
        application: {
          select: {
            number: true,
            transitions: { select: { toState: true, at: true } },
            assignments: { select: { review: { select: { submittedAt: true } } } },
          },
        },
      },
    });
    expect(decisions.length).toBeGreaterThan(0);
    for (const { wave, application, outcome, stagedAt, releasedAt, ...decision } of decisions) {
      const label = `${wave.title}, dossier ${application.number}`;
      expect(releasedAt! > wave.closesAt, label).toBe(true);
      expect(stagedAt <= releasedAt!, label).toBe(true);
      const reviews = application.assignments.flatMap((assignment) => assignment.review?.submittedAt ?? []);
      expect(reviews.length, label).toBeGreaterThan(0);
      expect(
        reviews.every((submittedAt) => submittedAt <= releasedAt!),
        label,
      ).toBe(true);
      // « Retenu » or « non retenu » at the release itself, and nothing moved after it.
      expect(application.transitions.find((transition) => transition.toState === outcome)?.at, label).toEqual(releasedAt);
      expect(
        application.transitions.every((transition) => transition.at <= releasedAt!),
        label,
      ).toBe(true);
      const together = decisions.filter((other) => other.waveId === decision.waveId).map((other) => other.releasedAt!.getTime());
      expect(new Set(together).size, wave.title).toBe(1);
    }
  });

  it("gives the waitlist a reason that speaks of the envelope only when the wave's grants take it all", async () => {
    const waitlisted = await testDb.decision.findMany({
      where: { outcome: "WAITLISTED", supersededAt: null },
      select: { reasons: true, wave: { select: { fundingEnvelopeCents: true } }, waveId: true },
    });
    expect(waitlisted.length).toBeGreaterThan(0);
    for (const decision of waitlisted) {
      const grants = await testDb.decision.aggregate({
        where: { waveId: decision.waveId, outcome: "SELECTED", supersededAt: null },
        _sum: { amountGrantedCents: true },
      });
      const spent = (grants._sum.amountGrantedCents ?? 0n) >= decision.wave.fundingEnvelopeCents;
      if (!spent) expect(decision.reasons).not.toMatch(/enveloppe/i);
    }
  });
});
