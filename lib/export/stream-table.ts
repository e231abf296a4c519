/**
 * A large table streamed to the browser as CSV or XLSX while its rows are still being read: rows
 * arrive in batches (an async iterable, e.g. keyset pages of a query) and leave as they come, so
 * memory holds one batch whatever the number of rows, and the first bytes leave at once (no proxy
 * time-out on a long export). Same cells as the figure tables (`figure-table.ts`): numbers as
 * numbers, text as text (protected against formulas in a CSV).
 *
 * Public API: `streamTable`.
 */
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { csvLines } from "./csv";
import { csvCell, type FigureCell, type FigureColumn, figureSheetColumns, headerOf, sheetNameOf, xlsxCell } from "./figure-table";
import type { FileFormat } from "./file-format";

type Batches = AsyncIterable<ReadonlyArray<readonly FigureCell[]>>;

async function* csvChunks(columns: readonly FigureColumn[], batches: Batches): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  yield encoder.encode(`\uFEFF${csvLines([columns.map(headerOf)])}`);
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield encoder.encode(`\r\n${csvLines(batch.map((row) => row.map((cell, index) => csvCell(cell, columns[index]!))))}`);
  }
}

function xlsxStream(columns: readonly FigureColumn[], batches: Batches, sheetName: string): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetNameOf(sheetName), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = figureSheetColumns(columns);
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    for await (const batch of batches) {
      for (const row of batch) sheet.addRow(row.map((cell, index) => xlsxCell(cell, columns[index]!))).commit();
      // The writer does not wait for a slow reader: wait here, or the whole file would queue up.
      if (output.writableNeedDrain) await once(output, "drain");
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => output.destroy(error));
  return output;
}

export function streamTable(
  format: FileFormat,
  columns: readonly FigureColumn[],
  batches: Batches,
  sheetName: string,
): ReadableStream<Uint8Array> {
  const source = format === "csv" ? Readable.from(csvChunks(columns, batches)) : xlsxStream(columns, batches, sheetName);
  return Readable.toWeb(source) as ReadableStream<Uint8Array>;
}
