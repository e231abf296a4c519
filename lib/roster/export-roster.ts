/**
 * The establishment's whole roster as a file in the app's template (`export.ts`), which imports
 * back unchanged, followed by each professional's verdicts at today's Paris day, as the roster page
 * shows them. Everyone who may read the establishment may export it.
 *
 * Public API: `exportRoster`.
 */
import { authorizeEstablishment } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parisToday } from "./dates";
import { ESTABLISHMENT_CONTEXT_SELECT, toEstablishmentContext } from "./establishment-context";
import { rosterToCsv, rosterToXlsx } from "./export";
import { FILE_MIME_TYPES, type FileFormat } from "@/lib/export/file-format";

export async function exportRoster(
  viewer: Viewer,
  input: { establishmentId: string; format: FileFormat; ip: string | null },
): Promise<{ bytes: Uint8Array; fileName: string; mimeType: string }> {
  authorizeEstablishment(viewer, input.establishmentId, "read");
  const establishment = await db.establishment.findUnique({
    where: { id: input.establishmentId },
    select: { finessEt: true, ...ESTABLISHMENT_CONTEXT_SELECT },
  });
  if (!establishment) throw new AppError("NOT_FOUND");
  const records = await db.professional.findMany({
    where: { establishmentId: input.establishmentId },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    omit: { id: true, establishmentId: true, version: true, createdAt: true, updatedAt: true },
    include: {
      enrollments: { select: { type: true, enrolledAt: true, expiresAt: true, revokedAt: true }, orderBy: { enrolledAt: "asc" } },
    },
  });
  // One day for the verdicts and the file's name.
  const today = parisToday();
  const verdictsAt = { today, establishment: toEstablishmentContext(establishment) };
  const bytes = input.format === "csv" ? rosterToCsv(records, verdictsAt) : await rosterToXlsx(records, verdictsAt);
  // Personal data leaving the platform: who took it, and when.
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: "roster.exported",
    target: { type: "Establishment", id: input.establishmentId },
    ip: input.ip,
    details: { format: input.format, professionals: records.length },
  });
  return { bytes, fileName: `registre-${establishment.finessEt}-${today}.${input.format}`, mimeType: FILE_MIME_TYPES[input.format] };
}
