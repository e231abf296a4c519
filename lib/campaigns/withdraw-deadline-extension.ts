import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { deadlineExtensionWithdrawnEmail } from "@/lib/notifications/deadline-extension-withdrawn";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { REACHABLE_MEMBERS } from "@/lib/notifications/recipients";
import { type ExtensionAudience, extensionAudience, pendingMemberInvitations } from "./extension-audience";
import { checkExtensionWithdrawal } from "./wave-rules";

/**
 * A programme manager withdraws an extension granted by mistake (the wrong establishment): the
 * establishment's deadline is the wave's closing again. Refused once its dossier was submitted
 * after the wave's closing (`checkExtensionWithdrawal`, ADR 0038). Audited with the date withdrawn
 * and the reason it had been granted for; the members are told by e-mail (`audience` says who).
 */
export async function withdrawDeadlineExtension(
  viewer: Viewer,
  input: { waveId: string; extensionId: string; ip: string | null },
  now = new Date(),
): Promise<{ audience: ExtensionAudience }> {
  requirePermission(viewer, "extension:grant");
  const extension = await db.deadlineExtension.findFirst({
    where: { id: input.extensionId, waveId: input.waveId },
    select: {
      id: true,
      closesAt: true,
      reason: true,
      wave: { select: { id: true, title: true, closesAt: true } },
      establishment: {
        select: {
          id: true,
          name: true,
          finessEt: true,
          memberships: REACHABLE_MEMBERS,
          invitations: pendingMemberInvitations(now),
          applications: {
            where: { waveId: input.waveId },
            select: { submissions: { orderBy: { receivedAt: "asc" }, take: 1, select: { receivedAt: true } } },
          },
        },
      },
    },
  });
  if (!extension) throw new AppError("NOT_FOUND");
  const { wave, establishment } = extension;
  const submittedAt = establishment.applications[0]?.submissions[0]?.receivedAt ?? null;
  const [issue] = checkExtensionWithdrawal({ establishment: establishment.name }, wave, submittedAt);
  if (issue) throw new AppError("INVALID_STATE", issue.message);

  await db.$transaction(async (tx) => {
    const removed = await tx.deadlineExtension.deleteMany({ where: { id: extension.id, closesAt: extension.closesAt } });
    if (removed.count !== 1)
      throw new AppError("CONFLICT", "Cette prolongation a été modifiée ou retirée entre-temps : rechargez la page.");
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "extension.withdrawn",
      target: { type: "DeadlineExtension", id: extension.id },
      ip: input.ip,
      details: {
        waveId: wave.id,
        establishmentId: establishment.id,
        finessEt: establishment.finessEt,
        previousClosesAt: extension.closesAt.toISOString(),
        waveClosesAt: wave.closesAt.toISOString(),
        // Why the extension was granted, not why it is withdrawn (a mistake, ADR 0038): named apart.
        grantReason: extension.reason,
      },
    });
    const message = deadlineExtensionWithdrawnEmail({
      establishment: establishment.name,
      establishmentId: establishment.id,
      wave: wave.title,
      previousClosesAt: extension.closesAt,
      waveClosesAt: wave.closesAt,
      submittedAt,
      now,
    });
    for (const { user } of establishment.memberships) {
      await enqueueEmail(tx, { dedupeKey: `extension-withdrawn:${extension.id}:${user.id}`, to: user.email, ...message });
    }
  });
  requestDelivery();
  return { audience: extensionAudience(establishment) };
}
