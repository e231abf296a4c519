/**
 * Reading roster files (DB-free). See `parse-roster-file.ts` for the formats and `types.ts` for
 * the result; `rosterMatchKey` is the key a new import matches stored professionals with.
 */
export { firstLinesRefusal, parseRosterFile } from "./parse-roster-file";
export { rosterMatchKey } from "./match-key";
export type {
  DirectoryImportRow,
  ImportFormat,
  ImportedRow,
  RejectedLine,
  RosterImportOptions,
  RosterImportResult,
  TemplateImportRow,
} from "./types";
export type { TextEncoding } from "./decode";
