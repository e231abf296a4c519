import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth and leaves out undefined properties", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it("sorts keys by UTF-16 code units, as RFC 8785 does (not by locale)", () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, a: 4 })).toBe('{"Z":3,"a":4,"z":2,"é":1}');
  });

  it("keeps array order", () => {
    expect(canonicalJson([3, 1, 2])).toBe("[3,1,2]");
  });

  it("writes bigints as strings and dates as ISO strings", () => {
    expect(canonicalJson({ cents: 12_345_678_901_234_567_890n, at: new Date("2026-02-13T22:58:12Z") })).toBe(
      '{"at":"2026-02-13T22:58:12.000Z","cents":"12345678901234567890"}',
    );
  });

  it("escapes strings as JSON does", () => {
    expect(canonicalJson('« guillemets » "et" \\ \n')).toBe('"« guillemets » \\"et\\" \\\\ \\n"');
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a Map", new Map()],
    ["a Buffer", Buffer.from("x")],
    ["a function", () => 1],
    ["undefined in an array", [1, undefined]],
    ["undefined", undefined],
  ])("refuses %s rather than hashing it as something else", (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});
