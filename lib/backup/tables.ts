import type pg from "pg";
import { REFERENCED_KEYS_SQL } from "@/lib/storage/referenced-keys";

/** The app's tables (schema `public`, the migration history aside), parents before children. */
export async function tablesInLoadOrder(client: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const { rows: links } = await client.query<{ child: string; parent: string }>(`
    SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid`);
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  const parents = new Map(tables.map((table) => [table.name, new Set<string>()]));
  for (const link of links) parents.get(unquote(link.child))?.add(unquote(link.parent));
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent, path);
    ordered.push(name);
  };
  for (const table of tables) visit(table.name, new Set());
  return ordered;
}

export type TableFingerprint = { rows: number; checksum: string };

/**
 * Row count and an order-independent checksum of every row's content, per table: what a restore
 * must reproduce exactly.
 */
export async function tableFingerprints(client: pg.ClientBase): Promise<Record<string, TableFingerprint>> {
  const fingerprints: Record<string, TableFingerprint> = {};
  for (const table of await tablesInLoadOrder(client)) {
    const { rows } = await client.query<{ rows: number; checksum: string }>(
      `SELECT count(*)::int AS rows, coalesce(md5(string_agg(h, '' ORDER BY h)), '') AS checksum
       FROM (SELECT md5(row_to_json(t)::text) AS h FROM "${table}" t) hashed`,
    );
    fingerprints[table] = rows[0]!;
  }
  return fingerprints;
}

/** Storage keys the database refers to (lib/storage/referenced-keys.ts), each once, in order. */
export async function referencedStorageKeys(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ key: string }>(`SELECT DISTINCT key FROM (${REFERENCED_KEYS_SQL}) referenced ORDER BY key`);
  return rows.map((row) => row.key);
}
