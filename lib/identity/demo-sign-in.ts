import { isDemoMode } from "@/lib/config/env";
import type { Db } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { hashToken, newToken } from "./tokens";

const LINK_TTL_MS = 24 * 3_600_000;

export type DemoSignInLink = { role: string; name: string; email: string; link: string };

/**
 * One-time sign-in links for the demo roles, printed by `npm start` on the embedded database so a
 * newcomer reaches each role in a minute. Refused outside demo mode (see consumeDemoSignInLink).
 */
export async function createDemoSignInLinks(client: Db, appUrl: string): Promise<DemoSignInLink[]> {
  const manager = await client.user.findFirst({ where: { staffRole: "PROGRAMME_MANAGER" }, orderBy: { createdAt: "asc" } });
  const reviewer = await client.user.findFirst({ where: { staffRole: "REVIEWER" }, orderBy: { email: "asc" } });
  const regionalReviewer = await client.user.findFirst({ where: { staffRole: "REGIONAL_REVIEWER" }, orderBy: { email: "asc" } });
  // The director whose draft dossier is still open (the demo grants an extension).
  const extension = await client.deadlineExtension.findFirst({ orderBy: { createdAt: "asc" }, select: { establishmentId: true } });
  const director = await client.user.findFirst({
    where: { memberships: { some: { role: "DIRECTOR", ...(extension ? { establishmentId: extension.establishmentId } : {}) } } },
    orderBy: { createdAt: "asc" },
  });
  const roles = [
    ["Direction d'établissement", director],
    ["Instruction (ANS)", reviewer],
    ["Instruction régionale (ARS)", regionalReviewer],
    ["Pilotage du programme (ANS)", manager],
  ] as const;

  const links: DemoSignInLink[] = [];
  for (const [role, user] of roles) {
    if (!user) continue;
    const token = newToken();
    await client.signInLink.create({
      data: { tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + LINK_TTL_MS) },
    });
    links.push({ role, name: user.displayName, email: user.email, link: new URL(`/connexion/demo/${token}`, appUrl).toString() });
  }
  return links;
}

/** The user a demo link signs in, consuming the link; null outside demo mode or for a used, expired or unknown link. */
export async function consumeDemoSignInLink(token: string, now = new Date()): Promise<string | null> {
  if (!isDemoMode()) return null;
  const tokenHash = hashToken(token);
  const claimed = await db.signInLink.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) return null;
  const link = await db.signInLink.findUnique({ where: { tokenHash }, select: { user: { select: { id: true, disabledAt: true } } } });
  return link && !link.user.disabledAt ? link.user.id : null;
}

/** Who a demo link is for, to show on its page before signing in (no state changes on GET). */
export async function describeDemoSignInLink(token: string) {
  if (!isDemoMode()) return null;
  const link = await db.signInLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { displayName: true, email: true, staffRole: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= new Date()) return null;
  return link.user;
}
