import { describe, expect, it } from "vitest";
import { fileResponse } from "./file-response";

const disposition = (fileName: string) => fileResponse(new Uint8Array([1]), fileName, "application/pdf").headers.get("Content-Disposition");

describe("fileResponse", () => {
  it("gives old browsers an ASCII name without the double space a dropped dash would leave, and the exact name, RFC 8187-encoded, to the others", () => {
    expect(disposition("Décision d'homologation (v2) – équipe 🏥.pdf")).toBe(
      'attachment; filename="Decision d\'homologation (v2) - equipe .pdf"; ' +
        "filename*=UTF-8''D%C3%A9cision%20d%27homologation%20%28v2%29%20%E2%80%93%20%C3%A9quipe%20%F0%9F%8F%A5.pdf",
    );
    expect(disposition("« rapport ».pdf")).toMatch(/^attachment; filename="rapport .pdf";/);
    expect(disposition("—.pdf")).toMatch(/^attachment; filename="-.pdf";/);
  });
});
