import { describe, expect, it } from "vitest";
import { frenchSpacing } from "./french-spacing";

describe("French spacing", () => {
  it("joins « : ; ? ! » » to the word before and « « » to the word after with a no-break space", () => {
    expect(frenchSpacing("Référence du dossier : HC-00042 ; et ensuite ? Oui ! Le dossier de « EHPAD Les Tilleuls »")).toBe(
      "Référence du dossier\u00a0: HC-00042\u00a0; et ensuite\u00a0? Oui\u00a0! Le dossier de «\u00a0EHPAD Les Tilleuls\u00a0»",
    );
  });

  it("leaves addresses, times and signs without a space before them alone, and is idempotent", () => {
    const text = "Ouvrez ce lien : https://hospiconnect.test/invitation/abc?x=1 avant 23:59.";
    expect(frenchSpacing(text)).toBe("Ouvrez ce lien\u00a0: https://hospiconnect.test/invitation/abc?x=1 avant 23:59.");
    expect(frenchSpacing(frenchSpacing(text))).toBe(frenchSpacing(text));
  });
});
