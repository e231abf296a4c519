/**
 * The roster as a file, in the app's template (`template/columns.ts`), so that an export imports
 * back unchanged: CSV in UTF-8 with a BOM (Excel then shows the accents), `;` separated (what
 * Excel expects in French), CRLF line ends; or an Excel workbook with real dates. Every text cell
 * of the CSV is protected against formula injection; the workbook's string cells, never evaluated,
 * hold the text as typed (`template/cell-safety.ts`, ADR 0019).
 *
 * Given the day and the establishment, the file also has, after the template's columns, each
 * professional's verdicts at that day (`COMPUTED_COLUMNS`), worded as the roster page words them
 * (`labels.ts`, `rosterVerdict`): a professional who is not active that day reads « Hors
 * activité » and nothing else, a verdict that does not concern them (no need of the DMP…) stays
 * blank, as on the page. The import skips these columns. Without them, it is the blank template.
 *
 * Public API: `rosterToCsv(records, verdictsAt?)` → bytes, `rosterToXlsx(records, verdictsAt?)` →
 * Promise of bytes, `VerdictsAt`.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { evaluateProfessional, prepareEstablishment, type EstablishmentContext, type PreparedEstablishment } from "./compliance";
import { rosterVerdict } from "./compliance-view";
import { dayToDate, toDay } from "./dates";
import { ACTIVITY_LABELS, NOTHING_MISSING_LABEL, VERDICT_LABELS, verdictLabel } from "./labels";
import { csvTextCell, neutralizeCell, xlsxTextCell } from "./template/cell-safety";
import { CATEGORY, IDENTITY, POPULATION, RPPS_STATUS } from "./template/codecs";
import {
  COMPUTED_COLUMNS,
  TEMPLATE_COLUMNS,
  type ComputedColumnKey,
  type ProfessionalRecord,
  type TemplateColumnKey,
} from "./template/columns";
import { formatBoolean, formatDate, formatMieList } from "./template/values";

/** The day of the verdicts (`AAAA-MM-JJ`, the Paris day the roster page uses) and the establishment they depend on. */
export type VerdictsAt = { today: string; establishment: EstablishmentContext | PreparedEstablishment };

/** Each column's text, as the import reads it back. */
const TEXT: { [K in TemplateColumnKey]: (record: ProfessionalRecord) => string } = {
  lastName: (record) => record.lastName,
  firstName: (record) => record.firstName,
  birthDate: (record) => formatDate(record.birthDate),
  population: (record) => POPULATION.format(record.population),
  professionCode: (record) => record.professionCode,
  category: (record) => CATEGORY.format(record.category),
  rpps: (record) => record.rpps ?? "",
  rppsStatus: (record) => RPPS_STATUS.format(record.rppsStatus),
  rppsCheckedAt: (record) => formatDate(record.rppsCheckedAt),
  identityVerification: (record) => IDENTITY.format(record.identityVerification),
  activityStart: (record) => formatDate(record.activityStart),
  activityEnd: (record) => formatDate(record.activityEnd),
  needsDmp: (record) => formatBoolean(record.needsDmp),
  needsDpi: (record) => formatBoolean(record.needsDpi),
  needsPscServices: (record) => formatBoolean(record.needsPscServices),
  needsSecureMessaging: (record) => formatBoolean(record.needsSecureMessaging),
  enrollments: (record) => formatMieList(record.enrollments),
};

const HEADERS = TEMPLATE_COLUMNS.map((column) => column.header);
const DATE_COLUMNS = new Set<TemplateColumnKey>(["birthDate", "rppsCheckedAt", "activityStart", "activityEnd"]);

/** Each computed column's text for one professional; `day` is the day of the verdicts, a date. */
type ComputedCells = Record<Exclude<ComputedColumnKey, "day">, string> & { day: Date };

/**
 * The verdicts of every professional, by the rules the roster page runs (`evaluateProfessional`
 * with the establishment read once), in the records' order.
 */
function computedCells(records: readonly ProfessionalRecord[], at: VerdictsAt): ComputedCells[] {
  const prepared = "homologatedFrom" in at.establishment ? at.establishment : prepareEstablishment(at.establishment);
  const day = dayToDate(toDay(at.today));
  return records.map((record) => {
    const compliance = evaluateProfessional(record, prepared, at.today);
    const verdict = rosterVerdict(record, compliance);
    // As on the page: someone not active that day is « Hors activité », and nothing more.
    const shown = (value: boolean | null, labels: { yes: string; no: string }) =>
      verdict.active ? (verdictLabel(value, labels) ?? "") : "";
    return {
      day,
      activity: verdict.active ? ACTIVITY_LABELS.active : ACTIVITY_LABELS.inactive,
      rieCompliant: shown(verdict.rieCompliant, VERDICT_LABELS.rieCompliant),
      dmpReady: shown(verdict.dmpReady, VERDICT_LABELS.dmpReady),
      identitySubstantial: shown(verdict.identitySubstantial, VERDICT_LABELS.identitySubstantial),
      registered: shown(compliance.registered, VERDICT_LABELS.registered),
      // Only a registered professional has a link with the RPPS to check.
      rppsCheckUpToDate: shown(compliance.registered ? !compliance.rppsCheckOverdue : null, VERDICT_LABELS.rppsCheckUpToDate),
      missing: !verdict.active ? "" : verdict.missing.length === 0 ? NOTHING_MISSING_LABEL : verdict.missing.join(" ; "),
    };
  });
}

const computedText = (cells: ComputedCells, key: ComputedColumnKey) => (key === "day" ? formatDate(cells.day) : neutralizeCell(cells[key]));

export function rosterToCsv(records: readonly ProfessionalRecord[], verdictsAt?: VerdictsAt): Uint8Array {
  const computed = verdictsAt ? computedCells(records, verdictsAt) : null;
  const headers = computed ? [...HEADERS, ...COMPUTED_COLUMNS.map((column) => column.header)] : HEADERS;
  const rows = records.map((record, index) => {
    const template = TEMPLATE_COLUMNS.map((column) => csvTextCell(TEXT[column.key](record)));
    if (!computed) return template;
    return [...template, ...COMPUTED_COLUMNS.map((column) => computedText(computed[index]!, column.key))];
  });
  const csv = Papa.unparse([headers, ...rows], { delimiter: ";", newline: "\r\n" });
  return new TextEncoder().encode(`\uFEFF${csv}\r\n`);
}

export async function rosterToXlsx(records: readonly ProfessionalRecord[], verdictsAt?: VerdictsAt): Promise<Uint8Array> {
  const computed = verdictsAt ? computedCells(records, verdictsAt) : null;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Professionnels", { views: [{ state: "frozen", ySplit: 1 }] });
  const templateColumns = TEMPLATE_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.key === "enrollments" ? 40 : Math.max(12, column.header.length + 2),
    // Dates as dates (sortable in Excel); everything else as text, so RPPS numbers keep their digits.
    style: DATE_COLUMNS.has(column.key) ? { numFmt: "dd/mm/yyyy" } : { numFmt: "@" },
  }));
  const computedColumns = computed
    ? COMPUTED_COLUMNS.map((column) => ({
        header: column.header,
        key: `computed:${column.key}`,
        width: column.key === "missing" ? 60 : Math.max(12, column.header.length + 2),
        style: column.key === "day" ? { numFmt: "dd/mm/yyyy" } : { numFmt: "@" },
      }))
    : [];
  sheet.columns = [...templateColumns, ...computedColumns];
  sheet.getRow(1).font = { bold: true };
  records.forEach((record, index) => {
    const template = TEMPLATE_COLUMNS.map((column) => {
      if (DATE_COLUMNS.has(column.key)) return (record[column.key] as Date | null) ?? null;
      return xlsxTextCell(TEXT[column.key](record));
    });
    const cells = computed?.[index];
    sheet.addRow(
      cells
        ? [...template, ...COMPUTED_COLUMNS.map((column) => (column.key === "day" ? cells.day : xlsxTextCell(cells[column.key])))]
        : template,
    );
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
