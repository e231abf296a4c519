import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * The actions the audit log records. Append-only in the database (a trigger refuses changes);
 * written in the same transaction as the change it records.
 */
export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_out"
  | "auth.sessions_revoked"
  | "auth.session_closed"
  | "credential.registered"
  | "credential.renamed"
  | "credential.revoked"
  | "credential.clone_suspected"
  | "invitation.created"
  | "invitation.accepted"
  | "invitation.refused"
  | "role.changed"
  | "user.disabled"
  | "user.enabled"
  | "access.denied"
  | "demo.loaded"
  | (string & {});

export type AuditActor = { id: string | null; label: string };

export const SYSTEM_ACTOR: AuditActor = { id: null, label: "système" };

export type AuditEntry = {
  actor: AuditActor;
  action: AuditAction;
  target?: { type: string; id: string };
  ip?: string | null;
  details?: Prisma.InputJsonObject;
};

type Writer = Pick<Db, "auditEvent">;

export async function recordAudit(client: Writer, entry: AuditEntry): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      ip: entry.ip ?? null,
      details: entry.details ?? {},
    },
  });
}
