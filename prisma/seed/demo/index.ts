import { rebuildRolloutFigures } from "@/lib/dashboard/refresh-rollout-figures";
import type { Db } from "@/lib/db/client";
import { type FileStorage, fileStorage } from "@/lib/storage";
import { seedApplications } from "./applications";
import { seedDecisions, storeReleasedLetters } from "./decisions";
import { seedFollowUp } from "./follow-up";
import { seedIndicatorHistory } from "./history";
import { seedPayments } from "./payments";
import { seedEstablishments, seedPeople } from "./people";
import { restartDemoRandom } from "./random";
import { seedProgramme } from "./programme";
import { seedReview } from "./review";
import { demoRoster } from "./roster";

/** True once demo data (or any real campaign) is present: the demo is never loaded twice. */
export async function hasCampaigns(db: Db): Promise<boolean> {
  return (await db.campaign.count()) > 0;
}

/**
 * Loads the demo data set: both waves, 40 establishments, ~2,000 professionals, dossiers in every
 * state. The documents the dossiers show (decision letters, declarations of results) go to
 * `storage`, the app's configured one unless told.
 */
export async function loadDemoData(
  db: Db,
  now = new Date(),
  storage: FileStorage = fileStorage(),
): Promise<{ establishments: number; professionals: number }> {
  restartDemoRandom();
  const categories = await db.establishmentCategory.findMany({ select: { code: true } });
  const programme = await seedProgramme(
    db,
    categories.map((category) => category.code),
  );
  const establishments = await seedEstablishments(db);
  const people = await seedPeople(db, establishments);

  let professionals = 0;
  for (const establishment of establishments) {
    const roster = demoRoster(establishment, establishment.id, establishment.localMie);
    await db.professional.createMany({ data: roster.professionals });
    await db.mieEnrollment.createMany({ data: roster.enrollments });
    professionals += roster.professionals.length;
  }

  await seedIndicatorHistory(
    db,
    establishments.map((establishment) => establishment.id),
    now,
  );
  await rebuildRolloutFigures(now, db);
  await seedApplications(db, establishments, programme, people, now);
  await seedReview(db, programme, people.managerId, people.reviewerIds, now);
  await seedDecisions(db, programme, people.managerId);
  await storeReleasedLetters(db, storage);
  await seedPayments(db, programme, people.managerId, now);
  await seedFollowUp(
    db,
    { PILOT: programme.PILOT.waveId, GENERALISATION: programme.GENERALISATION.waveId },
    people.managerId,
    now,
    storage,
  );
  await db.auditEvent.create({
    data: { actorLabel: "système", action: "demo.loaded", details: { establishments: establishments.length, professionals } },
  });
  return { establishments: establishments.length, professionals };
}
