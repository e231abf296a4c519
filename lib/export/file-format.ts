/**
 * The two formats every download offers: as a request names them (anything else gives CSV) and as
 * the browser is told.
 *
 * Public API: `FileFormat`, `ZFileFormat`, `FILE_MIME_TYPES`.
 */
import { z } from "zod";

export const ZFileFormat = z.enum(["csv", "xlsx"]).catch("csv");

export type FileFormat = z.output<typeof ZFileFormat>;

export const FILE_MIME_TYPES: Readonly<Record<FileFormat, string>> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
