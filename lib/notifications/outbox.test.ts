import { describe, expect, it } from "vitest";
import { outboxRow } from "./outbox";

describe("an outbox row", () => {
  it("carries the subject and text with French spacing, so wrapping never leaves « : » or « » » alone at the start of a line", () => {
    const row = outboxRow({
      dedupeKey: "k1",
      to: "directrice@test.fr",
      subject: "Accusé de réception – dossier HospiConnect de « EHPAD Les Tilleuls »",
      text: "Référence du dossier : HC-00042\nEt ensuite ? Ouvrez https://hospiconnect.test/dossiers/a1?onglet=1 !",
    });
    expect(row).toEqual({
      dedupeKey: "k1",
      to: "directrice@test.fr",
      subject: "Accusé de réception – dossier HospiConnect de «\u00a0EHPAD Les Tilleuls\u00a0»",
      text: "Référence du dossier\u00a0: HC-00042\nEt ensuite\u00a0? Ouvrez https://hospiconnect.test/dossiers/a1?onglet=1\u00a0!",
      files: [],
    });
  });
});
