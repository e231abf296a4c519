import { randomUUID } from "node:crypto";
import type { Viewer } from "@/lib/access/viewer";
import type { Db } from "@/lib/db/client";
import type { AffiliationKind, MembershipRole, StaffRole } from "@/lib/db/generated/enums";

/** An address no other test uses: `prefix.1a2b3c4d@hospiconnect.test`. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}.${randomUUID().slice(0, 8)}@hospiconnect.test`;
}

export type UserOptions = {
  staffRole?: StaffRole;
  /** Makes the person a member of this establishment (as its director unless `membershipRole` says otherwise). */
  establishmentId?: string;
  membershipRole?: MembershipRole;
  name?: string;
  /** Regions of an ARS reviewer. */
  regions?: string[];
  affiliations?: Array<{ kind: AffiliationKind; reference: string; startsOn?: Date; endsOn?: Date | null }>;
};

/** A person, with the viewer the access policy sees when they are signed in. */
export async function createUser(db: Db, options: UserOptions = {}) {
  const email = uniqueEmail(options.staffRole?.toLowerCase().replace("_", "-") ?? "membre");
  const membershipRole = options.membershipRole ?? "DIRECTOR";
  const user = await db.user.create({
    data: {
      email,
      displayName: options.name ?? `Personne ${email.slice(0, 14)}`,
      staffRole: options.staffRole ?? null,
      memberships: options.establishmentId ? { create: { establishmentId: options.establishmentId, role: membershipRole } } : undefined,
      reviewerRegions: { create: (options.regions ?? []).map((regionCode) => ({ regionCode })) },
      affiliations: {
        create: (options.affiliations ?? []).map((affiliation) => ({
          kind: affiliation.kind,
          reference: affiliation.reference,
          startsOn: affiliation.startsOn ?? new Date("2015-01-01"),
          endsOn: affiliation.endsOn ?? null,
        })),
      },
    },
    select: { id: true, email: true, displayName: true },
  });
  const viewer: Viewer = {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    staffRole: options.staffRole ?? null,
    memberships: options.establishmentId ? [{ establishmentId: options.establishmentId, role: membershipRole }] : [],
    sessionId: randomUUID(),
    regionCodes: options.regions ?? [],
  };
  return { ...user, viewer };
}

export async function programmeManager(db: Db): Promise<Viewer> {
  return (await createUser(db, { staffRole: "PROGRAMME_MANAGER", name: "Claire Pilote" })).viewer;
}

export type ReviewerOptions = Pick<UserOptions, "regions" | "affiliations" | "name"> & {
  role?: Extract<StaffRole, "REVIEWER" | "REGIONAL_REVIEWER">;
};

/** An ANS reviewer, or an ARS one (`role: "REGIONAL_REVIEWER"`) for `regions`. */
export async function createReviewer(db: Db, options: ReviewerOptions = {}): Promise<Viewer> {
  return (await createUser(db, { ...options, staffRole: options.role ?? "REVIEWER" })).viewer;
}
