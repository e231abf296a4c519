import { authorizeApplication } from "@/lib/access/policy";
import { auditActor, isMemberOf, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { type IncomingFile, withStoredFiles } from "@/lib/attachments/store-file";
import { TOO_MANY_FILES } from "@/lib/attachments/file-size-check";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { messagePostedEmail } from "@/lib/notifications/message-posted";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { loadDossierFacts } from "./dossier-facts";
import { checkedMessageBody } from "./message-body";
import { REACHABLE_MANAGERS, REACHABLE_MEMBERS } from "@/lib/notifications/recipients";
import { nameWithSide } from "@/lib/identity/staff-role-labels";

/**
 * A message in the dossier's thread between the ANS and the establishment, with files, and an
 * e-mail to the other side (the establishment's members, or the programme managers).
 */
export async function postMessage(
  viewer: Viewer,
  input: { applicationId: string; body: string; files: IncomingFile[]; ip?: string | null },
) {
  const facts = await loadDossierFacts(db, input.applicationId);
  authorizeApplication(viewer, facts, "message");
  const body = checkedMessageBody(input.body);
  if (input.files.length > UPLOAD_LIMITS.messageFiles) {
    const message = TOO_MANY_FILES.message(UPLOAD_LIMITS.messageFiles);
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { files: [message] } });
  }
  const fromEstablishment = isMemberOf(viewer, facts.establishmentId);
  const posted = await withStoredFiles(input.files, "files", (storedFiles) =>
    db.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          applicationId: facts.id,
          authorId: viewer.userId,
          body,
          attachments: {
            create: storedFiles.map((file) => ({ applicationId: facts.id, ...file, uploadedById: viewer.userId })),
          },
        },
        select: { id: true, createdAt: true },
      });
      // The message's id and how many files it carries: its words stay in the thread, out of a log
      // that can be neither corrected nor erased (ADR 0039).
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "application.message_posted",
        target: { type: "Application", id: facts.id },
        ip: input.ip ?? null,
        details: { messageId: message.id, files: storedFiles.length },
      });
      const establishment = await tx.establishment.findUniqueOrThrow({
        where: { id: facts.establishmentId },
        select: { name: true, memberships: REACHABLE_MEMBERS },
      });
      const recipients = fromEstablishment
        ? (await tx.user.findMany(REACHABLE_MANAGERS)).map((user) => user.email)
        : establishment.memberships.map((membership) => membership.user.email);
      const email = messagePostedEmail({
        author: nameWithSide(viewer.displayName, viewer.staffRole),
        establishment: establishment.name,
        applicationId: facts.id,
        body,
      });
      for (const to of recipients) await enqueueEmail(tx, { dedupeKey: `message:${message.id}:${to}`, to, ...email });
      return message;
    }),
  );
  requestDelivery();
  return posted;
}
