import pg from "pg";
import { databaseUrlOn } from "@/lib/db/database-url";

export type KeptDatabase = {
  url: string;
  /** What the database says it holds (its COMMENT), or null when nothing was recorded there. */
  note: string | null;
  /** True when this call created the database: it is empty. */
  created: boolean;
  writeNote: (note: string) => Promise<void>;
};

/**
 * A database kept between bench runs under a chosen name, created when absent and never dropped:
 * a data set that takes long to generate is measured again instead of generated again. What it
 * holds is recorded in the database's COMMENT, written once the data set is complete, so that a run
 * interrupted during generation does not pass for a finished one.
 */
export async function openKeptDatabase(serverUrl: string, name: string): Promise<KeptDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`"${name}" is not a plain database name (lower-case letters, digits, _).`);
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const { note, created } = await admin(async (client) => {
    const found = await client.query<{ note: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`,
      [name],
    );
    if (found.rowCount) return { note: found.rows[0]!.note, created: false };
    await client.query(`CREATE DATABASE "${name}"`);
    return { note: null, created: true };
  });
  return {
    url: databaseUrlOn(serverUrl, name),
    note,
    created,
    writeNote: (value) => admin((client) => client.query(`COMMENT ON DATABASE "${name}" IS ${client.escapeLiteral(value)}`)).then(() => {}),
  };
}
