import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Revokes a token of the programme (one's own, or a colleague's that leaked): its next call is a
 * 401. Revoking it again changes nothing and records nothing.
 */
export async function revokeApiToken(viewer: Viewer, tokenId: string, ip: string | null, now = new Date()) {
  const manager = requirePermission(viewer, "api-token:manage");
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, revokedAt: null },
      data: { revokedAt: now, revokedById: manager.userId },
    });
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { name: true, revokedAt: true } });
    if (!token) throw new AppError("NOT_FOUND");
    if (count === 1) {
      await recordAudit(tx, {
        actor: auditActor(manager),
        action: "api_token.revoked",
        target: { type: "ApiToken", id: tokenId },
        ip,
        details: { name: token.name },
      });
    }
    return { revokedAt: token.revokedAt! };
  });
}
