import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import type { ApiTokenRef } from "./authenticate-api-token";

/** A token's « last use » is kept to the minute: the audit log has every call to the millisecond. */
const LAST_USE_PRECISION_MS = 60_000;

export type ApiCall = {
  /** The stored token the call carried, if any (refused ones too: expired, revoked…). */
  token: ApiTokenRef | null;
  /** Whether the token opened the API: only then is it « used ». */
  authenticated: boolean;
  method: string;
  url: URL;
  status: number;
  ip: string | null;
  durationMs: number;
};

/**
 * One audit entry per call of the public API, refused ones included, and the token's last use, in
 * one transaction. The route answers only once this is written: no call leaves unrecorded.
 */
export async function recordApiCall(call: ApiCall, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actor: call.token ? { id: call.token.ownerId, label: call.token.ownerEmail } : { id: null, label: "anonyme" },
      action: "api.called",
      target: call.token ? { type: "ApiToken", id: call.token.id } : undefined,
      ip: call.ip,
      details: {
        method: call.method,
        path: call.url.pathname,
        query: call.url.search,
        status: call.status,
        durationMs: Math.round(call.durationMs),
      },
    });
    if (call.token && call.authenticated) {
      await tx.apiToken.updateMany({
        where: {
          id: call.token.id,
          OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USE_PRECISION_MS) } }],
        },
        data: { lastUsedAt: now },
      });
    }
  });
}
