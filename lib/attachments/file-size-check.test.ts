import { describe, expect, it } from "vitest";
import { chosenFiles, filesProblem } from "./file-size-check";

const LIMITS = { maxFiles: 2, maxBytes: 10 };

describe("filesProblem", () => {
  it("says the form's limit on the number first, then the first file too large or empty", () => {
    const file = (name: string, size: number) => ({ name, size });
    expect(filesProblem([file("a.pdf", 1), file("b.pdf", 1), file("c.pdf", 1)], LIMITS, "message")).toBe(
      "Un message peut porter 2 pièces jointes au plus.",
    );
    expect(filesProblem([file("a.pdf", 1), file("b.pdf", 11)], LIMITS, "message")).toMatch(
      /^Le fichier « b\.pdf » dépasse la taille maximale/,
    );
    expect(filesProblem([file("vide.pdf", 0)], LIMITS, "message")).toBe("Le fichier « vide.pdf » est vide.");
    expect(filesProblem([file("a.pdf", 10)], LIMITS, "message")).toBeNull();
  });
});

describe("chosenFiles", () => {
  it("leaves out the empty entry an untouched file field sends", () => {
    const untouched = new FormData();
    untouched.append("files", new File([], ""));
    expect(chosenFiles(untouched, "files")).toEqual([]);
    const chosen = new FormData();
    chosen.append("files", new File(["%PDF"], "a.pdf"));
    chosen.append("files", new File([], "vide.pdf"));
    chosen.append("message", "texte");
    expect(chosenFiles(chosen, "files").map((file) => file.name)).toEqual(["a.pdf", "vide.pdf"]);
  });
});
