import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { recordAudit } from "@/lib/audit/record-audit";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { clientIp } from "./client-info";

/**
 * For pages: runs a load that asks the access policy; a refusal is audited and answered with the
 * 404 page, which does not tell a hidden resource from a missing one.
 */
export async function guardPage<T>(viewer: Viewer, path: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
      await recordAudit(db, {
        actor: auditActor(viewer),
        action: "access.denied",
        ip: clientIp(await headers()),
        details: { method: "GET", path, code: error.code },
      });
      notFound();
    }
    throw error;
  }
}
