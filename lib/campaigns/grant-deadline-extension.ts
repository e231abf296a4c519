import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { deadlineExtendedEmail } from "@/lib/notifications/deadline-extended";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { parisDateTime } from "@/lib/time/paris";
import type { TDeadlineExtensionInput } from "./schemas";
import { checkExtension, checkExtensionGrant, shortensExtension, shorteningNotice } from "./wave-rules";
import { REACHABLE_MEMBERS } from "@/lib/notifications/recipients";
import { type ExtensionAudience, extensionAudience, pendingMemberInvitations } from "./extension-audience";

function refuse(field: string, message: string): never {
  throw new AppError("INVALID_INPUT", message, { fieldErrors: { [field]: [message] } });
}

/**
 * A programme manager gives one establishment a later closing time on a wave (an incident, a
 * late-arriving document…). Granting again replaces the date; an earlier date than the one granted
 * brings the deadline forward, and only once the manager has confirmed it (`confirmShortening`,
 * ADR 0038). Refused to an establishment whose dossier was deposited or withdrawn: it can never be
 * deposited again (`checkExtensionGrant`). Every grant is audited with the previous date, and the
 * establishment's members are told by e-mail, in words that say whether they got more time or less;
 * the answer says who was told (`audience`: none when the establishment has no member yet).
 */
export async function grantDeadlineExtension(
  viewer: Viewer,
  waveId: string,
  input: TDeadlineExtensionInput,
  ip: string | null = null,
  now = new Date(),
): Promise<{ extensionId: string; shortened: boolean; closesAt: Date; audience: ExtensionAudience }> {
  requirePermission(viewer, "extension:grant");
  const wave = await db.wave.findUnique({
    where: { id: waveId },
    select: { id: true, title: true, closesAt: true, eligibleCategories: { select: { categoryCode: true } } },
  });
  if (!wave) throw new AppError("NOT_FOUND");
  const establishment = await db.establishment.findUnique({
    where: { finessEt: input.finessEt },
    select: {
      id: true,
      name: true,
      categoryCode: true,
      memberships: REACHABLE_MEMBERS,
      invitations: pendingMemberInvitations(now),
      applications: {
        where: { waveId },
        select: { state: true, submissions: { orderBy: { receivedAt: "asc" }, take: 1, select: { receivedAt: true } } },
      },
    },
  });
  if (!establishment) refuse("finessEt", "Aucun établissement inscrit n'a ce FINESS.");
  if (!wave.eligibleCategories.some((row) => row.categoryCode === establishment.categoryCode)) {
    refuse(
      "finessEt",
      `« ${establishment.name} » n'est pas d'une catégorie éligible à cette vague : une prolongation ne lui servirait pas.`,
    );
  }
  const [dossier] = establishment.applications;
  const [deposited] = checkExtensionGrant(
    establishment.name,
    dossier ? { state: dossier.state, submittedAt: dossier.submissions[0]?.receivedAt ?? null } : null,
  );
  if (deposited) refuse("finessEt", deposited.message);
  const closesAt = parisDateTime(input.newClosesAt);
  const [issue] = checkExtension({ closesAt }, wave, now);
  if (issue) refuse("newClosesAt", issue.message);

  const { extension, shortened } = await db.$transaction(async (tx) => {
    const previous = await tx.deadlineExtension.findUnique({
      where: { waveId_establishmentId: { waveId: wave.id, establishmentId: establishment.id } },
      select: { closesAt: true },
    });
    const shortened = shortensExtension(previous, { closesAt });
    if (previous && shortened && input.confirmShortening !== true) {
      refuse(
        "confirmShortening",
        `${shorteningNotice(establishment.name, previous.closesAt, closesAt)} Cochez la case de confirmation pour l'enregistrer.`,
      );
    }
    const granted = await tx.deadlineExtension.upsert({
      where: { waveId_establishmentId: { waveId: wave.id, establishmentId: establishment.id } },
      create: { waveId: wave.id, establishmentId: establishment.id, closesAt, reason: input.reason, grantedById: viewer.userId },
      update: { closesAt, reason: input.reason, grantedById: viewer.userId },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: shortened ? "extension.shortened" : "extension.granted",
      target: { type: "DeadlineExtension", id: granted.id },
      ip,
      details: {
        waveId: wave.id,
        establishmentId: establishment.id,
        finessEt: input.finessEt,
        closesAt: closesAt.toISOString(),
        previousClosesAt: previous?.closesAt.toISOString() ?? null,
        shortened,
        reason: input.reason,
      },
    });
    const message = deadlineExtendedEmail({
      establishment: establishment.name,
      establishmentId: establishment.id,
      wave: wave.title,
      closesAt,
      previousClosesAt: previous?.closesAt ?? null,
      reason: input.reason,
    });
    for (const { user } of establishment.memberships) {
      await enqueueEmail(tx, {
        // A new date is news again, and so is a date granted before then moved: the key has both.
        dedupeKey: `extension:${granted.id}:${previous?.closesAt.toISOString() ?? "none"}:${closesAt.toISOString()}:${user.id}`,
        to: user.email,
        ...message,
      });
    }
    return { extension: granted, shortened };
  });
  requestDelivery();
  return { extensionId: extension.id, shortened, closesAt, audience: extensionAudience(establishment) };
}
