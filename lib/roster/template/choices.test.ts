import { describe, expect, it } from "vitest";
import { TEMPLATE_CHOICES } from "./choices";
import { CATEGORY, IDENTITY, POPULATION, RPPS_STATUS } from "./codecs";
import { TEMPLATE_HEADERS, type TemplateColumnKey } from "./columns";
import { parseBoolean, type Parsed } from "./values";

const READERS: Partial<Record<TemplateColumnKey, (text: string, header: string) => Parsed<unknown>>> = {
  population: (text, header) => POPULATION.parse(text, header),
  category: (text, header) => CATEGORY.parse(text, header),
  rppsStatus: (text, header) => RPPS_STATUS.parse(text, header),
  identityVerification: (text, header) => IDENTITY.parse(text, header),
  needsDmp: parseBoolean,
  needsDpi: parseBoolean,
  needsPscServices: parseBoolean,
  needsSecureMessaging: parseBoolean,
};

describe("the choices a rejected import line's correction offers", () => {
  it("are each read by the import as a value of its column, all of the column's values offered", () => {
    for (const [key, choices] of Object.entries(TEMPLATE_CHOICES) as Array<[TemplateColumnKey, readonly string[]]>) {
      const read = READERS[key]!;
      const values = choices.map((choice) => read(choice, TEMPLATE_HEADERS[key]));
      expect(
        values.every((value) => value.ok),
        key,
      ).toBe(true);
      // Distinct values: no choice is another's synonym.
      expect(new Set(values.map((value) => (value.ok ? value.value : null))).size, key).toBe(choices.length);
    }
    expect(Object.keys(TEMPLATE_CHOICES).sort()).toEqual(Object.keys(READERS).sort());
  });
});
