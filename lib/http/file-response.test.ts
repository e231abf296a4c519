import { describe, expect, it } from "vitest";
import { fileResponse } from "./file-response";

const disposition = (fileName: string) => fileResponse(new Uint8Array([1]), fileName, "application/pdf").headers.get("Content-Disposition");

describe("fileResponse", () => {
  it("gives old browsers an ASCII name without the double space a dropped dash would leave, and the exact name to the others", () => {
    const name = "Décision d'homologation – version finale (2).pdf";
    expect(disposition(name)).toBe(
      `attachment; filename="Decision d'homologation - version finale (2).pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(disposition("« rapport ».pdf")).toMatch(/^attachment; filename="rapport .pdf";/);
    expect(disposition("—.pdf")).toMatch(/^attachment; filename="-.pdf";/);
  });
});
