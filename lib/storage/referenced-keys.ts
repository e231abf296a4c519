/**
 * Every column that holds a storage key: what a backup copies and what the daily sweep keeps. A new
 * one goes here, or its files are left out of backups and deleted by the sweep;
 * lib/backup/backup.int.test.ts fails until it does.
 */
export const STORAGE_KEY_COLUMNS = [
  { table: "Attachment", column: "storageKey" },
  { table: "Submission", column: "receiptKey" },
  { table: "Decision", column: "letterKey" },
  { table: "ResultDeclaration", column: "pdfKey" },
  // Background exports, until their 48 hours are over (then the row stays, without its key).
  { table: "ExportJob", column: "storageKey" },
  // Roster files awaiting their commit (a restored preview can still be committed).
  { table: "RosterImport", column: "storageKey" },
] as const;

/**
 * A query of one `key` column: every storage key the database refers to (a key once per row that
 * holds it), from the columns above and from the files attached to queued e-mails (a JSON array).
 */
export const REFERENCED_KEYS_SQL = [
  ...STORAGE_KEY_COLUMNS.map(({ table, column }) => `SELECT "${column}" AS key FROM "${table}" WHERE "${column}" IS NOT NULL`),
  `SELECT file->>'storageKey' AS key FROM "OutboxEmail", jsonb_array_elements("files") AS file WHERE file ? 'storageKey'`,
].join("\nUNION ALL ");
