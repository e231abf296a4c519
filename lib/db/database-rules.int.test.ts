import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";

/** The absolute rules held by the database itself, whatever code writes to it. */
describe("database rules", () => {
  beforeEach(resetDatabase);

  const establishment = (overrides: Record<string, unknown> = {}) =>
    testDb.establishment.create({
      data: {
        name: "EHPAD Les Tilleuls",
        finessEt: "750712184",
        finessEj: "690781810",
        categoryCode: "500",
        regionCode: "75",
        departmentCode: "79",
        city: "Bressuire",
        headcount: 40,
        ...overrides,
      },
    });

  it("keeps the audit log append-only: no update, no delete, no truncate", async () => {
    const event = await testDb.auditEvent.create({ data: { actorLabel: "test", action: "test.append" } });
    await expect(testDb.auditEvent.update({ where: { id: event.id }, data: { action: "changed" } })).rejects.toThrow(/append-only/);
    await expect(testDb.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(testDb.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await testDb.auditEvent.findUnique({ where: { id: event.id }, select: { action: true } })).toEqual({ action: "test.append" });
  });

  it("refuses a malformed FINESS, a negative headcount and an unknown category", async () => {
    await expect(establishment({ finessEt: "75071218X" })).rejects.toThrow(/Establishment_finessEt_format/);
    await expect(establishment({ headcount: -1 })).rejects.toThrow(/Establishment_headcount_positive/);
    await expect(establishment({ categoryCode: "999" })).rejects.toThrow();
    expect(await testDb.establishment.count()).toBe(0);
  });

  it("refuses a professional marked registered without an RPPS number, or ending before starting", async () => {
    const { id } = await establishment();
    const professional = {
      establishmentId: id,
      lastName: "MARTIN",
      firstName: "Claire",
      population: "SALARIED" as const,
      professionCode: "60",
      activityStart: new Date("2024-01-01"),
    };
    await expect(testDb.professional.create({ data: { ...professional, rppsStatus: "REGISTERED" } })).rejects.toThrow(
      /Professional_registered_has_rpps/,
    );
    await expect(testDb.professional.create({ data: { ...professional, activityEnd: new Date("2023-12-31") } })).rejects.toThrow(
      /Professional_activity_order/,
    );
    await expect(
      testDb.professional.create({ data: { ...professional, rpps: "10000000009", rppsStatus: "REGISTERED" } }),
    ).resolves.toBeTruthy();
  });

  it("keeps a dossier on a version of its own wave", async () => {
    const { id: establishmentId } = await establishment();
    const campaign = await testDb.campaign.create({ data: { slug: "c", title: "C", description: "" } });
    const wave = (year: number) =>
      testDb.wave.create({
        data: {
          campaignId: campaign.id,
          kind: "GENERALISATION",
          title: `Vague ${year}`,
          year,
          opensAt: new Date(`${year}-01-01`),
          closesAt: new Date(`${year}-06-01`),
          fundingEnvelopeCents: 0n,
          versions: { create: { number: 1 } },
        },
        include: { versions: true },
      });
    const [first, second] = [await wave(2025), await wave(2026)];
    await expect(
      testDb.application.create({ data: { establishmentId, waveId: first.id, waveVersionId: second.versions[0]!.id } }),
    ).rejects.toThrow();
    await expect(
      testDb.application.create({ data: { establishmentId, waveId: first.id, waveVersionId: first.versions[0]!.id } }),
    ).resolves.toBeTruthy();
  });

  it("keeps every score within its criterion's scale", async () => {
    const { id: establishmentId } = await establishment();
    const campaign = await testDb.campaign.create({ data: { slug: "s", title: "S", description: "" } });
    const wave = await testDb.wave.create({
      data: {
        campaignId: campaign.id,
        kind: "PILOT",
        title: "Pilote",
        year: 2024,
        opensAt: new Date("2024-01-01"),
        closesAt: new Date("2024-06-01"),
        fundingEnvelopeCents: 0n,
        versions: {
          create: {
            number: 1,
            criteria: { create: { code: "C1", label: "C1", description: "", weight: 10, scaleMax: 5, required: true, position: 0 } },
          },
        },
      },
      include: { versions: { include: { criteria: true } } },
    });
    const version = wave.versions[0]!;
    const reviewer = await testDb.user.create({ data: { email: "r@example.test", displayName: "R", staffRole: "REVIEWER" } });
    const application = await testDb.application.create({ data: { establishmentId, waveId: wave.id, waveVersionId: version.id } });
    const review = await testDb.review.create({
      data: { assignment: { create: { applicationId: application.id, reviewerId: reviewer.id } } },
    });
    const criterionId = version.criteria[0]!.id;
    await expect(testDb.score.create({ data: { reviewId: review.id, criterionId, value: 6 } })).rejects.toThrow(/outside the scale/);
    await expect(testDb.score.create({ data: { reviewId: review.id, criterionId, value: 5 } })).resolves.toBeTruthy();
  });
});
