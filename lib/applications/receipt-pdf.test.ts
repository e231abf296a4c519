import { describe, expect, it } from "vitest";
import { DOCUMENT_AUTHOR } from "@/lib/pdf/tagged-document";
import { renderReceiptPdf, type ReceiptInput } from "./receipt-pdf";
import { extractPdfText } from "./testing/pdf-text";

const O1 = { id: "0198c1d2-0000-7000-8000-000000000001", code: "O1", title: "Enregistrement et identité", required: true, position: 0 };
const O2 = {
  id: "0198c1d2-0000-7000-8000-000000000002",
  code: "O2",
  title: "Authentification à double facteur",
  required: true,
  position: 1,
};
const O3 = { id: "0198c1d2-0000-7000-8000-000000000003", code: "O3", title: "IAM / web-SSO", required: false, position: 2 };
const HASH = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";

const input: ReceiptInput = {
  programme: "HospiConnect",
  wave: "Vague de généralisation 2025 (Hop'en 2)",
  establishment: { name: "EHPAD Les Œillets – Saint-Étienne", finess: "750712184" },
  reference: "HC-00042",
  receivedAt: new Date("2026-02-13T22:58:12.345Z"),
  contentHash: HASH,
  content: {
    projectTitle: "Double authentification « pour tous »",
    budgetLines: [
      { category: "EQUIPMENT", label: "Clés", amountCents: 1_000_000n },
      { category: "SERVICES", label: "Intégration", amountCents: 250_050n },
    ],
    assessments: {
      [O1.id]: { status: "ACHIEVED", targetDate: null, explanation: "Fait." },
      [O2.id]: { status: "IN_PROGRESS", targetDate: "2026-12-31", explanation: "En cours." },
    },
  },
  objectives: [O3, O2, O1],
  indicators: {
    takenAt: new Date("2026-02-13T22:58:12Z"),
    active: 1234,
    registered: 1000,
    substantialId: 617,
    rieCompliant: 500,
    dmpReady: 0,
  },
};

/** Intl's and our no-break spaces, read as plain spaces to compare readable strings. */
const plain = (lines: string[]) => lines.map((line) => line.replace(/[\u00a0\u202f]/g, " "));

describe("renderReceiptPdf", async () => {
  const pdf = await renderReceiptPdf(input);
  const text = plain(extractPdfText(pdf));

  it("is a PDF", () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
  });

  it("shows the receipt time in Paris time to the second, and the content hash", () => {
    expect(text).toContain("Dossier reçu le 13 février 2026 à 23 h 58 min 12 s (heure de Paris).");
    expect(text).toContain(HASH);
  });

  it("identifies the programme, the establishment and the dossier, accents and all", () => {
    expect(text).toContain("Accusé de réception de dépôt de dossier");
    expect(text).toContain("HospiConnect – Vague de généralisation 2025 (Hop'en 2)");
    expect(text).toContain("Établissement : EHPAD Les Œillets – Saint-Étienne (FINESS 750712184)");
    expect(text).toContain("Référence du dossier : HC-00042");
  });

  it("summarises the dossier: title, total budget, objectives in order, indicators", () => {
    expect(text).toContain("Projet : Double authentification « pour tous »");
    expect(text).toContain("Budget total demandé : 12 500,50 €");
    const objectives = text.filter((line) => /^O\d – /.test(line));
    expect(objectives).toEqual([
      "O1 – Enregistrement et identité (obligatoire) : atteint",
      "O2 – Authentification à double facteur (obligatoire) : en cours",
      "O3 – IAM / web-SSO (complémentaire) : non renseigné",
    ]);
    expect(text).toContain("Indicateurs du registre des professionnels au 13 février 2026");
    expect(text).toContain("Professionnels en activité : 1 234");
    expect(text).toContain("Identité vérifiée au niveau substantiel : 617 (50 %)");
  });

  it("carries its metadata: title, author, French language, tagged structure", () => {
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/Lang (fr-FR)");
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toContain("/DisplayDocTitle true");
    // PDFKit writes non-ASCII metadata as UTF-16BE literal strings (with a BOM) in indirect objects.
    const pdfString = (value: string) =>
      `(${Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(value, "utf16le").swap16()]).toString("latin1")})`;
    const objectOf = (key: string) => new RegExp(`/${key} (\\d+) 0 R`).exec(raw)?.[1];
    expect(raw).toContain(`\n${objectOf("Author")} 0 obj\n${pdfString(DOCUMENT_AUTHOR)}\nendobj`);
    expect(raw).toContain(
      `\n${objectOf("Title")} 0 obj\n${pdfString("Accusé de réception de dépôt de dossier – EHPAD Les Œillets – Saint-Étienne")}\nendobj`,
    );
  });

  it("renders the same submission to the same document", async () => {
    expect((await renderReceiptPdf(input)).equals(pdf)).toBe(true);
  });

  it("renders without indicators and with characters Helvetica lacks", async () => {
    const other = await renderReceiptPdf({
      ...input,
      indicators: null,
      content: { ...input.content, projectTitle: "Projet 東京 😀" },
    });
    const otherText = plain(extractPdfText(other));
    // Another script prints « ? » (a character was there); an emoji is left out (toWinAnsi).
    expect(otherText).toContain("Projet : Projet ??");
    expect(otherText.some((line) => line.startsWith("Indicateurs"))).toBe(false);
  });
});
