import pg from "pg";

/**
 * A comparable description of a database's structure (tables, columns, enums, indexes and
 * constraints), read from PostgreSQL's catalog. The drift test builds one database from the
 * migrations and one from prisma/schema.prisma and compares the two.
 */
export type SchemaCatalog = {
  columns: string[];
  enums: string[];
  indexes: string[];
  constraints: string[];
  /** Rules only migrations can hold: CHECK constraints, triggers, functions, collations, generated columns. */
  handWritten: string[];
};

const IGNORED_TABLES = new Set(["_prisma_migrations"]);

export async function readSchemaCatalog(connectionString: string): Promise<SchemaCatalog> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const rows = async (sql: string) => (await client.query(sql)).rows as Record<string, string>[];
    const keep = (table: string) => !IGNORED_TABLES.has(table);

    const columns = (
      await rows(`SELECT table_name, column_name, data_type, udt_name, is_nullable,
                         coalesce(column_default, '') AS column_default,
                         coalesce(character_maximum_length::text, '') AS length
                  FROM information_schema.columns WHERE table_schema = current_schema()`)
    )
      .filter((row) => keep(row.table_name!))
      .map(
        (row) =>
          `${row.table_name}.${row.column_name} ${row.data_type}/${row.udt_name}(${row.length}) null=${row.is_nullable} default=${row.column_default}`,
      );

    const enums = (
      await rows(`SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
                  FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
                  JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema()
                  GROUP BY t.typname`)
    ).map((row) => `${row.typname}: ${row.labels}`);

    const indexes = (await rows(`SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = current_schema()`))
      .filter((row) => keep(row.tablename!))
      .map((row) => row.indexdef!.replaceAll(/\b\w+\."/g, '"'));

    const constraintRows = await rows(`
      SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype::text AS kind, pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = current_schema() AND c.conrelid <> 0`);
    const describe = (row: Record<string, string>) => `${row.table_name} ${row.conname}: ${row.definition}`;
    const constraints = constraintRows.filter((row) => row.kind !== "c" && keep(row.table_name!.replaceAll('"', ""))).map(describe);

    const triggers = (
      await rows(`SELECT event_object_table AS table_name, trigger_name, event_manipulation
                  FROM information_schema.triggers WHERE trigger_schema = current_schema()`)
    ).map((row) => `trigger ${row.table_name}.${row.trigger_name} on ${row.event_manipulation}`);
    const functions = (
      await rows(`SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                  WHERE n.nspname = current_schema()`)
    ).map((row) => `function ${row.proname}`);
    const checks = constraintRows.filter((row) => row.kind === "c").map(describe);
    // Prisma's schema has no collations: a column's, when set, is written by hand in a migration.
    const collations = (
      await rows(`SELECT table_name, column_name, collation_name FROM information_schema.columns
                  WHERE table_schema = current_schema() AND collation_name IS NOT NULL`)
    ).map((row) => `collation ${row.table_name}.${row.column_name} ${row.collation_name}`);

    // Nor generated columns: Prisma knows them as plain columns, a migration says what they hold.
    const generated = (
      await rows(`SELECT table_name, column_name, generation_expression FROM information_schema.columns
                  WHERE table_schema = current_schema() AND is_generated = 'ALWAYS'`)
    ).map((row) => `generated ${row.table_name}.${row.column_name} = ${row.generation_expression}`);

    const sorted = (list: string[]) => [...new Set(list)].sort();
    return {
      columns: sorted(columns),
      enums: sorted(enums),
      indexes: sorted(indexes),
      constraints: sorted(constraints),
      handWritten: sorted([...checks, ...triggers, ...functions, ...collations, ...generated]),
    };
  } finally {
    await client.end();
  }
}
