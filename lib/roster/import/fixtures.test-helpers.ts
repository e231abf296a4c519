/**
 * Test fixtures for roster files, built in code (no binary fixtures in the repository).
 */
import { withRppsKey } from "@/lib/identifiers/rpps";
import { TEMPLATE_COLUMNS } from "../template/columns";

export const PROFESSION_CODES = ["10", "21", "60", "313", "326", "99"];
export const RPPS_1 = withRppsKey("1000000000"); // 10000000009
export const RPPS_2 = withRppsKey("1000000001");
export const RPPS_3 = withRppsKey("1000000002");

export type TemplateLine = Partial<Record<(typeof TEMPLATE_COLUMNS)[number]["header"], string>>;

export const GOOD_LINE: Required<TemplateLine> = {
  Nom: "DUPONT",
  Prénom: "Marie",
  "Date de naissance": "12/04/1980",
  Population: "Salarié",
  "Code profession": "60",
  Catégorie: "Civil",
  RPPS: RPPS_1,
  "Statut RPPS": "Enregistré",
  "Dernière vérification RPPS": "01/06/2025",
  "Vérification d'identité": "FranceConnect+",
  "Début d'activité": "01/09/2015",
  "Fin d'activité": "",
  "Besoin DMP": "Oui",
  "Besoin DPI/DUI": "Oui",
  "Besoin services PSC": "Non",
  "Besoin messagerie sécurisée": "Non",
  MIE: "E_CPS:2025-03-01;FIDO2_PSC:2026-02-01",
};

const HEADERS = TEMPLATE_COLUMNS.map((column) => column.header);

function csvCell(value: string, separator: string): string {
  return value.includes(separator) || value.includes('"') || value.includes("\n") ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A template CSV: the header, then each line as overrides of GOOD_LINE. */
export function templateCsv(lines: TemplateLine[], separator = ";", headers: readonly string[] = HEADERS): string {
  const rows = lines.map((line) =>
    headers.map((header) => csvCell({ ...GOOD_LINE, ...line }[header as keyof TemplateLine] ?? "", separator)),
  );
  return [headers.join(separator), ...rows.map((row) => row.join(separator))].join("\r\n") + "\r\n";
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** Letters for a number (0 → A, 26 → BA): distinct names a name check accepts. */
function letters(index: number): string {
  let text = "";
  for (let rest = index; text === "" || rest > 0; rest = Math.floor(rest / 26)) text = String.fromCharCode(65 + (rest % 26)) + text;
  return text;
}

/** A valid template CSV of `count` distinct professionals (about 190 bytes a line), built in memory. */
export function largeTemplateCsv(count: number): Uint8Array<ArrayBuffer> {
  const lines = Array.from({ length: count }, (_, index) => ({
    Nom: `DUPONT ${letters(index)}`,
    RPPS: withRppsKey(String(1_000_000_000 + index)),
  }));
  return utf8(templateCsv(lines));
}
