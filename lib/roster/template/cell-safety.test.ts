import { describe, expect, it } from "vitest";
import { csvTextCell, neutralizeCell, restoreCell, xlsxTextCell } from "./cell-safety";

describe("a CSV's text cells", () => {
  it.each([
    ["066368580", '="066368580"'],
    ["09000057169345", '="09000057169345"'],
    ["10000000009", '="10000000009"'],
    ["-150000", '="-150000"'],
    ["+33612345678", '="+33612345678"'],
    ["0,50", '="0,50"'],
  ])("keeps the digits of %j as text for Excel: %s", (value, written) => {
    expect(csvTextCell(value)).toBe(written);
  });

  it.each([
    ['=HYPERLINK("http://evil.test","clic")', `'=HYPERLINK("http://evil.test","clic")`],
    ['="066368580"', `'="066368580"`],
    ['=1+1&"0"', `'=1+1&"0"`],
    ["+33 6 12 34 56 78", "'+33 6 12 34 56 78"],
    ["@SOMME", "'@SOMME"],
    ["HC-00014", "HC-00014"],
    ["2A0000123", "2A0000123"],
    ["13/02/2026", "13/02/2026"],
  ])("neutralises or leaves %j as before: %s", (value, written) => {
    expect(csvTextCell(value)).toBe(written);
  });

  it.each(["066368580", "-150000", "0,50", '="066368580"', '\'="066368580"', '=HYPERLINK("x")', "'=x", "HC-00014", ""])(
    "reads %j back exactly, whichever way it was written",
    (value) => {
      expect(restoreCell(csvTextCell(value))).toBe(value);
      expect(restoreCell(neutralizeCell(value))).toBe(value);
    },
  );

  it("reads the digits Excel's text formula holds, and nothing else inside it", () => {
    expect(restoreCell('="066368580"')).toBe("066368580");
    expect(restoreCell('="A1"')).toBe('="A1"');
    expect(restoreCell('="0"&"1"')).toBe('="0"&"1"');
  });
});

describe("a workbook's text cells", () => {
  it.each([
    ['=HYPERLINK("http://evil.test","clic")', '=HYPERLINK("http://evil.test","clic")'],
    ["+33612345678", "+33612345678"],
    ["-Jean", "-Jean"],
    ["@SOMME", "@SOMME"],
    ["066368580", "066368580"],
    ["'quoted", "'quoted"],
    ["'=x", "''=x"],
  ])("writes %j as typed (a string cell is never evaluated), a quote-then-trigger with one quote more: %s", (value, written) => {
    expect(xlsxTextCell(value)).toBe(written);
    expect(restoreCell(xlsxTextCell(value))).toBe(value);
  });

  it("reads back the workbooks exported before, which quoted", () => {
    expect(restoreCell(neutralizeCell("=1+1"))).toBe("=1+1");
  });
});
