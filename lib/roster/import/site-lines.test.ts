import { describe, expect, it } from "vitest";
import { PROFESSION_CODES, RPPS_1, RPPS_2, RPPS_3, utf8 } from "./fixtures.test-helpers";
import { parseRosterFile } from "./index";
import { siteLinesOfExtract } from "./site-lines";

const SITE = "010008407";
const ELSEWHERE = "130783236";
const HEADER =
  "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Nom d'exercice|Prénom d'exercice|Code profession|Code catégorie professionnelle|Code mode exercice|Numéro FINESS site|Numéro FINESS établissement juridique|";
const line = (rpps: string, name: string, finess: string) => `8|${rpps}|8${rpps}|${name}|Hélène|60|C|S|${finess}|${finess}|`;
const EXTRACT = [
  HEADER,
  line(RPPS_1, "LEFÈVRE", SITE),
  line(RPPS_2, "AILLEURS", ELSEWHERE),
  line(RPPS_3, "MOREAU", SITE),
  line(RPPS_2, "AUTRE", ELSEWHERE),
  line(RPPS_2, "DERNIÈRE", SITE),
].join("\r\n");

/** The bytes as a browser's `File.stream()` gives them, in chunks of `size` bytes. */
function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else controller.enqueue(bytes.slice(at, (at += size)));
    },
  });
}

const text = (parts: Uint8Array[] | null) => (parts === null ? null : new TextDecoder().decode(Buffer.concat(parts)));

describe("siteLinesOfExtract", () => {
  it("keeps the header and the lines holding the FINESS, however the file is cut into chunks", async () => {
    const expected = [HEADER, line(RPPS_1, "LEFÈVRE", SITE), line(RPPS_3, "MOREAU", SITE), line(RPPS_2, "DERNIÈRE", SITE)].join("\r\n");
    for (const size of [1, 7, 64, 100_000]) {
      const read: number[] = [];
      const parts = await siteLinesOfExtract(chunked(utf8(EXTRACT), size), SITE, (bytes) => read.push(bytes));
      expect(text(parts), `chunks of ${size}`).toBe(expected);
      expect(read.at(-1)).toBe(utf8(EXTRACT).length);
    }
  });

  it("gives the import the same professionals as the whole extract", async () => {
    const options = { professionCodes: PROFESSION_CODES, finess: [SITE] };
    const fileName = "PS_LibreAcces_Personne_activite_202612010815.txt";
    const whole = await parseRosterFile({ bytes: utf8(EXTRACT), fileName }, options);
    const reduced = await parseRosterFile(
      { bytes: Buffer.concat((await siteLinesOfExtract(chunked(utf8(EXTRACT), 50), SITE))!), fileName },
      options,
    );
    expect(reduced.errors).toEqual([]);
    expect(reduced.rows.map((row) => [row.rpps, row.lastName, row.rppsCheckedAt])).toEqual(
      whole.rows.map((row) => [row.rpps, row.lastName, row.rppsCheckedAt]),
    );
  });

  it("says when the file is not an extract, such as a piece of one without its header line", async () => {
    const piece = EXTRACT.split("\r\n").slice(3).join("\r\n");
    expect(await siteLinesOfExtract(chunked(utf8(piece), 16), SITE)).toBeNull();
    expect(await siteLinesOfExtract(chunked(utf8("Nom;Prénom\r\nDUPONT;Marie\r\n"), 16), SITE)).toBeNull();
    expect(await siteLinesOfExtract(chunked(new Uint8Array(40_000).fill(0x41), 1000), SITE)).toBeNull();
  });
});
