/**
 * The roster as a file, in the app's template (`template/columns.ts`), so that an export imports
 * back unchanged: CSV in UTF-8 with a BOM (Excel then shows the accents), `;` separated (what
 * Excel expects in French), CRLF line ends; or an Excel workbook with real dates. Every text cell
 * is protected against formula injection (`template/cell-safety.ts`).
 *
 * Public API: `rosterToCsv(records)` → bytes, `rosterToXlsx(records)` → Promise of bytes.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { neutralizeCell } from "./template/cell-safety";
import { CATEGORY, IDENTITY, POPULATION, RPPS_STATUS } from "./template/codecs";
import { TEMPLATE_COLUMNS, type ProfessionalRecord, type TemplateColumnKey } from "./template/columns";
import { formatBoolean, formatDate, formatMieList } from "./template/values";

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

export function rosterToCsv(records: readonly ProfessionalRecord[]): Uint8Array {
  const rows = records.map((record) => TEMPLATE_COLUMNS.map((column) => neutralizeCell(TEXT[column.key](record))));
  const csv = Papa.unparse([HEADERS, ...rows], { delimiter: ";", newline: "\r\n" });
  return new TextEncoder().encode(`\uFEFF${csv}\r\n`);
}

export async function rosterToXlsx(records: readonly ProfessionalRecord[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Professionnels", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = TEMPLATE_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.key === "enrollments" ? 40 : Math.max(12, column.header.length + 2),
    // Dates as dates (sortable in Excel); everything else as text, so RPPS numbers keep their digits.
    style: DATE_COLUMNS.has(column.key) ? { numFmt: "dd/mm/yyyy" } : { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) {
    sheet.addRow(
      TEMPLATE_COLUMNS.map((column) => {
        if (DATE_COLUMNS.has(column.key)) return (record[column.key] as Date | null) ?? null;
        return neutralizeCell(TEXT[column.key](record));
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
