import PDFDocument from "pdfkit";
import { toWinAnsi } from "@/lib/applications/win-ansi";
import { frenchSpacing } from "@/lib/format/french-spacing";

/**
 * The programme's documents (acknowledgment of receipt, decision letter) as tagged PDFs: headings
 * and paragraphs in a structure tree, language fr-FR, the title shown by the viewer, so screen
 * readers can read them. Standard fonts only (Helvetica, Courier: nothing to embed or bundle);
 * their WinAnsi encoding covers French, and every text goes through toWinAnsi for the rest. The
 * creation date is the caller's (the receipt time, the release time), so a document renders the
 * same bytes twice. Each page ends with the document's `footer` (« HC-00042 – EHPAD Les Tilleuls »)
 * and « Page 2 sur 3 », so that a loose page says which document it belongs to and whether one is
 * missing; marked as a pagination artifact, outside the structure tree, screen readers skip it
 * (PDF/UA: running headers and footers are artifacts).
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

const MARGIN = 56;
/** The footer's line, between the text's bottom margin and the edge of the page. */
const FOOTER_FROM_BOTTOM = 36;
const FOOTER_SIZE = 8;

export function taggedDocument(info: { title: string; subject: string; createdAt: Date; footer: string }): TaggedDocument {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    // Kept until the end, when the number of pages is known for the footers.
    bufferPages: true,
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
      footers(doc, toWinAnsi(frenchSpacing(info.footer)));
      doc.end();
      return finished;
    },
  };
}

function footers(doc: PDFKit.PDFDocument, footer: string) {
  const { start, count } = doc.bufferedPageRange();
  for (let index = 0; index < count; index++) {
    doc.switchToPage(start + index);
    const { page } = doc;
    const width = page.width - 2 * MARGIN;
    const y = page.height - FOOTER_FROM_BOTTOM;
    // Below the bottom margin: without this, PDFKit would start a new page for the text.
    const bottomMargin = page.margins.bottom;
    page.margins.bottom = 0;
    const number = `Page ${index + 1} sur ${count}`;
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font("Helvetica").fontSize(FOOTER_SIZE);
    const numberWidth = doc.widthOfString(number);
    doc.text(number, MARGIN, y, { width, align: "right", lineBreak: false });
    // One line, cut with « … » (a long establishment name), clear of the page number.
    doc.text(footer, MARGIN, y, { width: width - numberWidth - 12, height: FOOTER_SIZE, ellipsis: "…" });
    doc.endMarkedContent();
    page.margins.bottom = bottomMargin;
  }
}
