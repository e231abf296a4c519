import { beforeEach, describe, expect, it } from "vitest";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { establishmentWithDirector } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { deleteProfessional } from "./delete-professional";
import { professionalRecord } from "./professional-record.test-helpers";
import { toFormValues, ZProfessionalInput } from "./professional-schema";
import { createProfessional, updateProfessional } from "./save-professional";

const rpps = (index: number) => withRppsKey(String(2_000_000_000 + index));

/** A record created by mistake leaves the roster, its enrolments and the day's indicators, and the audit log keeps who it was. */
describe("deleting a professional's record", () => {
  beforeEach(resetDatabase);

  async function setup() {
    const { establishment, director: viewer } = await establishmentWithDirector(testDb);
    const add = async (index: number) => {
      const input = ZProfessionalInput.parse(
        toFormValues(
          professionalRecord({
            lastName: `NOM${index}`,
            rpps: rpps(index),
            enrollments: [{ type: "CPS", enrolledAt: new Date("2025-01-01T00:00:00Z"), expiresAt: null, revokedAt: null }],
          }),
        ),
      );
      const { id } = await createProfessional(viewer, { establishmentId: establishment.id, professional: input, ip: null });
      return { id, input };
    };
    return { establishment, viewer, add };
  }

  const todaysSnapshot = (establishmentId: string) =>
    testDb.indicatorSnapshot.findMany({ where: { establishmentId, reason: "CHANGE" }, select: { active: true, registered: true } });

  it("tells whoever saves a record deleted meanwhile that it was deleted, by whom and when, not that it does not exist", async () => {
    const { establishment, viewer, add } = await setup();
    const mistake = await add(1);
    await deleteProfessional(viewer, { establishmentId: establishment.id, professionalId: mistake.id, expectedVersion: 1, ip: null });
    const save = updateProfessional(viewer, {
      establishmentId: establishment.id,
      professionalId: mistake.id,
      expectedVersion: 1,
      professional: mistake.input,
      ip: null,
    });
    await expect(save).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(
        new RegExp(
          `^Cette fiche a été supprimée entre-temps par ${viewer.displayName}, le .+ : vos modifications ne sont pas enregistrées\\. La suppression est inscrite au journal d'audit ; vos saisies restent dans le formulaire\\.$`,
        ),
      ),
    });
    // Another establishment's record, deleted or not, stays unknown there.
    const other = await establishmentWithDirector(testDb);
    await expect(
      updateProfessional(other.director, {
        establishmentId: other.establishment.id,
        professionalId: mistake.id,
        expectedVersion: 1,
        professional: mistake.input,
        ip: null,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("deletes the record and its enrolments, refreshes the day's indicators and audits the person's name and RPPS", async () => {
    const { establishment, viewer, add } = await setup();
    const kept = await add(1);
    const mistake = await add(2);
    expect(await todaysSnapshot(establishment.id)).toEqual([{ active: 2, registered: 2 }]);

    await deleteProfessional(viewer, {
      establishmentId: establishment.id,
      professionalId: mistake.id,
      expectedVersion: 1,
      ip: "192.0.2.1",
    });

    expect(await testDb.professional.findMany({ select: { id: true } })).toEqual([{ id: kept.id }]);
    expect(await testDb.mieEnrollment.findMany({ select: { professionalId: true } })).toEqual([{ professionalId: kept.id }]);
    expect(await todaysSnapshot(establishment.id)).toEqual([{ active: 1, registered: 1 }]);
    const audit = await testDb.auditEvent.findFirst({
      where: { action: "roster.professional_deleted", targetId: mistake.id },
      select: { actorId: true, targetId: true, ip: true, details: true },
    });
    expect(audit).toEqual({
      actorId: viewer.userId,
      targetId: mistake.id,
      ip: "192.0.2.1",
      details: { establishmentId: establishment.id, name: "Léa NOM2", rpps: rpps(2) },
    });
  });

  it("refuses another establishment's director as if the record did not exist, and a stale or repeated deletion", async () => {
    const { establishment, viewer, add } = await setup();
    const { id, input } = await add(1);
    const { establishment: other, director: stranger } = await establishmentWithDirector(testDb);
    await expect(
      deleteProfessional(stranger, { establishmentId: establishment.id, professionalId: id, expectedVersion: 1, ip: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Nor through their own establishment's address.
    await expect(
      deleteProfessional(stranger, { establishmentId: other.id, professionalId: id, expectedVersion: 1, ip: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    await updateProfessional(viewer, {
      establishmentId: establishment.id,
      professionalId: id,
      expectedVersion: 1,
      professional: { ...input, firstName: "Léa-Rose" },
      ip: null,
    });
    await expect(
      deleteProfessional(viewer, { establishmentId: establishment.id, professionalId: id, expectedVersion: 1, ip: null }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await testDb.professional.count()).toBe(1);

    await deleteProfessional(viewer, { establishmentId: establishment.id, professionalId: id, expectedVersion: 2, ip: null });
    await expect(
      deleteProfessional(viewer, { establishmentId: establishment.id, professionalId: id, expectedVersion: 2, ip: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.auditEvent.count({ where: { action: "roster.professional_deleted", targetId: id } })).toBe(1);
  });
});
