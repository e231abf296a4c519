import { authorizeEstablishment } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { evaluateProfessional, type ProfessionalCompliance } from "./compliance";
import { parisToday } from "./dates";
import { ESTABLISHMENT_CONTEXT_SELECT, toEstablishmentContext } from "./establishment-context";
import type { ProfessionalRecord } from "./template/columns";

/** One professional's record, with their verdict today, for their page. */
export async function getProfessional(
  viewer: Viewer,
  input: { establishmentId: string; professionalId: string },
): Promise<{ record: ProfessionalRecord; version: number; compliance: ProfessionalCompliance; today: string; establishmentName: string }> {
  authorizeEstablishment(viewer, input.establishmentId, "read");
  const professional = await db.professional.findFirst({
    where: { id: input.professionalId, establishmentId: input.establishmentId },
    omit: { establishmentId: true, createdAt: true, updatedAt: true },
    include: {
      enrollments: { select: { type: true, enrolledAt: true, expiresAt: true, revokedAt: true }, orderBy: { enrolledAt: "asc" } },
      establishment: { select: { ...ESTABLISHMENT_CONTEXT_SELECT, name: true } },
    },
  });
  if (!professional) throw new AppError("NOT_FOUND");
  const { id: _id, version, establishment, ...record } = professional;
  const today = parisToday();
  const compliance = evaluateProfessional(professional, toEstablishmentContext(establishment), today);
  return { record, version, compliance, today, establishmentName: establishment.name };
}
