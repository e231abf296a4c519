import { requirePermission } from "@/lib/access/policy";
import { REACHABLE_MEMBERS } from "@/lib/notifications/recipients";
import { pendingMemberInvitations } from "./extension-audience";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { targetObjectives } from "@/lib/follow-up/target-rules";
import { CRITERION_OBJECTIVE_CODES, objectiveCodesOf } from "./criterion-objectives";
import { WAVE_SETTINGS_SELECT } from "./wave-settings-select";

const OBJECTIVE_FIELDS = { code: true, title: true, description: true, required: true } as const;
const CRITERION_FIELDS = {
  code: true,
  label: true,
  description: true,
  weight: true,
  scaleMin: true,
  scaleMax: true,
  required: true,
  ...CRITERION_OBJECTIVE_CODES,
} as const;

/**
 * A wave as its programme managers configure it: settings, eligible categories, the current
 * version of objectives and grid (with what a change would do), the history of versions with the
 * dossiers each holds, the objectives of every version (those a follow-up target may name) and the
 * extensions granted, with when each establishment's dossier was submitted.
 */
export async function getWaveConfiguration(viewer: Viewer, waveId: string) {
  requirePermission(viewer, "programme:configure");
  const wave = await db.wave.findUnique({
    where: { id: waveId },
    select: {
      id: true,
      ...WAVE_SETTINGS_SELECT,
      version: true,
      advanceSharePercent: true,
      objectiveTargets: {
        orderBy: [{ objectiveCode: "asc" }, { indicator: "asc" }],
        select: { objectiveCode: true, indicator: true, thresholdPercent: true, dueDate: true },
      },
      campaign: { select: { id: true, title: true } },
      eligibleCategories: { select: { categoryCode: true } },
      versions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          createdAt: true,
          frozenAt: true,
          createdBy: { select: { displayName: true } },
          _count: { select: { applications: true } },
        },
      },
      extensions: {
        orderBy: { closesAt: "asc" },
        select: {
          id: true,
          closesAt: true,
          reason: true,
          createdAt: true,
          establishment: {
            select: {
              id: true,
              name: true,
              finessEt: true,
              // Who the withdrawal's confirmation says will be told (ADR 0038): the members, or nobody yet.
              memberships: REACHABLE_MEMBERS,
              invitations: pendingMemberInvitations(new Date()),
              // Whether the extension may be withdrawn (checkExtensionWithdrawal): when its dossier was submitted.
              applications: {
                where: { waveId },
                select: { submissions: { orderBy: { receivedAt: "asc" }, take: 1, select: { receivedAt: true } } },
              },
            },
          },
          grantedBy: { select: { displayName: true } },
        },
      },
    },
  });
  const current = wave?.versions[0];
  if (!wave || !current) throw new AppError("NOT_FOUND");
  const grid = await db.waveVersion.findUniqueOrThrow({
    where: { id: current.id },
    select: {
      objectives: { orderBy: { position: "asc" }, select: OBJECTIVE_FIELDS },
      criteria: { orderBy: { position: "asc" }, select: CRITERION_FIELDS },
    },
  });
  // Targets may name an objective of any version (ADR 0018): the follow-up form lists them all.
  const versionObjectives = await db.objective.findMany({
    where: { waveVersion: { waveId } },
    select: { code: true, title: true, position: true, waveVersion: { select: { number: true } } },
  });
  const criteria = grid.criteria.map(({ objectives: _links, ...criterion }) => ({
    ...criterion,
    objectiveCodes: objectiveCodesOf({ objectives: _links }),
  }));
  return {
    ...wave,
    eligibleCategoryCodes: wave.eligibleCategories.map((row) => row.categoryCode),
    currentVersion: { ...current, objectives: grid.objectives, criteria },
    targetObjectives: targetObjectives(versionObjectives.map(({ waveVersion, ...row }) => ({ ...row, versionNumber: waveVersion.number }))),
  };
}

export type WaveConfiguration = Awaited<ReturnType<typeof getWaveConfiguration>>;
