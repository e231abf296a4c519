import { type Permission, requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * The title of a wave, for the title of one of its management pages (assignment, decisions,
 * payments), whose board is read with its filters: asked with the permission of that page.
 */
export async function getWaveHeading(viewer: Viewer, waveId: string, permission: Permission) {
  requirePermission(viewer, permission);
  const wave = await db.wave.findUnique({ where: { id: waveId }, select: { id: true, title: true } });
  if (!wave) throw new AppError("NOT_FOUND");
  return wave;
}
