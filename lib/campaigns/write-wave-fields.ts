import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { STALE_WAVE_MESSAGE } from "./wave-data";

type Tx = Prisma.TransactionClient;

/** A setting of a wave as Prisma reads and writes it: a column's value, or a list kept in another table. */
export type WaveFieldValue = string | number | boolean | bigint | Date | null | string[];

/** A setting as the audit log keeps it (JSON): an instant in ISO 8601, a bigint as its digits, a list sorted. */
type AuditedValue = string | number | boolean | null | string[];

export type WaveFieldChanges = Record<string, { from: AuditedValue; to: AuditedValue }>;

function audited(value: WaveFieldValue): AuditedValue {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return Array.isArray(value) ? [...value].sort() : value;
}

/** A list is a set of choices: the same items in another order are no change. */
function same(a: AuditedValue, b: AuditedValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index]);
  return a === b;
}

/** A setting of the wave kept in another table (its eligible categories): compared and audited with the columns. */
export type LinkedWaveField<V extends WaveFieldValue> = {
  to: V;
  read: (tx: Tx) => Promise<V>;
  /** Writes `to`; called only when it differs from what `read` found, after the wave's row. */
  write: (tx: Tx) => Promise<void>;
};

type WriteOptions<Columns, Linked extends Record<string, WaveFieldValue>, After> = {
  expectedVersion: number;
  action: string;
  ip: string | null;
  linked?: { [K in keyof Linked]: LinkedWaveField<Linked[K]> };
  /** The use case's rules on the wave as stored, before anything is written; they refuse by throwing. Run even when nothing changed. */
  check?: (tx: Tx, stored: Columns & Linked) => Promise<void>;
  /** What the change entails beyond the wave, after its audit entry and in the same transaction; not run when nothing changed. */
  afterWrite?: (tx: Tx, changes: WaveFieldChanges) => Promise<After>;
};

/**
 * Writes the fields of a wave that one form sets (its settings, its review or decision settings,
 * the letters' signatory): only if the wave is still at the version the form was loaded with, and
 * only the fields that changed, audited under `action` with their before and after values. Nothing
 * changed, nothing written and the version kept. One transaction from the read to `afterWrite`, so
 * `check` judges the row that is written over.
 */
export async function writeWaveFields<
  Columns extends Record<string, WaveFieldValue>,
  Linked extends Record<string, WaveFieldValue> = Record<never, never>,
  After = undefined,
>(
  viewer: Viewer,
  waveId: string,
  next: Columns,
  { expectedVersion, action, ip, linked, check, afterWrite }: WriteOptions<Columns, Linked, After>,
): Promise<{ changed: string[]; version: number; after?: After }> {
  const select = Object.fromEntries([["version", true], ...Object.keys(next).map((field) => [field, true])]) as Prisma.WaveSelect;
  const linkedFields = Object.entries(linked ?? {}) as Array<[string, LinkedWaveField<WaveFieldValue>]>;
  return db.$transaction(async (tx) => {
    const wave = (await tx.wave.findUnique({ where: { id: waveId }, select })) as (Columns & { version: number }) | null;
    if (!wave) throw new AppError("NOT_FOUND");
    if (wave.version !== expectedVersion) throw new AppError("CONFLICT", STALE_WAVE_MESSAGE);
    const linkedStored = Object.fromEntries(await Promise.all(linkedFields.map(async ([field, { read }]) => [field, await read(tx)])));
    const stored: Record<string, WaveFieldValue> = { ...wave, ...linkedStored };
    await check?.(tx, stored as Columns & Linked);

    const wanted: Record<string, WaveFieldValue> = { ...next, ...Object.fromEntries(linkedFields.map(([field, { to }]) => [field, to])) };
    const changes: WaveFieldChanges = {};
    for (const [field, value] of Object.entries(wanted)) {
      const [from, to] = [audited(stored[field] as WaveFieldValue), audited(value)];
      if (!same(from, to)) changes[field] = { from, to };
    }
    if (Object.keys(changes).length === 0) return { changed: [], version: wave.version };

    const updated = await tx.wave.updateMany({
      where: { id: waveId, version: expectedVersion },
      data: { ...next, version: { increment: 1 } } as Prisma.WaveUpdateManyMutationInput,
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", STALE_WAVE_MESSAGE);
    for (const [field, { write }] of linkedFields) if (changes[field]) await write(tx);
    await recordAudit(tx, { actor: auditActor(viewer), action, target: { type: "Wave", id: waveId }, ip, details: { changes } });
    return {
      changed: Object.keys(changes),
      version: wave.version + 1,
      ...(afterWrite && { after: await afterWrite(tx, changes) }),
    };
  });
}
