import { ZPageFilter } from "@/lib/http/list-filters";
import { z } from "zod";
import { verificationTiersOf } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { verificationsToCheckBy } from "@/lib/access/visibility";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { isVerificationOverdue } from "./verification-rules";

export const VERIFICATION_QUEUE_PAGE_SIZE = 50;

/** The queue's query string; anything malformed falls back to the first page. */
export const ZVerificationQueueQuery = z.object({ page: ZPageFilter.default(1) });

/** The tiers whose declarations the viewer verifies; the queue does not exist for anyone else. */
export function verificationQueueTiers(viewer: Viewer) {
  const tiers = verificationTiersOf(viewer);
  if (tiers.length === 0) throw new AppError("NOT_FOUND");
  return tiers;
}

/**
 * The declarations of results waiting for the viewer's tiers (the ARS's in their regions, the
 * ANS's everywhere), the earliest due first, so what is overdue leads. Scoped in the query.
 */
export async function listVerificationQueue(viewer: Viewer, query: z.output<typeof ZVerificationQueueQuery>, now = new Date()) {
  const tiers = verificationQueueTiers(viewer);
  const where = verificationsToCheckBy(viewer);
  const [total, rows] = await Promise.all([
    db.resultVerification.count({ where }),
    db.resultVerification.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * VERIFICATION_QUEUE_PAGE_SIZE,
      take: VERIFICATION_QUEUE_PAGE_SIZE,
      select: {
        state: true,
        dueAt: true,
        declaration: {
          select: {
            declaredAt: true,
            application: {
              select: {
                id: true,
                projectTitle: true,
                establishment: { select: { name: true, regionCode: true } },
                wave: { select: { title: true } },
              },
            },
          },
        },
      },
    }),
  ]);
  return {
    tiers,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / VERIFICATION_QUEUE_PAGE_SIZE)),
    items: rows.map((row) => ({
      applicationId: row.declaration.application.id,
      establishment: row.declaration.application.establishment.name,
      regionCode: row.declaration.application.establishment.regionCode,
      projectTitle: row.declaration.application.projectTitle,
      wave: row.declaration.application.wave.title,
      state: row.state,
      declaredAt: row.declaration.declaredAt,
      dueAt: row.dueAt,
      overdue: isVerificationOverdue(row.dueAt, now),
    })),
  };
}
