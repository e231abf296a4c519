/**
 * What reading a roster file gives, whatever its format.
 *
 * Line numbers are the file's own (the header is line 1), as a text editor or a spreadsheet shows
 * them. Every message is a French sentence a director can act on.
 *
 * Public API: `ImportFormat`, `TemplateImportRow`, `DirectoryImportRow`, `ImportedRow`,
 * `RejectedLine`, `RosterImportResult`, `RosterImportOptions`.
 */
import type { Population, ProfessionalCategory } from "@/lib/db/generated/enums";
import type { ProfessionalRecord, TemplateColumnKey } from "../template/columns";
import type { TextEncoding } from "./decode";

export type ImportFormat =
  /** The app's template, as CSV. */
  | "CSV"
  /** The app's template, as an Excel workbook. */
  | "XLSX"
  /** The national directory extract PS_LibreAcces_Personne_activite. */
  | "ANNUAIRE_SANTE";

/** A full professional from the app's template (CSV or XLSX). */
export type TemplateImportRow = ProfessionalRecord & { source: "TEMPLATE"; line: number; matchKey: string };

/**
 * A professional from the Annuaire Santé extract: only what the directory knows. The rest of the
 * record (birth date, activity dates, needs, MIE, identity proofing) stays as the roster has it, or
 * must be completed for a newcomer. Being in the directory is being registered, and the extract's
 * date (from its file name) is a check of the RPPS link.
 */
export type DirectoryImportRow = {
  source: "ANNUAIRE_SANTE";
  line: number;
  /** Every line of the extract this person was on (one per activity site). */
  lines: number[];
  matchKey: string;
  lastName: string;
  firstName: string;
  rpps: string;
  rppsStatus: "REGISTERED";
  rppsCheckedAt: Date | null;
  /**
   * Null for an RPPS+ professional (profession 99) in an extract without a role column: the
   * roster keeps the role it has; a newcomer cannot be added without one.
   */
  professionCode: string | null;
  category: ProfessionalCategory;
  /** Null when the mode of exercise has no population (volunteer, unknown): to complete. */
  population: Population | null;
};

export type ImportedRow = TemplateImportRow | DirectoryImportRow;

export type RejectedLine = {
  line: number;
  messages: string[];
  /** Of a template line: the messages about one cell, by the cell's index among the file's columns. */
  cellMessages?: Record<number, string[]>;
};

export type RosterImportResult = {
  /** Null when the file could not be recognised. */
  format: ImportFormat | null;
  /** Null for a workbook (no text encoding) or an unreadable file. */
  encoding: TextEncoding | null;
  /** Column separator of a text file. */
  separator?: ";" | "," | "\t" | "|";
  rows: ImportedRow[];
  rejected: RejectedLine[];
  /**
   * Template files: the header's cells, and each rejected line's cells in the file's column order,
   * so that the preview can offer to correct a line in place.
   */
  header?: string[];
  /** The template's column each header cell is (null for a column the import does not read). */
  headerColumns?: Array<TemplateColumnKey | null>;
  rejectedCells?: Map<number, string[]>;
  /** Problems with the whole file: nothing can be imported until they are fixed. */
  errors: string[];
  /** Problems worth a look that do not stop the import. */
  warnings: string[];
  /** What was understood of the file (encoding, separator, lines kept…). */
  notes: string[];
};

export type RosterImportOptions = {
  /** The profession codes the roster accepts (the Profession table: TRE_G15, TRE_R94/R95, RPPS+ roles). */
  professionCodes: Iterable<string>;
  /** Their labels: a template line may name its profession rather than give its code (« Aide-soignante »). */
  professionLabels?: Iterable<{ code: string; label: string }>;
  /**
   * For the Annuaire Santé extract: the FINESS numbers whose lines are kept. A line is kept when its
   * site FINESS or its legal entity's FINESS is one of them; pass the site's FINESS (ET) for one
   * site, and add the legal entity's (EJ) to take every site of the entity.
   */
  finess?: readonly string[];
  /**
   * Template files: lines replaced before reading (line number → cells in the file's column
   * order), as the director corrected them in the preview.
   */
  corrections?: ReadonlyMap<number, readonly string[]>;
};
