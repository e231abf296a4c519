import PDFDocument from "pdfkit";
import { toWinAnsi } from "@/lib/applications/win-ansi";
import { frenchSpacing } from "@/lib/format/french-spacing";

/**
 * The programme's documents (acknowledgment of receipt, decision letter) as tagged PDFs: headings
 * and paragraphs in a structure tree, language fr-FR, the title shown by the viewer, so screen
 * readers can read them. Standard fonts only (Helvetica, Courier: nothing to embed or bundle);
 * their WinAnsi encoding covers French, and every text goes through toWinAnsi for the rest. The
 * creation date is the caller's (the receipt time, the release time), so a document renders the
 * same bytes twice.
 */
export const DOCUMENT_AUTHOR = "Agence du Numérique en Santé – HospiConnect";

export type TaggedDocument = {
  heading: (level: 1 | 2, text: string) => void;
  paragraph: (text: string) => void;
  /** A paragraph in another font or size (the hash in Courier, the closing note in italics). */
  block: (font: string, size: number, text: string, gapAfter?: number) => void;
  /** A table with a header row (tagged Table / TR / TH / TD). */
  table: (header: readonly string[], rows: ReadonlyArray<readonly string[]>, columnWidths: readonly number[]) => void;
  gap: (lines: number) => void;
  /** Ends the document: its bytes. */
  finish: () => Promise<Buffer>;
};

export function taggedDocument(info: { title: string; subject: string; createdAt: Date }): TaggedDocument {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    pdfVersion: "1.7",
    tagged: true,
    lang: "fr-FR",
    displayTitle: true,
    info: { Title: info.title, Author: DOCUMENT_AUTHOR, Subject: info.subject, Creator: "HospiConnect", CreationDate: info.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const root = doc.struct("Document");
  doc.addStructure(root);
  const tagged = (tag: string, font: string, size: number, text: string, gapAfter = 0.3) =>
    root.add(
      doc.struct(tag, {}, () => {
        doc
          .font(font)
          .fontSize(size)
          .text(toWinAnsi(frenchSpacing(text)));
        doc.moveDown(gapAfter);
      }),
    );
  return {
    heading: (level, text) => tagged(`H${level}`, "Helvetica-Bold", level === 1 ? 17 : 13, text, level === 1 ? 0.8 : 0.4),
    paragraph: (text) => tagged("P", "Helvetica", 10.5, text),
    block: (font, size, text, gapAfter) => tagged("P", font, size, text, gapAfter),
    table: (header, rows, columnWidths) => {
      doc.font("Helvetica").fontSize(9.5);
      doc.table({
        structParent: root,
        columnStyles: [...columnWidths],
        data: [
          header.map((text) => ({ text: toWinAnsi(text), type: "TH" as const, scope: "Column" })),
          ...rows.map((row) => row.map((text) => toWinAnsi(frenchSpacing(text)))),
        ],
      } as Parameters<typeof doc.table>[0] & { data: unknown[] });
      doc.moveDown(0.8);
    },
    gap: (lines) => void doc.moveDown(lines),
    finish: () => {
      root.end();
      doc.end();
      return finished;
    },
  };
}
