import { expect } from "vitest";
import type { Db } from "@/lib/db/client";

/**
 * What a fault drill asks of each dossier it submitted: either SUBMITTED with one submission and
 * one transition, or still a DRAFT with neither — never part of a submission.
 */
export async function expectSubmissionsWhole(db: Db, applicationIds: readonly string[]): Promise<void> {
  for (const id of applicationIds) {
    const row = await db.application.findUniqueOrThrow({
      where: { id },
      select: { state: true, _count: { select: { submissions: true, transitions: true } } },
    });
    expect([row.state, row._count.submissions, row._count.transitions]).toEqual(
      row.state === "SUBMITTED" ? ["SUBMITTED", 1, 1] : ["DRAFT", 0, 0],
    );
  }
}
