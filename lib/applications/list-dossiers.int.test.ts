import { beforeEach, describe, expect, it } from "vitest";
import { createReviewWave, createSubmittedDossier, programmeManager } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { dossierReference } from "./dossier-reference";
import { DOSSIERS_PAGE_SIZE, listDossiers, ZDossierFilters } from "./list-dossiers";

/** The page is chosen first and its rows read afterwards: each row must still be its own dossier, in the page's order. */
describe("the programme's dossier list", () => {
  beforeEach(resetDatabase);

  it("pages through the filtered dossiers in the chosen order, each row with its own establishment and amounts", async () => {
    const wave = await createReviewWave(testDb);
    const names = Array.from({ length: DOSSIERS_PAGE_SIZE + 5 }, (_, index) => `EHPAD ${99 - index}`);
    const regionOf = (index: number) => (index % 10 === 0 ? "75" : "84");
    for (const [index, name] of names.entries()) await createSubmittedDossier(testDb, wave, { name, regionCode: regionOf(index) });
    const manager = await programmeManager(testDb);
    const inRegion = names.filter((_, index) => regionOf(index) === "84").sort();

    const first = await listDossiers(manager, ZDossierFilters.parse({ region: "84", sort: "establishment" }));
    const second = await listDossiers(manager, ZDossierFilters.parse({ region: "84", sort: "establishment", page: "2" }));
    expect(first.total).toBe(inRegion.length);
    expect(first.pageCount).toBe(2);
    expect([...first.rows, ...second.rows].map((row) => row.establishment.name)).toEqual(inRegion);

    const all = await listDossiers(manager, ZDossierFilters.parse({ sort: "establishment", page: "2" }));
    expect(all.rows.map((row) => row.establishment.name)).toEqual([...names].sort().slice(DOSSIERS_PAGE_SIZE));
    for (const row of [...first.rows, ...second.rows]) {
      const stored = await testDb.application.findUniqueOrThrow({
        where: { id: row.id },
        select: { establishment: { select: { name: true } } },
      });
      expect(row.establishment.name).toBe(stored.establishment.name);
      expect(row.establishment.regionCode).toBe("84");
      expect(row.state).toBe("SUBMITTED");
      expect(row.budgetLines.map((line) => line.amountCents)).toEqual([1_250_000n]);
    }
  });

  it("orders establishments as French readers do: case and accents second to the letters", async () => {
    const wave = await createReviewWave(testDb);
    for (const name of [
      "CHRS Le Phare",
      "Établissement Zéphyr",
      "Centre hospitalier de Sainte-Marie",
      "EHPAD Les Tilleuls",
      "ehpad Arc-en-ciel",
    ])
      await createSubmittedDossier(testDb, wave, { name });
    const manager = await programmeManager(testDb);
    const { rows } = await listDossiers(manager, ZDossierFilters.parse({ sort: "establishment" }));
    const french = [
      "Centre hospitalier de Sainte-Marie",
      "CHRS Le Phare",
      "ehpad Arc-en-ciel",
      "EHPAD Les Tilleuls",
      "Établissement Zéphyr",
    ];
    expect(rows.map((row) => row.establishment.name)).toEqual(french);
  });

  it("finds an establishment by the words of its name in any order, whatever the accents and capitals, or by its FINESS", async () => {
    const wave = await createReviewWave(testDb);
    for (const name of ["HÔPITAL LOCAL DE L’ÎLE-D’YEU", "EHPAD Les Églantines", "Hôpital de jour Sainte-Anne"])
      await createSubmittedDossier(testDb, wave, { name });
    const manager = await programmeManager(testDb);
    const found = async (search: string) =>
      (await listDossiers(manager, ZDossierFilters.parse({ search, sort: "establishment" }))).rows.map((row) => row.establishment.name);

    expect(await found("hopital")).toEqual(["Hôpital de jour Sainte-Anne", "HÔPITAL LOCAL DE L’ÎLE-D’YEU"]);
    expect(await found("l'ile hopital")).toEqual(["HÔPITAL LOCAL DE L’ÎLE-D’YEU"]);
    expect(await found("eglantines ehpad")).toEqual(["EHPAD Les Églantines"]);
    expect(await found("hopital eglantines")).toEqual([]);
    // « % » and « _ » are read as themselves, in the name as in the FINESS, not as wildcards.
    expect(await found("%")).toEqual([]);
    expect(await found("_")).toEqual([]);

    const { finessEt } = await testDb.establishment.findFirstOrThrow({
      where: { name: "EHPAD Les Églantines" },
      select: { finessEt: true },
    });
    expect(await found(finessEt)).toEqual(["EHPAD Les Églantines"]);
  });

  it("finds a dossier by its reference as people quote it, its rows showing that reference", async () => {
    const wave = await createReviewWave(testDb);
    const [first, second] = [
      await createSubmittedDossier(testDb, wave, { name: "EHPAD Un" }),
      await createSubmittedDossier(testDb, wave, { name: "EHPAD Deux" }),
    ];
    const numbers = await testDb.application.findMany({
      where: { id: { in: [first.id, second.id] } },
      orderBy: { number: "asc" },
      select: { id: true, number: true },
    });
    // Numbered in the order they were started, one after the other.
    expect(numbers.map((row) => row.id)).toEqual([first.id, second.id]);
    expect(numbers[1]!.number).toBe(numbers[0]!.number + 1);
    const manager = await programmeManager(testDb);
    const found = async (search: string) =>
      (await listDossiers(manager, ZDossierFilters.parse({ search }))).rows.map((row) => [
        row.establishment.name,
        dossierReference(row.number),
      ]);

    const reference = dossierReference(numbers[1]!.number);
    expect(await found(reference)).toEqual([["EHPAD Deux", reference]]);
    expect(await found(reference.toLowerCase().replace("-0", "-"))).toEqual([["EHPAD Deux", reference]]);
    expect(await found("HC-99999")).toEqual([]);
  });
});
