/**
 * The file types a dossier accepts, by the extension file-type reports after reading the content.
 * Each has its canonical MIME type, the extensions a user's file may carry, the MIME types a
 * browser may declare for it, and how a message names it (« un PDF », « une image PNG »…).
 * Office formats with macros (docm, xlsm, pptm) are not here on purpose: file-type tells them
 * apart, and macros have no place in evidence files. Nor are the old binary Office formats
 * (.doc, .xls: file-type sees only an OLE container, and cannot tell a document from its macros).
 */
export type AcceptedFileKind = "pdf" | "png" | "jpg" | "webp" | "docx" | "xlsx" | "pptx" | "odt" | "ods";

export type AcceptedFileType = {
  mimeType: string;
  extensions: readonly string[];
  /** MIME types a browser or an OS may declare for such a file, besides `mimeType`. */
  declaredAliases: readonly string[];
  /** Completes « n'est pas … valide ». */
  expected: string;
  /** Short name for the list of accepted formats. */
  shortName: string;
};

export const ACCEPTED_FILE_TYPES: Readonly<Record<AcceptedFileKind, AcceptedFileType>> = {
  pdf: { mimeType: "application/pdf", extensions: ["pdf"], declaredAliases: ["application/x-pdf"], expected: "un PDF", shortName: "PDF" },
  png: { mimeType: "image/png", extensions: ["png"], declaredAliases: [], expected: "une image PNG", shortName: "PNG" },
  jpg: {
    mimeType: "image/jpeg",
    extensions: ["jpg", "jpeg"],
    declaredAliases: ["image/jpg", "image/pjpeg"],
    expected: "une image JPEG",
    shortName: "JPEG",
  },
  webp: { mimeType: "image/webp", extensions: ["webp"], declaredAliases: [], expected: "une image WEBP", shortName: "WEBP" },
  docx: {
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    declaredAliases: [],
    expected: "un document Word (DOCX)",
    shortName: "DOCX",
  },
  xlsx: {
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    declaredAliases: [],
    expected: "un classeur Excel (XLSX)",
    shortName: "XLSX",
  },
  pptx: {
    mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
    declaredAliases: [],
    expected: "une présentation PowerPoint (PPTX)",
    shortName: "PPTX",
  },
  odt: {
    mimeType: "application/vnd.oasis.opendocument.text",
    extensions: ["odt"],
    declaredAliases: [],
    expected: "un document texte OpenDocument (ODT)",
    shortName: "ODT",
  },
  ods: {
    mimeType: "application/vnd.oasis.opendocument.spreadsheet",
    extensions: ["ods"],
    declaredAliases: [],
    expected: "un classeur OpenDocument (ODS)",
    shortName: "ODS",
  },
};

export const ACCEPTED_FILE_KINDS = Object.keys(ACCEPTED_FILE_TYPES) as AcceptedFileKind[];

/** How a message names what the content really is, by file-type's extension. */
export const SNIFFED_CONTENT_LABELS: Readonly<Record<string, string>> = {
  exe: "exécutable",
  elf: "exécutable",
  macho: "exécutable",
  msi: "installateur Windows",
  apk: "application Android",
  jar: "archive Java",
  zip: "archive ZIP",
  rar: "archive RAR",
  "7z": "archive 7-Zip",
  gz: "archive GZIP",
  tar: "archive TAR",
  cfb: "document Office à l'ancien format (.doc, .xls, .ppt)",
  docm: "document Word avec macros",
  xlsm: "classeur Excel avec macros",
  pptm: "présentation PowerPoint avec macros",
  pdf: "PDF",
  png: "image PNG",
  apng: "image PNG animée",
  jpg: "image JPEG",
  webp: "image WEBP",
  gif: "image GIF",
  docx: "document Word",
  xlsx: "classeur Excel",
  pptx: "présentation PowerPoint",
  odt: "document texte OpenDocument",
  ods: "classeur OpenDocument",
  xml: "XML",
  html: "page HTML",
};
