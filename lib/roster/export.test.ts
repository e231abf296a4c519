import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { IdentityVerification, Population, ProfessionalCategory, RppsStatus } from "@/lib/db/generated/enums";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { rosterToCsv, rosterToXlsx } from "./export";
import { parseRosterFile, type ImportedRow } from "./import";
import { neutralizeCell, restoreCell } from "./template/cell-safety";
import type { ProfessionalRecord } from "./template/columns";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const POPULATIONS: Population[] = ["SALARIED", "SELF_EMPLOYED", "INTERN", "TEMPORARY", "TRAINEE"];
const CATEGORIES: ProfessionalCategory[] = ["CIVIL", "STUDENT", "PUBLIC_AGENT"];
const STATUSES: RppsStatus[] = ["REGISTERED", "REQUESTED", "NOT_REGISTERED"];
const IDENTITIES: IdentityVerification[] = [
  "NONE",
  "REMOTE_ID_SCAN",
  "PVID_SUBSTANTIAL",
  "FRANCECONNECT_PLUS",
  "FACE_TO_FACE",
  "CNIE_CHIP",
];
const NAMES: [string, string][] = [
  ['=HYPERLINK("http://exemple.test";"clic")', "Marie"],
  ["+33612345678", "-Jean"],
  ["@SOMME", "'=déjà protégé"],
  ['O\'Brien; "Bob"', "Zoé Anne"],
  ["LEFÈVRE-DURAND", "Hélène"],
  ["NGUYỄN", "Ánh"],
];

/** Every enumerated value at least once, names that look like formulas, every kind of MIE entry. */
const records: ProfessionalRecord[] = Array.from({ length: 6 }, (_, i) => {
  const rppsStatus = STATUSES[i % 3]!;
  const [lastName, firstName] = NAMES[i]!;
  return {
    lastName,
    firstName,
    birthDate: i === 1 ? null : d(`19${70 + i}-0${1 + i}-1${i}`),
    population: POPULATIONS[i % 5]!,
    professionCode: ["60", "10", "313"][i % 3]!,
    category: CATEGORIES[i % 3]!,
    rpps: rppsStatus === "NOT_REGISTERED" ? null : withRppsKey(`100000000${i}`),
    rppsStatus,
    rppsCheckedAt: rppsStatus === "REGISTERED" ? d("2025-06-01") : null,
    identityVerification: IDENTITIES[i]!,
    activityStart: d("2015-09-01"),
    activityEnd: i === 3 ? d("2026-08-31") : null,
    needsDmp: i % 2 === 0,
    needsDpi: i % 3 === 0,
    needsPscServices: i === 5,
    needsSecureMessaging: i === 4,
    enrollments:
      i === 0
        ? [
            { type: "E_CPS", enrolledAt: d("2025-03-01"), expiresAt: null, revokedAt: null },
            { type: "CPS", enrolledAt: d("2023-01-15"), expiresAt: d("2026-01-15"), revokedAt: null },
            { type: "FIDO2_LOCAL", enrolledAt: d("2024-01-01"), expiresAt: null, revokedAt: d("2025-06-30") },
            { type: "TOTP_APP", enrolledAt: d("2024-01-01"), expiresAt: d("2027-01-01"), revokedAt: d("2025-02-01") },
          ]
        : [],
  };
});

const options = { professionCodes: ["60", "10", "313"] };

function recordsOf(rows: ImportedRow[]): ProfessionalRecord[] {
  return rows.map((row) => {
    if (row.source !== "TEMPLATE") throw new Error("template rows expected");
    const { source: _source, line: _line, matchKey: _matchKey, ...record } = row;
    return record;
  });
}

describe("rosterToCsv", () => {
  it("writes UTF-8 with a BOM, `;`-separated, in the template's columns", () => {
    const bytes = rosterToCsv(records);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe(
      "Nom;Prénom;Date de naissance;Population;Code profession;Catégorie;RPPS;Statut RPPS;Dernière vérification RPPS;Vérification d'identité;Début d'activité;Fin d'activité;Besoin DMP;Besoin DPI/DUI;Besoin services PSC;Besoin messagerie sécurisée;MIE",
    );
    expect(text).toContain(
      `'=HYPERLINK(""http://exemple.test"";""clic"")";Marie;10/01/1970;Salarié;"=""60""";Civil;"=""${withRppsKey("1000000000")}""";Enregistré;01/06/2025;Aucune;01/09/2015;;Oui;Oui;Non;Non;E_CPS:01/03/2025, CPS:15/01/2023:15/01/2026, FIDO2_LOCAL:01/01/2024::30/06/2025, TOTP_APP:01/01/2024:01/01/2027:01/02/2025`,
    );
    expect(text).toContain(`"=""+33612345678""";'-Jean;`);
    expect(text).toContain("'@SOMME;''=déjà protégé;");
  });

  it("imports back unchanged", async () => {
    const result = await parseRosterFile({ bytes: rosterToCsv(records), fileName: "export.csv" }, options);
    expect(result).toMatchObject({ format: "CSV", encoding: "UTF-8-BOM", separator: ";", rejected: [], errors: [], warnings: [] });
    expect(recordsOf(result.rows)).toEqual(records);
  });

  it("writes the header alone for an empty roster, which imports as nothing", async () => {
    const result = await parseRosterFile({ bytes: rosterToCsv([]), fileName: "export.csv" }, options);
    expect(result).toMatchObject({ rows: [], rejected: [], errors: [] });
  });
});

describe("rosterToXlsx", () => {
  it("imports back unchanged", async () => {
    const result = await parseRosterFile({ bytes: await rosterToXlsx(records), fileName: "export.xlsx" }, options);
    expect(result).toMatchObject({ format: "XLSX", rejected: [], errors: [], warnings: [] });
    expect(recordsOf(result.rows)).toEqual(records);
  });

  it("writes real dates, RPPS numbers as text, and text that looks like a formula as typed, a string", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await rosterToXlsx(records)).slice().buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Professionnels");
    const row = sheet.getRow(2);
    // A string cell is never evaluated: no quote for Excel to show (ADR 0019).
    expect(row.getCell(1).value).toBe(`=HYPERLINK("http://exemple.test";"clic")`);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(1).formula).toBeUndefined();
    expect([sheet.getRow(3).getCell(1).value, sheet.getRow(3).getCell(2).value, sheet.getRow(4).getCell(1).value]).toEqual([
      "+33612345678",
      "-Jean",
      "@SOMME",
    ]);
    // Only a value that starts with a quote then a trigger gets one more, which the import takes off.
    expect(sheet.getRow(4).getCell(2).value).toBe("''=déjà protégé");
    expect(row.getCell(3).value).toEqual(d("1970-01-10"));
    expect(row.getCell(7).value).toBe(withRppsKey("1000000000"));
  });
});

/** Four professionals the rules judge differently on 15/06/2026, after the RIE deadline. */
const base = records[0]!;
const judged: ProfessionalRecord[] = [
  {
    ...base,
    lastName: "CONFORME",
    firstName: "Alice",
    rpps: withRppsKey("1000000100"),
    rppsStatus: "REGISTERED",
    rppsCheckedAt: d("2025-06-01"),
    identityVerification: "FRANCECONNECT_PLUS",
    activityEnd: null,
    needsDmp: true,
    enrollments: [{ type: "E_CPS", enrolledAt: d("2025-03-01"), expiresAt: null, revokedAt: null }],
  },
  {
    ...base,
    lastName: "NONCONFORME",
    firstName: "Bruno",
    rpps: null,
    rppsStatus: "NOT_REGISTERED",
    rppsCheckedAt: null,
    identityVerification: "NONE",
    activityEnd: null,
    needsDmp: true,
    enrollments: [],
  },
  {
    ...base,
    lastName: "ENRETARD",
    firstName: "Chloé",
    rpps: withRppsKey("1000000101"),
    rppsStatus: "REGISTERED",
    rppsCheckedAt: d("2024-06-01"),
    identityVerification: "FACE_TO_FACE",
    activityEnd: null,
    needsDmp: false,
    needsDpi: false,
    needsPscServices: false,
    needsSecureMessaging: false,
    enrollments: [],
  },
  { ...base, lastName: "PARTI", firstName: "Denis", rpps: withRppsKey("1000000102"), activityEnd: d("2026-01-31") },
];
const verdictsAt = {
  today: "2026-06-15",
  establishment: { homologations: {}, idpFederatedWithPsc: false, usesAirSimplifie: false, entitlementProcedureAdoptedOn: null },
};
const TEMPLATE_HEADER =
  "Nom;Prénom;Date de naissance;Population;Code profession;Catégorie;RPPS;Statut RPPS;Dernière vérification RPPS;Vérification d'identité;Début d'activité;Fin d'activité;Besoin DMP;Besoin DPI/DUI;Besoin services PSC;Besoin messagerie sécurisée;MIE";
const COMPUTED_HEADER =
  "Calculé : situation au;Calculé : activité;Calculé : MIE conforme au RIE;Calculé : accès au DMP;Calculé : identité substantielle;Calculé : enregistré au RPPS;Calculé : lien RPPS vérifié depuis moins de deux ans;Calculé : à faire";
/** Each professional's computed cells, as the roster page words its verdicts. */
const VERDICTS = [
  ["15/06/2026", "En activité", "MIE conforme", "Accès DMP", "Identité substantielle", "Enregistré au RPPS", "Lien RPPS vérifié", "Rien"],
  [
    "15/06/2026",
    "En activité",
    "MIE non conforme",
    "Pas d'accès DMP",
    "Identité à vérifier",
    "Non enregistré au RPPS",
    "",
    "Non enregistré au RPPS ; Identité non vérifiée ; Aucun moyen d'authentification conforme ; Pas d'accès au DMP : il faut une authentification à deux facteurs par Pro Santé Connect (CPS, e-CPS, clé FIDO2 enrôlée dans Pro Santé Connect, ou moyen local homologué si le fournisseur d'identité de l'établissement est fédéré avec Pro Santé Connect), ou par AIR simplifié avec un moyen conforme à deux facteurs",
  ],
  // Needs nothing: no MIE nor DMP verdict, as on the page.
  [
    "15/06/2026",
    "En activité",
    "",
    "",
    "Identité substantielle",
    "Enregistré au RPPS",
    "Lien RPPS à vérifier",
    "Lien avec le RPPS vérifié il y a plus de deux ans (le 01/06/2024)",
  ],
  ["15/06/2026", "Hors activité", "", "", "", "", "", ""],
];

describe("the export's computed columns", () => {
  it("follow the template's columns in the CSV, with each professional's verdicts at the day as the roster page words them", () => {
    const lines = new TextDecoder().decode(rosterToCsv(judged, verdictsAt)).split("\r\n");
    expect(lines[0]).toBe(`${TEMPLATE_HEADER};${COMPUTED_HEADER}`);
    const computed = lines.slice(1, 5).map((line) => Papa.parse<string[]>(line, { delimiter: ";" }).data[0]!.slice(17));
    expect(computed).toEqual(VERDICTS);
  });

  it("are absent from the blank template", () => {
    expect(new TextDecoder().decode(rosterToCsv([])).split("\r\n")[0]).toBe(TEMPLATE_HEADER);
  });

  it("are in the workbook too, the day as a date", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await rosterToXlsx(judged, verdictsAt)).slice().buffer);
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1).join(";")).toBe(`${TEMPLATE_HEADER};${COMPUTED_HEADER}`);
    expect(values(2).slice(17)).toEqual([d("2026-06-15"), ...VERDICTS[0]!.slice(1)]);
    expect(values(3).slice(17)).toEqual([d("2026-06-15"), ...VERDICTS[1]!.slice(1)]);
  });

  it.each([
    ["CSV", (list: ProfessionalRecord[]) => rosterToCsv(list, verdictsAt), "export.csv"],
    ["Excel", (list: ProfessionalRecord[]) => rosterToXlsx(list, verdictsAt), "export.xlsx"],
  ] as const)("are skipped by the import without a warning: the %s export imports back unchanged", async (_format, write, fileName) => {
    const all = [...records, ...judged];
    const result = await parseRosterFile({ bytes: await write(all), fileName }, options);
    expect(result).toMatchObject({ rejected: [], errors: [], warnings: [] });
    expect(recordsOf(result.rows)).toEqual(all);
  });
});

describe("formula neutralisation", () => {
  it.each(["=1+1", "+33", "-5", "@A1", "\tx", "\rx", "\nx", "'=x", "''+x"])("protects %j and restores it exactly", (value) => {
    expect(neutralizeCell(value)).toBe(`'${value}`);
    expect(restoreCell(neutralizeCell(value))).toBe(value);
  });

  it.each(["DUPONT", "O'Brien", "'quoted", "", "10000000009", "Jean-Pierre"])("leaves %j alone", (value) => {
    expect(neutralizeCell(value)).toBe(value);
    expect(restoreCell(value)).toBe(value);
  });
});
