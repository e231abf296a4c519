import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkUploadedFile, type UploadedFile } from "./file-policy";
import { FILES } from "./testing/files";

const TEN_MB = 10 * 1024 * 1024;

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Feuille 1").addRow(["Effectif", 120]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function check(file: Partial<UploadedFile> & Pick<UploadedFile, "bytes" | "fileName">) {
  return checkUploadedFile({ maxBytes: TEN_MB, ...file });
}

describe("checkUploadedFile accepts each type on its content", () => {
  it.each([
    ["rapport.pdf", FILES.pdf, "application/pdf", "pdf", "application/pdf"],
    ["capture.png", FILES.png, "image/png", "png", "image/png"],
    ["photo.JPG", FILES.jpg, "image/jpeg", "jpg", "image/jpeg"],
    ["photo.jpeg", FILES.jpg, "image/pjpeg", "jpg", "image/jpeg"],
    ["image.webp", FILES.webp, "image/webp", "webp", "image/webp"],
    ["procédure.docx", FILES.docx, "", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    [
      "comité.pptx",
      FILES.pptx,
      "application/octet-stream",
      "pptx",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
    ["note.odt", FILES.odt, "application/vnd.oasis.opendocument.text", "odt", "application/vnd.oasis.opendocument.text"],
    ["tableau.ods", FILES.ods, null, "ods", "application/vnd.oasis.opendocument.spreadsheet"],
  ] as const)("%s", async (fileName, bytes, declaredMimeType, kind, mimeType) => {
    expect(await check({ bytes, fileName, declaredMimeType })).toEqual({
      ok: true,
      kind,
      mimeType,
      fileName,
      sizeBytes: bytes.length,
    });
  });

  it("an XLSX written by a real spreadsheet library", async () => {
    const bytes = await xlsx();
    expect(await check({ bytes, fileName: "effectifs.xlsx" })).toMatchObject({
      ok: true,
      kind: "xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
  });
});

describe("checkUploadedFile refuses", () => {
  it("an executable renamed .pdf", async () => {
    expect(await check({ bytes: FILES.exe, fileName: "x.pdf", declaredMimeType: "application/pdf" })).toEqual({
      ok: false,
      reason: "CONTENT_MISMATCH",
      message: "Le fichier « x.pdf » n'est pas un PDF valide (contenu : exécutable).",
    });
  });

  it.each([
    ["a plain zip renamed .docx", FILES.zip, "archive.docx", "n'est pas un document Word (DOCX) valide (contenu : archive ZIP)."],
    [
      "a Word file with macros renamed .docx",
      FILES.docm,
      "macro.docx",
      "n'est pas un document Word (DOCX) valide (contenu : document Word avec macros).",
    ],
    ["a Word file renamed .xlsx", FILES.docx, "tableau.xlsx", "n'est pas un classeur Excel (XLSX) valide (contenu : document Word)."],
    ["a text file renamed .pdf", FILES.text, "liste.pdf", "n'est pas un PDF valide (contenu non reconnu)."],
    ["a PNG renamed .jpg", FILES.png, "photo.jpg", "n'est pas une image JPEG valide (contenu : image PNG)."],
    [
      "an OpenDocument text renamed .ods",
      FILES.odt,
      "calc.ods",
      "n'est pas un classeur OpenDocument (ODS) valide (contenu : document texte OpenDocument).",
    ],
  ])("%s", async (_name, bytes, fileName, end) => {
    expect(await check({ bytes, fileName })).toEqual({
      ok: false,
      reason: "CONTENT_MISMATCH",
      message: `Le fichier « ${fileName} » ${end}`,
    });
  });

  it("an empty file", async () => {
    expect(await check({ bytes: new Uint8Array(0), fileName: "vide.pdf" })).toEqual({
      ok: false,
      reason: "EMPTY",
      message: "Le fichier « vide.pdf » est vide.",
    });
  });

  it("a file above the size cap, which is a parameter", async () => {
    expect(await check({ bytes: FILES.pdf, fileName: "gros.pdf", maxBytes: FILES.pdf.length })).toMatchObject({ ok: true });
    expect(await check({ bytes: FILES.pdf, fileName: "gros.pdf", maxBytes: FILES.pdf.length - 1 })).toMatchObject({
      ok: false,
      reason: "TOO_LARGE",
    });
    const big = Buffer.concat([FILES.pdf, Buffer.alloc(TEN_MB)]);
    expect(await check({ bytes: big, fileName: "gros.pdf" })).toEqual({
      ok: false,
      reason: "TOO_LARGE",
      message: "Le fichier « gros.pdf » dépasse la taille maximale de 10\u00a0Mo.",
    });
  });

  it("an extension outside the list, or none, whatever the content", async () => {
    const formats = "PDF, PNG, JPEG, WEBP, DOCX, XLSX, PPTX, ODT, ODS";
    expect(await check({ bytes: FILES.exe, fileName: "setup.exe" })).toEqual({
      ok: false,
      reason: "TYPE_NOT_ACCEPTED",
      message: `Le format du fichier « setup.exe » n'est pas accepté. Formats acceptés : ${formats}.`,
    });
    expect(await check({ bytes: FILES.pdf, fileName: "rapport" })).toMatchObject({ ok: false, reason: "TYPE_NOT_ACCEPTED" });
    expect(await check({ bytes: FILES.docm, fileName: "macro.docm" })).toMatchObject({ ok: false, reason: "TYPE_NOT_ACCEPTED" });
  });

  it("a type outside the subset a caller accepts", async () => {
    expect(await check({ bytes: FILES.png, fileName: "capture.png", accepted: ["pdf"] })).toEqual({
      ok: false,
      reason: "TYPE_NOT_ACCEPTED",
      message: "Le format du fichier « capture.png » n'est pas accepté. Formats acceptés : PDF.",
    });
  });

  it("a declared MIME type that contradicts the extension", async () => {
    expect(await check({ bytes: FILES.pdf, fileName: "rapport.pdf", declaredMimeType: "application/x-msdownload" })).toEqual({
      ok: false,
      reason: "DECLARED_TYPE_MISMATCH",
      message: "Le type déclaré du fichier « rapport.pdf » (application/x-msdownload) ne correspond pas à son extension.",
    });
    expect(await check({ bytes: FILES.pdf, fileName: "rapport.pdf", declaredMimeType: "Application/PDF; charset=binary" })).toMatchObject({
      ok: true,
    });
  });
});

describe("the download name", () => {
  it("drops paths and control characters, keeps accents, and is the name checked", async () => {
    expect(await check({ bytes: FILES.pdf, fileName: "C:\\Users\\marie\\Procédure\u0007 habilitations.pdf" })).toMatchObject({
      ok: true,
      fileName: "Procédure habilitations.pdf",
    });
    // A right-to-left override would show « rapportexe.pdf » for a name ending in « .exe ».
    expect(await check({ bytes: FILES.exe, fileName: "rapport\u202efdp.exe" })).toMatchObject({
      ok: false,
      reason: "TYPE_NOT_ACCEPTED",
      message: expect.stringContaining("« rapportfdp.exe »"),
    });
  });
});
