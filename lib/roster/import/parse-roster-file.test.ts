import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { csvTextCell } from "../template/cell-safety";
import { COMPUTED_COLUMNS, TEMPLATE_COLUMNS } from "../template/columns";
import { GOOD_LINE, PROFESSION_CODES, RPPS_1, RPPS_2, RPPS_3, templateCsv, utf8, type TemplateLine } from "./fixtures.test-helpers";
import { firstLinesRefusal, parseRosterFile, rosterMatchKey, type RosterImportResult, type TemplateImportRow } from "./index";
import { FIRST_LINES_BYTES } from "./parse-roster-file";

const options = { professionCodes: PROFESSION_CODES };
const parseText = (text: string, fileName = "registre.csv") => parseRosterFile({ bytes: utf8(text), fileName }, options);
const parseLines = (lines: TemplateLine[], separator = ";") => parseText(templateCsv(lines, separator));
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const NO_HEADER = `Aucune des colonnes attendues n'a été trouvée dans les 10 premières lignes non vides du fichier. Les intitulés des colonnes doivent être écrits sur une même ligne, un par colonne, au-dessus des professionnels : ${TEMPLATE_COLUMNS.map((column) => column.header).join(", ")}. Partez du modèle de fichier de l'application.`;
const TITLE = "Liste du personnel – EHPAD Les Tilleuls – mars 2026";

describe("parseRosterFile: the app's CSV template", () => {
  it("takes a profession named as the nomenclature writes it, in the feminine too, when the labels are given", async () => {
    const named = templateCsv([{ "Code profession": "Infirmière" }]);
    const withLabels = await parseRosterFile(
      { bytes: utf8(named), fileName: "registre.csv" },
      { ...options, professionLabels: [{ code: "60", label: "Infirmier" }] },
    );
    expect([withLabels.rejected, withLabels.rows.map((row) => "professionCode" in row && row.professionCode)]).toEqual([[], ["60"]]);
    expect((await parseText(named)).rejected).toHaveLength(1);
  });

  it("reads a good line into the Professional and MieEnrollment columns", async () => {
    const result = await parseLines([{}]);
    expect(result).toMatchObject({ format: "CSV", encoding: "UTF-8", separator: ";", rejected: [], errors: [], warnings: [] });
    expect(result.notes).toEqual(["Encodage du fichier : UTF-8.", "Séparateur de colonnes : point-virgule (;)."]);
    expect(result.rows).toEqual([
      {
        source: "TEMPLATE",
        line: 2,
        matchKey: `rpps:${RPPS_1}`,
        lastName: "DUPONT",
        firstName: "Marie",
        birthDate: d("1980-04-12"),
        population: "SALARIED",
        professionCode: "60",
        category: "CIVIL",
        rpps: RPPS_1,
        rppsStatus: "REGISTERED",
        rppsCheckedAt: d("2025-06-01"),
        identityVerification: "FRANCECONNECT_PLUS",
        activityStart: d("2015-09-01"),
        activityEnd: null,
        needsDmp: true,
        needsDpi: true,
        needsPscServices: false,
        needsSecureMessaging: false,
        enrollments: [
          { type: "E_CPS", enrolledAt: d("2025-03-01"), expiresAt: null, revokedAt: null },
          { type: "FIDO2_PSC", enrolledAt: d("2026-02-01"), expiresAt: null, revokedAt: null },
        ],
      },
    ]);
  });

  it("reads a CSV written for Excel as the line itself: digits in Excel's text formula, formulas neutralised", async () => {
    const forExcel = Object.fromEntries(Object.entries(GOOD_LINE).map(([header, value]) => [header, csvTextCell(value)]));
    expect(forExcel).toMatchObject({ RPPS: `="${RPPS_1}"`, "Code profession": '="60"' });
    const [plain, written] = await Promise.all([parseLines([{}]), parseLines([forExcel])]);
    expect(written).toMatchObject({ rejected: [], errors: [], warnings: [] });
    expect(written.rows).toEqual(plain.rows);
  });

  it.each([
    [",", "virgule (,)"],
    ["\t", "tabulation"],
  ])("detects the %j separator and says which", async (separator, name) => {
    const result = await parseLines([{}, { RPPS: RPPS_2, Nom: "MARTIN" }], separator);
    expect(result.separator).toBe(separator);
    expect(result.notes).toContain(`Séparateur de colonnes : ${name}.`);
    expect(result.rows).toHaveLength(2);
  });

  it("reads lines ending as Windows, Unix or old Mac files end them, even mixed in one file", async () => {
    // The template's header (Excel, CRLF) with lines added in a text editor (LF), or saved by an old Mac (CR).
    const [header, ...lines] = templateCsv([{}, { RPPS: RPPS_2, Nom: "MARTIN" }, { RPPS: RPPS_3, Nom: "BERNARD" }]).split("\r\n");
    const result = await parseText(`${header}\r\n${lines[0]}\n${lines[1]}\r${lines[2]}\n`);
    expect(result.errors).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.rows.map((row) => [row.line, row.lastName])).toEqual([
      [2, "DUPONT"],
      [3, "MARTIN"],
      [4, "BERNARD"],
    ]);
  });

  it("accepts codes, ISO dates, other spellings and blanks where they have a meaning", async () => {
    const result = await parseLines([
      {
        Population: "SELF_EMPLOYED",
        Catégorie: "",
        RPPS: `8${RPPS_1}`, // national identifier, as Pro Santé Connect sends it
        "Statut RPPS": "",
        "Vérification d'identité": "",
        "Date de naissance": "1980-04-12",
        "Début d'activité": "1/9/2015",
        "Besoin DMP": "x",
        "Besoin DPI/DUI": "",
        MIE: "e-CPS : 01/03/2025 , cps:2023-01-15:2026-01-15",
      },
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      population: "SELF_EMPLOYED",
      category: "CIVIL",
      rpps: RPPS_1,
      rppsStatus: "REGISTERED",
      identityVerification: "NONE",
      birthDate: d("1980-04-12"),
      activityStart: d("2015-09-01"),
      needsDmp: true,
      needsDpi: false,
      enrollments: [
        { type: "E_CPS", enrolledAt: d("2025-03-01"), expiresAt: null, revokedAt: null },
        { type: "CPS", enrolledAt: d("2023-01-15"), expiresAt: d("2026-01-15"), revokedAt: null },
      ],
    });
  });

  it.each<[string, TemplateLine, string[]]>([
    ["an RPPS of the wrong length", { RPPS: "1234" }, ["Ligne 2 : le numéro RPPS 1234 doit comporter 11 chiffres."]],
    [
      "a birth date less than 15 years before the start of activity (an Excel day count read as a date)",
      { "Date de naissance": "09/12/2005", "Début d'activité": "01/09/2015" },
      ["Ligne 2 : la date de naissance (09/12/2005) donne moins de 15 ans au début d'activité (01/09/2015) : vérifiez l'année."],
    ],
    [
      "a birth date on the start of activity",
      { "Date de naissance": "01/09/2015", "Début d'activité": "01/09/2015" },
      ["Ligne 2 : la date de naissance (01/09/2015) doit précéder le début d'activité (01/09/2015)."],
    ],
    [
      "an ADELI number in the RPPS column",
      { RPPS: "123456782" },
      [
        "Ligne 2 : le numéro 123456782 est un numéro ADELI, pas un numéro RPPS : laissez la colonne « RPPS » vide et indiquez le statut RPPS (« Non enregistré » ou « Demande déposée ») et la date de naissance.",
      ],
    ],
    [
      "an RPPS with a wrong check key",
      { RPPS: "10000000008" },
      ["Ligne 2 : le numéro RPPS 10000000008 est invalide : sa clé de contrôle ne correspond pas (vérifiez-le dans l'Annuaire Santé)."],
    ],
    ["an RPPS with letters", { RPPS: "1000000000A" }, ["Ligne 2 : le numéro RPPS « 1000000000A » ne doit contenir que des chiffres."]],
    [
      "an RPPS turned into a number by an English-language spreadsheet",
      { RPPS: "1.00000E+10" },
      [
        "Ligne 2 : le numéro RPPS « 1.00000E+10 » a été transformé en nombre par le tableur : mettez la colonne « RPPS » au format Texte et saisissez de nouveau les numéros.",
      ],
    ],
    [
      "an RPPS turned into a number by the spreadsheet",
      { RPPS: "1,00000E+10" },
      [
        "Ligne 2 : le numéro RPPS « 1,00000E+10 » a été transformé en nombre par le tableur : mettez la colonne « RPPS » au format Texte et saisissez de nouveau les numéros.",
      ],
    ],
    [
      "an unknown profession code",
      { "Code profession": "61" },
      [
        "Ligne 2 : le code profession « 61 » n'existe pas dans la liste des professions (indiquez le code de la liste, ou le nom de la profession tel qu'elle l'écrit).",
      ],
    ],
    [
      "a date that does not exist",
      { "Date de naissance": "31/02/1980" },
      ["Ligne 2 : « 31/02/1980 » n'est pas une date valide dans la colonne « Date de naissance » (format attendu : JJ/MM/AAAA)."],
    ],
    [
      "an end of activity before its start",
      { "Début d'activité": "01/03/2024", "Fin d'activité": "01/02/2024" },
      ["Ligne 2 : la fin d'activité (01/02/2024) précède le début d'activité (01/03/2024)."],
    ],
    [
      "an unknown population",
      { Population: "Cadre" },
      [
        "Ligne 2 : valeur « Cadre » inconnue dans la colonne « Population » (valeurs possibles : Salarié, Libéral / indépendant, Interne, Intérimaire, Stagiaire).",
      ],
    ],
    [
      "an unknown RPPS status",
      { "Statut RPPS": "Peut-être" },
      [
        "Ligne 2 : valeur « Peut-être » inconnue dans la colonne « Statut RPPS » (valeurs possibles : Non enregistré, Demande déposée, Enregistré).",
      ],
    ],
    ["registered without RPPS", { RPPS: "" }, ["Ligne 2 : le statut RPPS est « Enregistré » mais le numéro RPPS n'est pas renseigné."]],
    [
      "an RPPS with status « non enregistré »",
      { "Statut RPPS": "Non enregistré" },
      [
        "Ligne 2 : un numéro RPPS est renseigné mais le statut RPPS est « Non enregistré » : indiquez « Enregistré » ou « Demande déposée ».",
      ],
    ],
    [
      "no RPPS and no birth date",
      { RPPS: "", "Statut RPPS": "Non enregistré", "Date de naissance": "" },
      [
        "Ligne 2 : sans numéro RPPS, la date de naissance est obligatoire (elle permet de reconnaître le professionnel lors d'un prochain import).",
      ],
    ],
    ["a blank required value", { Nom: " " }, ["Ligne 2 : la colonne « Nom » doit être renseignée."]],
    [
      "a need that is neither yes nor no",
      { "Besoin DMP": "peut-être" },
      ["Ligne 2 : valeur « peut-être » non reconnue dans la colonne « Besoin DMP » (réponses possibles : Oui, Non)."],
    ],
    [
      "an unknown MIE and an MIE without date",
      { MIE: "YUBIKEY:2025-01-01;E_CPS" },
      [
        "Ligne 2 : moyen d'identification « YUBIKEY » inconnu dans la colonne « MIE » (codes possibles : CPS, E_CPS, APCV, FIDO2_PSC, FIDO2_LOCAL, PLATFORM_AUTH, SMART_CARD_LOCAL, TOTP_APP, OTP_SMS_EMAIL, PASSWORD).",
        "Ligne 2 : dans la colonne « MIE », E_CPS doit être suivi de sa date d'enrôlement (exemple : E_CPS:01/03/2025).",
      ],
    ],
    [
      "an MIE expiring before its enrolment",
      { MIE: "CPS:2025-03-01:2024-01-01" },
      ["Ligne 2 : dans la colonne « MIE », l'expiration de CPS (01/01/2024) doit être postérieure à son enrôlement (01/03/2025)."],
    ],
  ])("rejects %s, naming the line and the field", async (_name, line, messages) => {
    const result = await parseLines([line]);
    expect(result.rows).toEqual([]);
    expect(result.rejected).toMatchObject([{ line: 2, messages }]);
    // Each message is also given under one of the cells the line changed, for the correction form.
    const { cellMessages = {} } = result.rejected[0]!;
    const changed = Object.keys(line).map((header) => TEMPLATE_COLUMNS.findIndex((column) => column.header === header));
    expect(Object.keys(cellMessages).every((index) => changed.includes(Number(index)))).toBe(true);
    expect(Object.values(cellMessages).flat().sort()).toEqual([...messages].sort());
  });

  it("keeps the good lines and rejects the others, each with all its problems, left to right", async () => {
    const result = await parseLines([{}, { Nom: "DURAND", RPPS: "1234", "Code profession": "61" }, { RPPS: RPPS_2, Nom: "MARTIN" }]);
    expect(result.rows.map((row) => row.line)).toEqual([2, 4]);
    const profession =
      "Ligne 3 : le code profession « 61 » n'existe pas dans la liste des professions (indiquez le code de la liste, ou le nom de la profession tel qu'elle l'écrit).";
    const rpps = "Ligne 3 : le numéro RPPS 1234 doit comporter 11 chiffres.";
    // Each message about one cell is also given under that cell's place among the file's columns, for the correction form.
    expect(result.rejected).toEqual([{ line: 3, messages: [profession, rpps], cellMessages: { 4: [profession], 6: [rpps] } }]);
  });

  it("rejects what the form would refuse: a name over its limit, an RPPS check after today", async () => {
    const result = await parseLines([
      { RPPS: RPPS_2, Nom: "X".repeat(101) },
      { RPPS: RPPS_3, "Dernière vérification RPPS": "01/01/2999" },
    ]);
    expect(result.rows).toEqual([]);
    const name = "Ligne 2 : la colonne « Nom » dépasse 100 caractères (101).";
    const checkedAt = "Ligne 3 : la date de vérification RPPS (01/01/2999) ne peut pas être postérieure à aujourd'hui.";
    expect(result.rejected).toEqual([
      { line: 2, messages: [name], cellMessages: { 0: [name] } },
      { line: 3, messages: [checkedAt], cellMessages: { 8: [checkedAt] } },
    ]);
  });

  it("stores a name written on several lines of its cell (Alt+Entrée, a quoted CSV cell) on one line", async () => {
    const result = await parseLines([{ Nom: "Dupont\nde la Tour", Prénom: "Jean\r\n Pierre", Population: "Salarié\n" }]);
    expect(result.rejected).toEqual([]);
    expect(result.rows.map((row) => [row.lastName, row.firstName])).toEqual([["Dupont de la Tour", "Jean Pierre"]]);
  });

  it("rejects duplicates inside the file and names the earlier line", async () => {
    const result = await parseLines([
      {},
      { Nom: "MARTIN", RPPS: RPPS_2 },
      { Nom: "DURAND" }, // same RPPS as line 2
      { Nom: "Martín", Prénom: "MARIE", RPPS: "", "Statut RPPS": "Non enregistré" }, // same person as line 3
      { Nom: "PETIT", RPPS: RPPS_3 },
      { Nom: "MARTIN", RPPS: withRppsKey("1000000009") }, // a namesake born the same day, with their own RPPS
    ]);
    expect(result.rows.map((row) => row.line)).toEqual([2, 3, 6, 7]);
    // A duplicate is the line's fault, not one cell's.
    expect(result.rejected).toEqual([
      { line: 4, messages: [`Ligne 4 : doublon de la ligne 2 (même numéro RPPS ${RPPS_1}).`], cellMessages: {} },
      { line: 5, messages: ["Ligne 5 : doublon de la ligne 3 (mêmes nom, prénom et date de naissance)."], cellMessages: {} },
    ]);
  });

  it("lists every missing column in one message", async () => {
    const headers = TEMPLATE_COLUMNS.map((column) => column.header).filter((header) => header !== "Statut RPPS" && header !== "MIE");
    const result = await parseText(templateCsv([{}], ";", headers));
    expect(result.errors).toEqual([
      "Ligne 1 : colonnes absentes : « Statut RPPS », « MIE ». Toutes les colonnes du modèle doivent figurer dans le fichier, même vides : partez du modèle de fichier de l'application.",
    ]);
    expect(result.rows).toEqual([]);
  });

  it("names a renamed column and the template's header it stands for, instead of calling the column absent", async () => {
    const renamed = (from: string, to: string) => TEMPLATE_COLUMNS.map((column) => (column.header === from ? to : column.header));
    const withHeaders = (headers: string[]) => parseText(templateCsv([{}], ";", headers));
    // A word dropped or added (the QA's files), a typing slip.
    expect((await withHeaders(renamed("Date de naissance", "Date naissance"))).errors).toEqual([
      "Ligne 1 : la colonne « Date naissance » n'est pas reconnue : renommez-la « Date de naissance » (modèle de fichier de l'application).",
    ]);
    expect((await withHeaders(renamed("Prénom", "Prénom usuel"))).errors).toEqual([
      "Ligne 1 : la colonne « Prénom usuel » n'est pas reconnue : renommez-la « Prénom » (modèle de fichier de l'application).",
    ]);
    expect((await withHeaders(renamed("Population", "Populaton"))).errors).toEqual([
      "Ligne 1 : la colonne « Populaton » n'est pas reconnue : renommez-la « Population » (modèle de fichier de l'application).",
    ]);
    // Two renamed columns, and a missing one that no header of the file resembles: each said.
    const headers = renamed("Prénom", "Prénom usuel")
      .map((header) => (header === "Date de naissance" ? "Date naissance" : header))
      .filter((header) => header !== "MIE");
    expect((await withHeaders([...headers, "Service"])).errors).toEqual([
      "Ligne 1 : la colonne « Prénom usuel » n'est pas reconnue : renommez-la « Prénom » (modèle de fichier de l'application).",
      "Ligne 1 : la colonne « Date naissance » n'est pas reconnue : renommez-la « Date de naissance » (modèle de fichier de l'application).",
      "Ligne 1 : colonne absente : « MIE » ; colonne du fichier non reconnue : « Service ». Toutes les colonnes du modèle doivent figurer dans le fichier, même vides : partez du modèle de fichier de l'application.",
    ]);
  });

  it("suggests no header when the file's column could stand for several missing ones", async () => {
    const headers = TEMPLATE_COLUMNS.map((column) => column.header).filter((header) => !header.startsWith("Besoin"));
    const result = await parseText(templateCsv([{}], ";", [...headers, "Besoin"]));
    expect(result.errors).toEqual([
      "Ligne 1 : colonnes absentes : « Besoin DMP », « Besoin DPI/DUI », « Besoin services PSC », « Besoin messagerie sécurisée » ; colonne du fichier non reconnue : « Besoin ». Toutes les colonnes du modèle doivent figurer dans le fichier, même vides : partez du modèle de fichier de l'application.",
    ]);
  });

  it("says when the whole header sits in one column (separator not accepted)", async () => {
    const text = templateCsv([{}], "|");
    const result = await parseText(text);
    expect(result.errors).toEqual([
      "Ligne 1 : l'en-tête tient dans une seule colonne : le séparateur « | » n'est pas accepté. Enregistrez le fichier avec des points-virgules (;), des virgules (,) ou des tabulations entre les colonnes.",
    ]);
  });

  it("says when the file is not the template at all: which column names, all on one line", async () => {
    const result = await parseText("Service;Effectif\r\nUrgences;12\r\n");
    expect(result.errors).toEqual([NO_HEADER]);
  });

  it("warns that a file whose dates are written month first may have its other dates misread", async () => {
    const result = await parseLines([
      { RPPS: RPPS_1, "Date de naissance": "2/1/1980" },
      { RPPS: RPPS_2, Nom: "MARTIN", "Date de naissance": "10/20/1979" },
    ]);
    // The month-first date is refused on its line; the one read as a day is accepted, with the warning.
    expect(result.rows.map((row) => "birthDate" in row && row.birthDate)).toEqual([d("1980-01-02")]);
    expect(result.rejected.map((line) => line.line)).toEqual([3]);
    expect(result.warnings).toEqual([
      "Ligne 3, la date « 10/20/1979 » est écrite mois/jour, comme l'enregistre un tableur en anglais : les autres dates du fichier ont été lues jour/mois (JJ/MM/AAAA), « 2/1/1980 » comme le 2 janvier. Vérifiez-les, ou enregistrez le fichier avec des dates au format JJ/MM/AAAA.",
    ]);
    expect((await parseLines([{ "Date de naissance": "2/1/1980" }, { RPPS: RPPS_2, "Date de naissance": "20/10/1979" }])).warnings).toEqual(
      [],
    );
  });

  it("ignores unknown columns with a warning, matches headers without accents or case", async () => {
    const headers = [...TEMPLATE_COLUMNS.map((column) => column.header), "Service"];
    const text = templateCsv([{}], ";", headers).replace("Prénom", "PRENOM").replace("Vérification d'identité", "verification d identite");
    const result = await parseText(text);
    expect(result.rows).toHaveLength(1);
    expect(result.warnings).toEqual(["Colonne ignorée : « Service » (elle ne fait pas partie du modèle)."]);
    // Each header cell is known as the template's column it is, whatever its spelling; the unknown one as none.
    expect(result.headerColumns).toEqual([...TEMPLATE_COLUMNS.map((column) => column.key), null]);
  });

  it("skips the export's computed columns without a warning, in any spelling, and still warns of another unknown column", async () => {
    const computed = COMPUTED_COLUMNS.map((column) => column.header);
    const headers = [...TEMPLATE_COLUMNS.map((column) => column.header), ...computed, "Service", "Calculé : autre chose"];
    const text = templateCsv([{}], ";", headers).replace("Calculé : à faire", "CALCULE : A FAIRE");
    const result = await parseText(text);
    expect(result).toMatchObject({ rejected: [], errors: [] });
    expect(result.rows).toHaveLength(1);
    expect(result.warnings).toEqual([
      "Colonne ignorée : « Service » (elle ne fait pas partie du modèle).",
      "Colonne ignorée : « Calculé : autre chose » (elle ne fait pas partie du modèle).",
    ]);
    expect(result.headerColumns).toEqual([...TEMPLATE_COLUMNS.map((column) => column.key), ...computed.map(() => null), null, null]);
  });

  it("rejects a line with more values than columns (separator inside an unquoted value)", async () => {
    const text =
      templateCsv([{}], ",") +
      "DUPONT, Jean,Marie,12/04/1980,Salarié,60,Civil,,Non enregistré,,Aucune,01/09/2015,,Non,Non,Non,Non,PASSWORD:2019-01-01\r\n";
    const result = await parseText(text);
    expect(result.rejected).toEqual([
      {
        line: 3,
        messages: ["Ligne 3 : 18 valeurs pour 17 colonnes : une valeur contient sans doute le séparateur sans être entre guillemets."],
      },
    ]);
    // Several MIE separated by the file's separator: said so.
    const mie = templateCsv([{}]) + "\r\n" + templateCsv([{ MIE: "PASSWORD:2023-03-10" }]).split("\r\n")[1] + ";E_CPS:2026-11-20\r\n";
    expect((await parseText(mie)).rejected.at(-1)?.messages).toEqual([
      "Ligne 4 : 18 valeurs pour 17 colonnes : une valeur contient sans doute le séparateur sans être entre guillemets (les valeurs en trop sont des MIE : dans la colonne « MIE », séparez-les par « , » ou « | »).",
    ]);
  });

  it("stops on a quote that is never closed", async () => {
    const text = templateCsv([{}]) + '"DURAND;Paul;01/01/1970\r\n';
    const result = await parseText(text);
    expect(result.errors).toEqual([
      "Ligne 3 : un guillemet (\") ouvert n'est jamais refermé, la suite du fichier ne peut pas être lue. Corrigez cette ligne.",
    ]);
  });

  it("numbers lines as the file does, blank lines included", async () => {
    const text = templateCsv([{}]) + "\r\n;;;\r\n" + templateCsv([{ RPPS: "1234" }]).split("\r\n")[1] + "\r\n";
    const result = await parseText(text);
    expect(result.rejected.map((line) => line.line)).toEqual([5]);
  });
});

describe("parseRosterFile: a title above the column names", () => {
  const csvNotes = ["Encodage du fichier : UTF-8.", "Séparateur de colonnes : point-virgule (;)."];

  it.each([
    ["as a text editor writes it", `${TITLE}\r\n\r\n`],
    ["as Excel saves it, with the separators of the empty cells", `${TITLE};;;;\r\n;;;;\r\n`],
  ])("finds the header row below a title and a blank line (%s), says so, and keeps the file's line numbers", async (_name, above) => {
    const result = await parseText(above + templateCsv([{}, { Nom: "MARTIN", RPPS: "1234" }]));
    expect(result.errors).toEqual([]);
    expect(result.notes).toEqual([...csvNotes, "Les 2 premières lignes, avant les intitulés de colonnes, ont été ignorées."]);
    expect(result.rows.map((row) => [row.line, row.lastName])).toEqual([[4, "DUPONT"]]);
    expect(result.rejected).toMatchObject([{ line: 5, messages: ["Ligne 5 : le numéro RPPS 1234 doit comporter 11 chiffres."] }]);
    expect(result.header?.[0]).toBe("Nom");
  });

  it("says « la première ligne » for one line above, and reads a correction by the file's line number", async () => {
    const text = `${TITLE}\r\n` + templateCsv([{ RPPS: "1234" }]);
    const first = await parseText(text);
    expect(first.notes.at(-1)).toBe("La première ligne, avant les intitulés de colonnes, a été ignorée.");
    const corrected = [...(first.rejectedCells?.get(3) ?? [])];
    corrected[first.header?.indexOf("RPPS") ?? -1] = RPPS_1;
    const second = await parseRosterFile(
      { bytes: utf8(text), fileName: "registre.csv" },
      { ...options, corrections: new Map([[3, corrected]]) },
    );
    expect([second.rejected, second.rows.map((row) => [row.line, row.rpps])]).toEqual([[], [[3, RPPS_1]]]);
  });

  it("says nothing of blank lines above the header (empty, or separators only)", async () => {
    const result = await parseText("\r\n;;;\r\n" + templateCsv([{}]));
    expect(result.notes).toEqual(csvNotes);
    expect(result.rows.map((row) => row.line)).toEqual([4]);
  });

  it("names missing columns on the header row's own line", async () => {
    const headers = TEMPLATE_COLUMNS.map((column) => column.header).filter((header) => header !== "MIE");
    const result = await parseText(`${TITLE}\r\n\r\n` + templateCsv([{}], ";", headers));
    expect(result.errors).toEqual([
      "Ligne 3 : colonne absente : « MIE ». Toutes les colonnes du modèle doivent figurer dans le fichier, même vides : partez du modèle de fichier de l'application.",
    ]);
  });

  it("looks no further than the first 10 non-blank lines, and then says which names it looked for, on one line", async () => {
    const above = Array.from({ length: 10 }, (_, index) => `Remarque ${index + 1}`).join("\r\n");
    expect((await parseText(`${above}\r\n\r\n` + templateCsv([{}]))).errors).toEqual([NO_HEADER]);
    const nineAbove = Array.from({ length: 9 }, (_, index) => `Remarque ${index + 1}`).join("\r\n");
    expect((await parseText(`${nineAbove}\r\n\r\n` + templateCsv([{}]))).rows.map((row) => row.line)).toEqual([12]);
    // The column names one below the other (a list, not a header row).
    const vertical = TEMPLATE_COLUMNS.map((column) => column.header).join("\r\n");
    expect((await parseText(vertical)).errors).toEqual([NO_HEADER]);
  });
});

describe("parseRosterFile: encodings", () => {
  const accented: TemplateLine = { Nom: "LEFÈVRE", Prénom: "Zoé", RPPS: RPPS_2 };
  const expectAccents = (result: RosterImportResult) => {
    expect(result.rejected).toEqual([]);
    expect(result.rows.map((row) => [row.lastName, row.firstName])).toEqual([["LEFÈVRE", "Zoé"]]);
  };

  it("reads UTF-8 with a BOM and says so", async () => {
    const bytes = utf8(`\uFEFF${templateCsv([accented])}`);
    const result = await parseRosterFile({ bytes, fileName: "registre.csv" }, options);
    expect(result.encoding).toBe("UTF-8-BOM");
    expect(result.notes[0]).toBe("Encodage du fichier : UTF-8 (avec BOM).");
    expectAccents(result);
  });

  it("falls back to Windows-1252 (Excel on Windows) and says so", async () => {
    const text = templateCsv([accented]);
    // Windows-1252 encodes these characters on one byte each (é = 0xE9, È = 0xC8).
    const bytes = Uint8Array.from([...text].map((char) => ({ é: 0xe9, É: 0xc9, è: 0xe8, È: 0xc8 })[char] ?? char.charCodeAt(0)));
    expect(bytes.every((byte) => byte < 0x100)).toBe(true);
    const result = await parseRosterFile({ bytes, fileName: "registre.csv" }, options);
    expect(result.encoding).toBe("WINDOWS-1252");
    expect(result.notes[0]).toMatch(/^Encodage du fichier : Windows-1252 \(le fichier n'est pas en UTF-8/);
    expectAccents(result);
    // The names it asks to check are shown, not left to find in a preview that lists no names.
    const [row] = result.rows;
    expect(result.warnings[0]).toContain(`« ${row!.firstName} ${row!.lastName} »`);
  });

  it("reads Windows-1252's own characters, where it differs from Latin-1: Excel's apostrophe, « œ »", async () => {
    const text = templateCsv([{ Nom: "N’DIAYE", Prénom: "Cœlia", RPPS: RPPS_2 }]);
    const bytes = Uint8Array.from([...text].map((char) => ({ "’": 0x92, œ: 0x9c, é: 0xe9 })[char] ?? char.charCodeAt(0)));
    const result = await parseRosterFile({ bytes, fileName: "registre.csv" }, options);
    expect(result).toMatchObject({ encoding: "WINDOWS-1252", rejected: [] });
    expect(result.rows.map((row) => [row.lastName, row.firstName])).toEqual([["N’DIAYE", "Cœlia"]]);
  });

  it("reads Excel's « Texte Unicode » (UTF-16 with a BOM, tab-separated)", async () => {
    const text = templateCsv([accented], "\t");
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    const result = await parseRosterFile({ bytes, fileName: "registre.txt" }, options);
    expect(result.encoding).toBe("UTF-16LE");
    expect(result.separator).toBe("\t");
    expectAccents(result);
  });
});

async function workbook(rows: (string | number | Date | boolean | null)[][], extraSheet = false): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Personnel");
  rows.forEach((row) => sheet.addRow(row));
  if (extraSheet) book.addWorksheet("Notes").addRow(["rien à lire ici"]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("parseRosterFile: the template as an Excel workbook", () => {
  const headers = TEMPLATE_COLUMNS.map((column) => column.header);

  it("reads the first sheet, with real dates, numbers and booleans in cells", async () => {
    const values = headers.map((header) => GOOD_LINE[header as keyof typeof GOOD_LINE] as string | number | Date | boolean);
    values[headers.indexOf("Date de naissance")] = d("1980-04-12");
    values[headers.indexOf("Code profession")] = 60;
    values[headers.indexOf("RPPS")] = Number(RPPS_1);
    values[headers.indexOf("Besoin DMP")] = true;
    values[headers.indexOf("Besoin services PSC")] = false;
    const bytes = await workbook([headers, values, [], headers.map(() => null)], true);
    const result = await parseRosterFile({ bytes, fileName: "registre.xlsx" }, options);
    expect(result).toMatchObject({ format: "XLSX", encoding: null, rejected: [], errors: [] });
    expect(result.notes).toEqual(["Le classeur contient 2 feuilles : seule la première (« Personnel ») est lue."]);
    const [row] = result.rows as TemplateImportRow[];
    expect(row).toMatchObject({
      line: 2,
      birthDate: d("1980-04-12"),
      professionCode: "60",
      rpps: RPPS_1,
      needsDmp: true,
      needsPscServices: false,
    });
  });

  it("reads a date cell that lost its format, which Excel then shows as its day count", async () => {
    const values = headers.map((header) =>
      header === "Début d'activité" ? 43831 : (GOOD_LINE[header as keyof typeof GOOD_LINE] as string),
    );
    const result = await parseRosterFile({ bytes: await workbook([headers, values]), fileName: "registre.xlsx" }, options);
    expect(result.rejected).toEqual([]);
    expect(result.rows[0]).toMatchObject({ activityStart: d("2020-01-01") });
  });

  it("names the worksheet row of a rejected line", async () => {
    const values = headers.map((header) => (header === "RPPS" ? "1234" : (GOOD_LINE[header as keyof typeof GOOD_LINE] as string)));
    const bytes = await workbook([headers, [], values]);
    const result = await parseRosterFile({ bytes, fileName: "registre.xlsx" }, options);
    const rpps = "Ligne 3 : le numéro RPPS 1234 doit comporter 11 chiffres.";
    expect(result.rejected).toEqual([{ line: 3, messages: [rpps], cellMessages: { [headers.indexOf("RPPS")]: [rpps] } }]);
  });

  it("refuses a line on a cell whose formula failed, instead of reading « #REF! » as a name", async () => {
    const values: ExcelJS.CellValue[] = headers.map((header) => GOOD_LINE[header as keyof typeof GOOD_LINE] as string);
    values[headers.indexOf("Nom")] = { error: "#REF!" } as ExcelJS.CellErrorValue;
    values[headers.indexOf("Date de naissance")] = { formula: "DATE(1980;4;31)", result: { error: "#VALUE!" } } as ExcelJS.CellFormulaValue;
    // Without an RPPS number, the birth date is required: its failed formula is the one message about it.
    values[headers.indexOf("RPPS")] = "";
    values[headers.indexOf("Statut RPPS")] = "Non enregistré";
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Personnel");
    sheet.addRow(headers);
    sheet.addRow(values);
    const result = await parseRosterFile({ bytes: new Uint8Array(await book.xlsx.writeBuffer()), fileName: "registre.xlsx" }, options);
    expect(result.rows).toEqual([]);
    const name =
      "Ligne 2 : la colonne « Nom » contient l'erreur Excel #REF! : corrigez la formule dans le fichier, ou saisissez la valeur ici.";
    const birthDate =
      "Ligne 2 : la colonne « Date de naissance » contient l'erreur Excel #VALUE! : corrigez la formule dans le fichier, ou saisissez la valeur ici.";
    expect(result.rejected).toEqual([
      {
        line: 2,
        messages: [name, birthDate],
        cellMessages: { [headers.indexOf("Nom")]: [name], [headers.indexOf("Date de naissance")]: [birthDate] },
      },
    ]);
    // The same cell saved as CSV by Excel.
    const csv = await parseLines([{ Prénom: "#N/A" }]);
    expect(csv.rejected[0]?.messages).toEqual([
      "Ligne 2 : la colonne « Prénom » contient l'erreur Excel #N/A : corrigez la formule dans le fichier, ou saisissez la valeur ici.",
    ]);
  });

  it("says when a CSV was pasted into one column", async () => {
    const bytes = await workbook([[headers.join(";")], [Object.values(GOOD_LINE).join(";")]]);
    const result = await parseRosterFile({ bytes, fileName: "registre.xlsx" }, options);
    expect(result.errors).toEqual([
      "Ligne 1 : l'en-tête tient dans une seule cellule : un fichier CSV a sans doute été collé dans une seule colonne. Dans Excel, utilisez « Données > Convertir », ou importez directement le fichier CSV.",
    ]);
  });

  it("names a PDF, an image or a LibreOffice workbook for what it is instead of reading it as a CSV", async () => {
    const read = async (bytes: number[] | string, fileName: string) =>
      (await parseRosterFile({ bytes: typeof bytes === "string" ? utf8(bytes) : Uint8Array.from(bytes), fileName }, options)).errors;
    expect(await read("%PDF-1.7\n%âãÏÓ\n1 0 obj", "registre.csv")).toEqual([
      "Le fichier « registre.csv » est un document PDF, pas un tableau : choisissez le registre enregistré au format Excel (.xlsx) ou CSV, sur le modèle d'import.",
    ]);
    expect(await read([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "capture.csv")).toEqual([
      "Le fichier « capture.csv » est une image (PNG), pas un tableau : choisissez le registre enregistré au format Excel (.xlsx) ou CSV, sur le modèle d'import.",
    ]);
    const ods = [0x50, 0x4b, 0x03, 0x04, ...utf8("\u0000".repeat(26) + "mimetypeapplication/vnd.oasis.opendocument.spreadsheet")];
    expect(await read(ods, "registre.xlsx")).toEqual([
      "Le fichier « registre.xlsx » est un classeur LibreOffice (.ods), qui n'est pas pris en charge : dans LibreOffice, choisissez « Fichier › Enregistrer sous » au format Excel (.xlsx) ou CSV.",
    ]);
  });

  it("refuses Excel 97-2003 files and files that only pretend to be workbooks", async () => {
    const xls = await parseRosterFile(
      { bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), fileName: "registre.xls" },
      options,
    );
    expect(xls.errors).toEqual([
      "Le format Excel 97-2003 (.xls) n'est pas pris en charge : enregistrez le fichier au format Excel (.xlsx) ou CSV.",
    ]);
    const fake = await parseRosterFile({ bytes: utf8("Nom;Prénom\r\n"), fileName: "registre.xlsx" }, options);
    expect(fake.errors).toEqual([
      "Le fichier « registre.xlsx » porte l'extension .xlsx mais n'est pas un classeur Excel : enregistrez-le de nouveau depuis Excel.",
    ]);
    const broken = await parseRosterFile({ bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), fileName: "registre.xlsx" }, options);
    expect(broken.errors[0]).toMatch(/^Le fichier « registre\.xlsx » n'a pas pu être lu comme un classeur Excel/);
    const sheetless = await parseRosterFile(
      { bytes: new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer()), fileName: "vide.xlsx" },
      options,
    );
    expect(sheetless.errors).toEqual([
      "Le fichier « vide.xlsx » ne contient aucune feuille de calcul : enregistrez-le depuis Excel ou LibreOffice.",
    ]);
  });
});

type Rows = (string | number | Date | boolean | null)[][];
async function workbookOf(sheets: Record<string, Rows>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    rows.forEach((row) => sheet.addRow(row));
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("parseRosterFile: which part of an Excel workbook is read", () => {
  const headers = TEMPLATE_COLUMNS.map((column) => column.header);
  const line = (overrides: TemplateLine = {}) =>
    headers.map((header) => ({ ...GOOD_LINE, ...overrides })[header as keyof TemplateLine] ?? "");
  const read = async (sheets: Record<string, Rows>) =>
    parseRosterFile({ bytes: await workbookOf(sheets), fileName: "registre.xlsx" }, options);

  it("finds the header row below a title and a blank row, says so, and names the worksheet's rows", async () => {
    const result = await read({ Personnel: [[TITLE], [], headers, line(), line({ Nom: "MARTIN", RPPS: "1234" })] });
    expect(result).toMatchObject({ format: "XLSX", errors: [], warnings: [] });
    expect(result.notes).toEqual([
      "Classeur Excel : feuille « Personnel » lue.",
      "Les 2 premières lignes, avant les intitulés de colonnes, ont été ignorées.",
    ]);
    expect(result.rows.map((row) => row.line)).toEqual([4]);
    expect(result.rejected).toMatchObject([{ line: 5, messages: ["Ligne 5 : le numéro RPPS 1234 doit comporter 11 chiffres."] }]);
  });

  it("reads the sheet that holds the columns when a « Notice » sheet comes first, and says which", async () => {
    const result = await read({
      Notice: [["Remplissez la feuille « Personnel »."], ["Une ligne par professionnel."]],
      Personnel: [headers, line()],
    });
    expect(result).toMatchObject({ errors: [], warnings: [] });
    expect(result.notes).toEqual([
      "Feuille « Personnel » lue : la feuille « Notice », avant elle, ne contient pas les intitulés de colonnes du modèle.",
    ]);
    expect(result.rows.map((row) => [row.line, row.lastName])).toEqual([[2, "DUPONT"]]);
  });

  it("reads the next sheet when the first is empty", async () => {
    const result = await read({ Feuil1: [], Feuil2: [], Personnel: [[TITLE], headers, line()] });
    expect(result.notes).toEqual([
      "Feuille « Personnel » lue : les feuilles « Feuil1 » et « Feuil2 », avant elle, sont vides.",
      "La première ligne, avant les intitulés de colonnes, a été ignorée.",
    ]);
    expect(result.rows.map((row) => row.line)).toEqual([3]);
  });

  it("reads the first of several sheets with the columns and names the others, not read", async () => {
    const result = await read({
      Notice: [["À lire"]],
      "Site A": [headers, line()],
      "Site B": [headers, line({ Nom: "MARTIN", RPPS: RPPS_2 })],
      "Site C": [headers, line({ Nom: "PETIT", RPPS: RPPS_3 })],
    });
    expect(result.rows.map((row) => row.lastName)).toEqual(["DUPONT"]);
    expect(result.notes).toEqual([
      "Feuille « Site A » lue : la feuille « Notice », avant elle, ne contient pas les intitulés de colonnes du modèle.",
    ]);
    expect(result.warnings).toEqual([
      "Les feuilles « Site B » et « Site C » contiennent aussi les intitulés de colonnes du modèle mais n'ont pas été lues : seule la feuille « Site A » est importée. Importez les autres dans un second temps, ou rassemblez les professionnels dans une seule feuille.",
    ]);
    const two = await read({ Personnel: [headers, line()], Archives: [headers, line({ Nom: "MARTIN", RPPS: RPPS_2 })] });
    expect(two.notes).toEqual(["Le classeur contient 2 feuilles : seule la première (« Personnel ») est lue."]);
    expect(two.warnings).toEqual([
      "La feuille « Archives » contient aussi les intitulés de colonnes du modèle mais n'a pas été lue : seule la feuille « Personnel » est importée. Importez les autres dans un second temps, ou rassemblez les professionnels dans une seule feuille.",
    ]);
  });

  it("says which names it looked for when no sheet has them", async () => {
    const result = await read({
      Feuil1: [],
      Notice: [
        ["Service", "Effectif"],
        ["Urgences", 12],
      ],
    });
    expect(result.errors).toEqual([NO_HEADER]);
    expect(result.notes).toEqual(["Feuille « Notice » lue : la feuille « Feuil1 », avant elle, est vide."]);
    const empty = await read({ Feuil1: [] });
    expect(empty.errors).toEqual(["Le fichier est vide."]);
  });
});

describe("rosterMatchKey", () => {
  it("uses the RPPS number when there is one", () => {
    expect(rosterMatchKey({ rpps: RPPS_1, lastName: "A", firstName: "B", birthDate: null })).toBe(`rpps:${RPPS_1}`);
  });

  it("otherwise the name and birth date, whatever the accents, case and hyphens", () => {
    const a = rosterMatchKey({ rpps: null, lastName: "Lefèvre-Durand", firstName: "Zoé", birthDate: d("1980-04-12") });
    const b = rosterMatchKey({ rpps: null, lastName: "LEFEVRE DURAND ", firstName: "zoe", birthDate: new Date("1980-04-12T00:00:00Z") });
    expect(a).toBe("personne:LEFEVRE DURAND|ZOE|1980-04-12");
    expect(b).toBe(a);
  });

  it("cannot match without RPPS nor birth date", () => {
    expect(rosterMatchKey({ rpps: null, lastName: "A", firstName: "B", birthDate: null })).toBeNull();
  });
});

describe("parseRosterFile: lines corrected in the preview", () => {
  it("gives a rejected line's cells and reads its correction in place of the file's line", async () => {
    const text = templateCsv([{}, { RPPS: "1234", Nom: "MARTIN" }]);
    const first = await parseText(text);
    expect(first.rejected.map((rejected) => rejected.line)).toEqual([3]);
    const cells = first.rejectedCells?.get(3);
    expect(cells?.[first.header?.indexOf("RPPS") ?? -1]).toBe("1234");

    const corrected = [...(cells ?? [])];
    corrected[first.header?.indexOf("RPPS") ?? -1] = RPPS_2;
    const second = await parseRosterFile(
      { bytes: utf8(text), fileName: "registre.csv" },
      { ...options, corrections: new Map([[3, corrected]]) },
    );
    expect(second.rejected).toEqual([]);
    expect(second.rows.map((row) => [row.line, row.lastName, row.rpps])).toEqual([
      [2, "DUPONT", RPPS_1],
      [3, "MARTIN", RPPS_2],
    ]);
  });

  it("checks a correction like any line (a duplicate of another line stays rejected)", async () => {
    const text = templateCsv([{}, { RPPS: "1234", Nom: "MARTIN" }]);
    const first = await parseText(text);
    const corrected = [...(first.rejectedCells?.get(3) ?? [])];
    corrected[first.header?.indexOf("RPPS") ?? -1] = RPPS_1;
    const second = await parseRosterFile(
      { bytes: utf8(text), fileName: "registre.csv" },
      { ...options, corrections: new Map([[3, corrected]]) },
    );
    expect(second.rejected).toEqual([
      { line: 3, messages: [`Ligne 3 : doublon de la ligne 2 (même numéro RPPS ${RPPS_1}).`], cellMessages: {} },
    ]);
  });
});

describe("parseRosterFile: a date typed in the preview's correction", () => {
  const headers = TEMPLATE_COLUMNS.map((column) => column.header);
  const START = headers.indexOf("Début d'activité");
  const RPPS = headers.indexOf("RPPS");

  it("refuses a bare number typed as a date: only a spreadsheet's cell holds a day count", async () => {
    const text = templateCsv([{}, { RPPS: "1234", Nom: "MARTIN" }]);
    const corrected = [...((await parseText(text)).rejectedCells?.get(3) ?? [])];
    corrected[RPPS] = RPPS_2;
    corrected[START] = "45000";
    const result = await parseRosterFile(
      { bytes: utf8(text), fileName: "registre.csv" },
      { ...options, corrections: new Map([[3, corrected]]) },
    );
    const message =
      "Ligne 3 : « 45000 » est un nombre, pas une date, dans la colonne « Début d'activité » : saisissez la date au format JJ/MM/AAAA (par exemple 01/09/2015).";
    expect(result.rejected).toEqual([{ line: 3, messages: [message], cellMessages: { [START]: [message] } }]);

    corrected[START] = "14/03/2023";
    const typedAsTheHintSays = await parseRosterFile(
      { bytes: utf8(text), fileName: "registre.csv" },
      { ...options, corrections: new Map([[3, corrected]]) },
    );
    expect(typedAsTheHintSays.rejected).toEqual([]);
    expect(typedAsTheHintSays.rows[1]).toMatchObject({ line: 3, activityStart: d("2023-03-14") });
  });

  it("still reads the day count of the file's own cell when the correction leaves that cell as it was", async () => {
    const values = headers.map((header) =>
      header === "Début d'activité" ? 43831 : header === "RPPS" ? "1234" : (GOOD_LINE[header as keyof typeof GOOD_LINE] as string),
    );
    const bytes = await workbook([headers, values]);
    const first = await parseRosterFile({ bytes, fileName: "registre.xlsx" }, options);
    const corrected = [...(first.rejectedCells?.get(2) ?? [])];
    expect(corrected[START]).toBe("43831");
    corrected[RPPS] = RPPS_2;
    const second = await parseRosterFile({ bytes, fileName: "registre.xlsx" }, { ...options, corrections: new Map([[2, corrected]]) });
    expect(second.rejected).toEqual([]);
    expect(second.rows[0]).toMatchObject({ line: 2, rpps: RPPS_2, activityStart: d("2020-01-01") });
  });
});

describe("firstLinesRefusal: what the first lines already show, before the whole file is read or stored", () => {
  const refusal = (bytes: Uint8Array, fileName = "registre.csv") => firstLinesRefusal({ bytes, fileName });
  const errorsOf = async (bytes: Uint8Array, fileName = "registre.csv") => (await parseRosterFile({ bytes, fileName }, options)).errors;

  it("refuses with the whole reading's own message a file of NUL bytes, a text without header, a PDF, an empty file", async () => {
    for (const [bytes, fileName] of [
      [new Uint8Array(FIRST_LINES_BYTES * 3), "liste.csv"],
      [new Uint8Array(100), "liste.csv"],
      [utf8("Réunion du 3 mars\nOrdre du jour\n".repeat(60_000)), "notes.csv"],
      [utf8("%PDF-1.7\n"), "registre.csv"],
      [utf8("Nom|Prénom|RPPS|Date de naissance\n"), "registre.csv"],
      [utf8(" \n\n"), "registre.csv"],
      [new Uint8Array(0), "registre.csv"],
    ] as const) {
      const [expected] = await errorsOf(bytes, fileName);
      expect(expected, fileName).toBeDefined();
      expect(refusal(bytes, fileName)).toBe(expected);
    }
    expect(refusal(new Uint8Array(FIRST_LINES_BYTES * 3), "liste.csv")).toBe(NO_HEADER);
    // The one file the whole reading would take: a header under a first line longer than the bytes searched.
    expect(refusal(utf8(`${"x".repeat(FIRST_LINES_BYTES + 10)}\n${templateCsv([{}])}`))).toBe(NO_HEADER);
  });

  it("lets through what only the whole reading can judge: a header under a title, a large file, a workbook, an extract", async () => {
    const large = `${TITLE}\n\n${templateCsv(Array.from({ length: 8_000 }, () => ({})))}`;
    expect(Buffer.byteLength(large)).toBeGreaterThan(FIRST_LINES_BYTES);
    expect(refusal(utf8(large))).toBeNull();
    // A header with accents, in Windows-1252, and the head cut between two lines of accented names.
    expect(refusal(new Uint8Array(Buffer.from(large.replaceAll("Marie", "Mélanie"), "latin1")))).toBeNull();
    expect(refusal(utf8(templateCsv([{}], ",")))).toBeNull();
    // A header already there, but a file the whole reading refuses: said by the preview.
    expect(refusal(utf8("Nom;Prénom\nDUPONT;Marie\n"))).toBeNull();
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), "registre.xlsx")).toBeNull();
    expect(
      refusal(utf8("Type d'identifiant PP|Identifiant PP|Identification nationale PP|Nom d'exercice|Prénom d'exercice|Code profession|\n")),
    ).toBeNull();
  });
});
