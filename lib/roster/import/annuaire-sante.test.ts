import { describe, expect, it } from "vitest";
import { withFinessKey } from "@/lib/identifiers/finess";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { PROFESSION_CODES, RPPS_1, RPPS_2, RPPS_3, utf8 } from "./fixtures.test-helpers";
import { parseRosterFile, type DirectoryImportRow } from "./index";

/** The classic 52-column header (docs/domain/file-formats.md). */
const CLASSIC = [
  "Type d'identifiant PP",
  "Identifiant PP",
  "Identification nationale PP",
  "Code civilité d'exercice",
  "Libellé civilité d'exercice",
  "Code civilité",
  "Libellé civilité",
  "Nom d'exercice",
  "Prénom d'exercice",
  "Code profession",
  "Libellé profession",
  "Code catégorie professionnelle",
  "Libellé catégorie professionnelle",
  "Code type savoir-faire",
  "Libellé type savoir-faire",
  "Code savoir-faire",
  "Libellé savoir-faire",
  "Code mode exercice",
  "Libellé mode exercice",
  "Numéro SIRET site",
  "Numéro SIREN site",
  "Numéro FINESS site",
  "Numéro FINESS établissement juridique",
  "Identifiant technique de la structure",
  "Raison sociale site",
  "Enseigne commerciale site",
  "Complément destinataire (coord. structure)",
  "Complément point géographique (coord. structure)",
  "Numéro Voie (coord. structure)",
  "Indice répétition voie (coord. structure)",
  "Code type de voie (coord. structure)",
  "Libellé type de voie (coord. structure)",
  "Libellé Voie (coord. structure)",
  "Mention distribution (coord. structure)",
  "Bureau cedex (coord. structure)",
  "Code postal (coord. structure)",
  "Code commune (coord. structure)",
  "Libellé commune (coord. structure)",
  "Code pays (coord. structure)",
  "Libellé pays (coord. structure)",
  "Téléphone (coord. structure)",
  "Téléphone 2 (coord. structure)",
  "Télécopie (coord. structure)",
  "Adresse e-mail (coord. structure)",
  "Code Département (structure)",
  "Libellé Département (structure)",
  "Ancien identifiant de la structure",
  "Autorité d'enregistrement",
  "Code secteur d'activité",
  "Libellé secteur d'activité",
  "Code section tableau pharmaciens",
  "Libellé section tableau pharmaciens",
];

/** The newer header: a few spellings differ, savoir-faire moved out, columns added at the end. */
const NEWER_SPELLING = new Map([
  ["Libellé civilité d'exercice", "Libellé civilité exercice"],
  ["Code Département (structure)", "Code département (coord. structure)"],
  ["Type d'identifiant PP", "Type d’identifiant PP"],
  ["Code mode exercice", "Code mode d'exercice"],
]);
const NEWER = [
  ...CLASSIC.filter((name) => !name.includes("savoir-faire")).map((name) => NEWER_SPELLING.get(name) ?? name),
  "Code fonction",
  "Libellé fonction",
  "Code genre d'activité",
  "Libellé genre d'activité",
];
const CLASSIC_SPELLING = new Map([...NEWER_SPELLING].map(([classic, newer]) => [newer, classic]));
expect(CLASSIC).toHaveLength(52);
expect(NEWER).toHaveLength(52);

const VOLUNTEER = withRppsKey("1000000003");
const OPTICIAN = withRppsKey("1000000004");
const SITE = withFinessKey("01000840"); // a leading zero that must survive
const LEGAL_ENTITY = "690781810";
const ELSEWHERE = "130783236";

type Line = Record<string, string>;
const base: Line = {
  "Type d'identifiant PP": "8",
  "Code civilité d'exercice": "MME",
  "Code profession": "60",
  "Libellé profession": "Infirmier",
  "Code catégorie professionnelle": "C",
  "Code mode exercice": "S",
  "Numéro FINESS site": SITE,
  "Numéro FINESS établissement juridique": LEGAL_ENTITY,
  "Raison sociale site": "CH DE BOURG",
};

const LINES: Line[] = [
  { "Identifiant PP": RPPS_1, "Identification nationale PP": `8${RPPS_1}`, "Nom d'exercice": "LEFÈVRE", "Prénom d'exercice": "Hélène" },
  // Another establishment: not read.
  {
    "Identifiant PP": RPPS_2,
    "Nom d'exercice": "AUTRE",
    "Prénom d'exercice": "Paul",
    "Numéro FINESS site": ELSEWHERE,
    "Numéro FINESS établissement juridique": ELSEWHERE,
  },
  // The same person at another site of the same legal entity.
  { "Identifiant PP": RPPS_1, "Nom d'exercice": "LEFÈVRE", "Prénom d'exercice": "Hélène", "Numéro FINESS site": ELSEWHERE },
  // An ADELI professional: no RPPS.
  {
    "Type d'identifiant PP": "0",
    "Identifiant PP": "123456782",
    "Identification nationale PP": "0123456782",
    "Nom d'exercice": "ADELI",
    "Prénom d'exercice": "Jean",
  },
  // RPPS only in the national identifier; a student, self-employed.
  {
    "Type d'identifiant PP": "",
    "Identification nationale PP": `8${RPPS_3}`,
    "Nom d'exercice": "MOREAU",
    "Prénom d'exercice": "Léa",
    "Code catégorie professionnelle": "E",
    "Code mode exercice": "L",
    "Code profession": "10",
  },
  // The FINESS appears on the line, but as the structure's technical identifier: not ours.
  {
    "Identifiant PP": RPPS_2,
    "Nom d'exercice": "AUTRE",
    "Prénom d'exercice": "Paul",
    "Numéro FINESS site": ELSEWHERE,
    "Numéro FINESS établissement juridique": ELSEWHERE,
    "Identifiant technique de la structure": `F${SITE}`,
  },
  // A volunteer: no population in the roster.
  {
    "Identifiant PP": VOLUNTEER,
    "Nom d'exercice": "BENEVOLE",
    "Prénom d'exercice": "Anne",
    "Code mode exercice": "B",
    "Code catégorie professionnelle": "M",
    "Code profession": "99",
  },
  // A profession the roster does not know.
  {
    "Identifiant PP": OPTICIAN,
    "Nom d'exercice": "OPTIQUE",
    "Prénom d'exercice": "Luc",
    "Code profession": "28",
    "Libellé profession": "Opticien-Lunetier",
  },
];

function extract(header: readonly string[], lines: Line[]): string {
  const row = (line: Line) => header.map((name) => ({ ...base, ...line })[CLASSIC_SPELLING.get(name) ?? name] ?? "").join("|") + "|";
  return [header.join("|") + "|", ...lines.map(row)].join("\n") + "\n";
}

const FILE_NAME = "PS_LibreAcces_Personne_activite_202603120815.txt";
const options = { professionCodes: PROFESSION_CODES, finess: [SITE] };

describe.each([
  ["classic", CLASSIC],
  ["newer", NEWER],
])("parseRosterFile: Annuaire Santé extract (%s header)", (_variant, header) => {
  it("keeps the lines of the FINESS, by column name, and maps the directory's codes", async () => {
    const result = await parseRosterFile({ bytes: utf8(extract(header, LINES)), fileName: FILE_NAME }, options);
    expect(result).toMatchObject({ format: "ANNUAIRE_SANTE", encoding: "UTF-8", separator: "|", errors: [] });
    const checkedAt = new Date("2026-03-12T00:00:00Z");
    expect(result.rows).toEqual<DirectoryImportRow[]>([
      {
        source: "ANNUAIRE_SANTE",
        line: 2,
        lines: [2],
        matchKey: `rpps:${RPPS_1}`,
        lastName: "LEFÈVRE",
        firstName: "Hélène",
        rpps: RPPS_1,
        rppsStatus: "REGISTERED",
        rppsCheckedAt: checkedAt,
        professionCode: "60",
        category: "CIVIL",
        population: "SALARIED",
      },
      {
        source: "ANNUAIRE_SANTE",
        line: 6,
        lines: [6],
        matchKey: `rpps:${RPPS_3}`,
        lastName: "MOREAU",
        firstName: "Léa",
        rpps: RPPS_3,
        rppsStatus: "REGISTERED",
        rppsCheckedAt: checkedAt,
        professionCode: "10",
        category: "STUDENT",
        population: "INTERN",
      },
      {
        source: "ANNUAIRE_SANTE",
        line: 8,
        lines: [8],
        matchKey: `rpps:${VOLUNTEER}`,
        lastName: "BENEVOLE",
        firstName: "Anne",
        rpps: VOLUNTEER,
        rppsStatus: "REGISTERED",
        rppsCheckedAt: checkedAt,
        // RPPS+ without a role column: the roster's role, if it has them.
        professionCode: null,
        category: "PUBLIC_AGENT",
        population: null,
      },
    ]);
    expect(result.rejected).toEqual([
      {
        line: 5,
        messages: [
          "Ligne 5 : pas de numéro RPPS (identifiant 123456782, un numéro ADELI) : ajoutez ce professionnel avec le modèle de fichier de l'application, sans numéro RPPS, avec sa date de naissance.",
        ],
      },
      { line: 9, messages: ["Ligne 9 : le code profession « 28 » (Opticien-Lunetier) n'existe pas dans la liste des professions."] },
    ]);
    // The volunteer's missing population is the import plan's to judge (kept for someone already in the roster).
    expect(result.warnings).toEqual([]);
    expect(result.notes).toEqual([
      "Encodage du fichier : UTF-8.",
      `Extraction de l'Annuaire Santé : 5 lignes pour le FINESS ${SITE}, soit 3 professionnels.`,
      "Extraction du 12/03/2026 : cette date est retenue comme vérification du lien RPPS.",
    ]);
  });

  it("collapses a person found on several sites of the legal entity", async () => {
    const result = await parseRosterFile(
      { bytes: utf8(extract(header, LINES)), fileName: FILE_NAME },
      { ...options, finess: [SITE, LEGAL_ENTITY] },
    );
    expect(result.rows.map((row) => [row.rpps, row.source === "ANNUAIRE_SANTE" ? row.lines : []])).toEqual([
      [RPPS_1, [2, 4]],
      [RPPS_3, [6]],
      [VOLUNTEER, [8]],
    ]);
    expect(result.notes[1]).toBe(
      `Extraction de l'Annuaire Santé : 6 lignes pour le FINESS ${SITE} ou ${LEGAL_ENTITY}, soit 3 professionnels (1 sur plusieurs lignes, une par site ou activité, regroupées).`,
    );
  });
});

describe("parseRosterFile: Annuaire Santé extract, other cases", () => {
  it("reads a Windows-1252 copy and says so", async () => {
    const text = extract(CLASSIC, LINES.slice(0, 1));
    const bytes = Uint8Array.from([...text].map((char) => ({ é: 0xe9, è: 0xe8, È: 0xc8, É: 0xc9, ô: 0xf4 })[char] ?? char.charCodeAt(0)));
    const result = await parseRosterFile({ bytes, fileName: FILE_NAME }, options);
    expect(result.encoding).toBe("WINDOWS-1252");
    expect(result.rows.map((row) => `${row.firstName} ${row.lastName}`)).toEqual(["Hélène LEFÈVRE"]);
    expect(result.warnings[0]).toBe(
      "Le fichier n'est pas en UTF-8 : vérifiez que les accents de ces noms sont justes avant d'importer (sinon, enregistrez le fichier en « CSV UTF-8 » et importez-le de nouveau) : « Hélène LEFÈVRE ».",
    );
  });

  it("reads CRLF line ends and a BOM", async () => {
    const text = `\uFEFF${extract(CLASSIC, LINES.slice(0, 1)).replaceAll("\n", "\r\n")}`;
    const result = await parseRosterFile({ bytes: utf8(text), fileName: FILE_NAME }, options);
    expect(result.encoding).toBe("UTF-8-BOM");
    expect(result.rows).toHaveLength(1);
  });

  it("finds the extract date in a file name the browser or the director changed", async () => {
    for (const fileName of [
      "PS_LibreAcces_Personne_activite_202603120815 (1).txt",
      "PS_LibreAcces_Personne_activite_202603120815-ehpad.csv",
    ]) {
      const result = await parseRosterFile({ bytes: utf8(extract(CLASSIC, LINES.slice(0, 1))), fileName }, options);
      expect(result.warnings, fileName).toEqual([]);
      expect(result.rows[0], fileName).toMatchObject({ rppsCheckedAt: new Date("2026-03-12T00:00:00Z") });
    }
  });

  it("records an RPPS+ professional (profession 99) by their role, or without a profession when the extract has none", async () => {
    const withoutRpps99 = { professionCodes: PROFESSION_CODES.filter((code) => code !== "99"), finess: [SITE] };
    const aide = { "Identifiant PP": VOLUNTEER, "Nom d'exercice": "SOIGNANTE", "Prénom d'exercice": "Aïcha", "Code profession": "99" };
    const withRole = await parseRosterFile(
      { bytes: utf8(extract([...CLASSIC, "Code rôle"], [{ ...aide, "Code rôle": "313" }])), fileName: FILE_NAME },
      withoutRpps99,
    );
    expect(withRole.rejected).toEqual([]);
    expect(withRole.rows[0]).toMatchObject({ rpps: VOLUNTEER, professionCode: "313" });
    // Whether the roster already has them (and their role) is the import plan's to say.
    const withoutRole = await parseRosterFile({ bytes: utf8(extract(CLASSIC, [aide])), fileName: FILE_NAME }, withoutRpps99);
    expect(withoutRole.rejected).toEqual([]);
    expect(withoutRole.rows[0]).toMatchObject({ rpps: VOLUNTEER, professionCode: null });
    const unknownRole = await parseRosterFile(
      { bytes: utf8(extract([...CLASSIC, "Code rôle"], [{ ...aide, "Code rôle": "999" }])), fileName: FILE_NAME },
      withoutRpps99,
    );
    expect(unknownRole.rejected).toEqual([
      {
        line: 2,
        messages: [
          "Ligne 2 : professionnel RPPS+ (profession 99) au rôle « 999 » absent de la liste des professions : ajoutez-le avec le modèle de fichier de l'application, son rôle comme code profession (313 Aide-soignant, 328 Accompagnant éducatif et social…).",
        ],
      },
    ]);
  });

  it("warns when the file name carries no extract date, or no line matches", async () => {
    const result = await parseRosterFile({ bytes: utf8(extract(CLASSIC, LINES.slice(1, 2))), fileName: "annuaire.txt" }, options);
    expect(result.rows).toEqual([]);
    expect(result.warnings).toEqual([
      "La date de l'extraction ne figure pas dans le nom du fichier (PS_LibreAcces_Personne_activite_AAAAMMJJhhmm.txt) : la vérification du lien RPPS ne sera pas datée.",
      `Aucune ligne de l'extraction ne correspond au FINESS ${SITE} : vérifiez le numéro.`,
    ]);
  });

  it("asks for a valid FINESS, and for the columns it needs", async () => {
    const bytes = utf8(extract(CLASSIC, LINES));
    expect((await parseRosterFile({ bytes, fileName: FILE_NAME }, { professionCodes: PROFESSION_CODES })).errors).toEqual([
      "Indiquez le numéro FINESS de l'établissement : seules ses lignes sont lues dans l'extraction de l'Annuaire Santé.",
    ]);
    expect((await parseRosterFile({ bytes, fileName: FILE_NAME }, { ...options, finess: ["750712185"] })).errors).toEqual([
      "Numéro FINESS invalide : 750712185.",
    ]);
    const truncated = CLASSIC.filter((name) => name !== "Code mode exercice" && name !== "Nom d'exercice");
    const result = await parseRosterFile({ bytes: utf8(extract(truncated, LINES)), fileName: FILE_NAME }, options);
    expect(result.errors).toEqual([
      "Ligne 1 : colonnes absentes de l'extraction de l'Annuaire Santé : « Nom d'exercice », « Code mode exercice ».",
    ]);
  });

  it("rejects a line whose names hold a NUL byte, which PostgreSQL cannot store, at the preview", async () => {
    const damaged = { ...LINES[0]!, "Prénom d'exercice": "Hél\u0000ène" };
    const result = await parseRosterFile({ bytes: utf8(extract(CLASSIC, [damaged])), fileName: FILE_NAME }, options);
    expect(result.rows).toEqual([]);
    expect(result.rejected).toEqual([
      {
        line: 2,
        messages: [
          "Ligne 2 : la colonne « Prénom d'exercice » contient un caractère nul invisible (U+0000) : l'extraction est sans doute abîmée, téléchargez-la de nouveau.",
        ],
      },
    ]);
  });
});
