import { describe, expect, it } from "vitest";
import { professionCodeReader } from "./profession-names";

const LABELS = [
  { code: "60", label: "Infirmier" },
  { code: "313", label: "Aide-soignant" },
  { code: "326", label: "Éducateur spécialisé" },
  { code: "331", label: "Secrétaire médicale" },
  { code: "359", label: "Directeur d'établissement" },
  { code: "371", label: "Aide à domicile qualifié(e)" },
];
const codeOf = professionCodeReader(new Set(LABELS.map((profession) => profession.code)), LABELS);

describe("a template line's profession", () => {
  it("is its code", () => {
    expect(codeOf("313")).toBe("313");
  });

  it("or its name as people write it: feminine, without accents or hyphen, in capitals", () => {
    expect(codeOf("Aide-soignante")).toBe("313");
    expect(codeOf("aide soignant")).toBe("313");
    expect(codeOf("INFIRMIÈRE")).toBe("60");
    expect(codeOf("Éducatrice spécialisée")).toBe("326");
    expect(codeOf("Secrétaire médical")).toBe("331");
    expect(codeOf("Directrice d’établissement")).toBe("359");
    expect(codeOf("Aide à domicile qualifiée")).toBe("371");
  });

  it("is nothing when neither a code nor a name of the list", () => {
    expect(codeOf("61")).toBeNull();
    expect(codeOf("Aide")).toBeNull();
    expect(codeOf("")).toBeNull();
  });
});
