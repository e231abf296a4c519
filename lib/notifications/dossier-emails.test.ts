import { describe, expect, it } from "vitest";
import { parisDateTime } from "@/lib/time/paris";
import { deadlineExtendedEmail } from "./deadline-extended";
import { deadlineExtensionWithdrawnEmail } from "./deadline-extension-withdrawn";
import { deadlineReminderEmail } from "./deadline-reminder";
import { informationAnsweredEmail } from "./information-answered";
import { messagePostedEmail } from "./message-posted";
import { dossierUrl } from "./dossier-links";
import { SIGNATURE } from "./signature";
import { submissionReceiptEmail } from "./submission-receipt";

const DEADLINE = parisDateTime("2027-03-01T23:59");

describe("dossier e-mails", () => {
  it("remind the members that a draft is not a deposit, with the deadline in Paris time and a link to the dossier", () => {
    const email = deadlineReminderEmail({
      establishment: "EHPAD Les Tilleuls",
      wave: "Vague 2027",
      deadline: DEADLINE,
      extended: false,
      applicationId: "a1",
    });
    expect(email.subject).toBe(
      "Rappel : dossier HospiConnect de « EHPAD Les Tilleuls » à déposer avant le 1er mars 2027 à 23\u00a0h\u00a059",
    );
    expect(email.text).toContain(
      "Le dossier de « EHPAD Les Tilleuls » pour « Vague 2027 » est encore un brouillon : il n'a pas été déposé.",
    );
    expect(email.text).toContain("Date limite de dépôt : 1er mars 2027 à 23\u00a0h\u00a059 (heure de Paris).");
    expect(email.text).toContain("Un brouillon enregistré n'est pas un dépôt");
    expect(email.text).toMatch(/\/dossiers\/a1$/m);
    expect(email.text.endsWith(SIGNATURE)).toBe(true);

    const extended = deadlineReminderEmail({
      establishment: "EHPAD Les Tilleuls",
      wave: "Vague 2027",
      deadline: DEADLINE,
      extended: true,
      applicationId: "a1",
    });
    expect(extended.text).toContain("(heure de Paris), prolongation accordée à votre établissement comprise.");
  });

  it("tell the members of an extension: the new deadline, the reason and a link to the establishment", () => {
    const email = deadlineExtendedEmail({
      establishment: "CH de Niort",
      establishmentId: "e1",
      wave: "Vague 2027",
      closesAt: DEADLINE,
      reason: "Panne du réseau",
    });
    expect(email.subject).toBe("Prolongation accordée jusqu'au 1er mars 2027 à 23\u00a0h\u00a059 – HospiConnect");
    expect(email.text).toContain("L'Agence du Numérique en Santé accorde à « CH de Niort » une prolongation pour « Vague 2027 ».");
    expect(email.text).toContain(
      "Nouvelle date limite de dépôt pour votre établissement : 1er mars 2027 à 23\u00a0h\u00a059 (heure de Paris).",
    );
    expect(email.text).toContain("Motif : Panne du réseau");
    expect(email.text).toMatch(/\/etablissements\/e1$/m);
    expect(email.text.endsWith(SIGNATURE)).toBe(true);
  });

  it("tell the members their extension is brought forward, never as « prolongation accordée »", () => {
    const email = deadlineExtendedEmail({
      establishment: "CH de Niort",
      establishmentId: "e1",
      wave: "Vague 2027",
      closesAt: DEADLINE,
      previousClosesAt: parisDateTime("2027-03-10T12:00"),
      reason: "Erreur de saisie",
    });
    expect(email.subject).toBe("Délai supplémentaire raccourci au 1er mars 2027 à 23\u00a0h\u00a059 – HospiConnect");
    expect(email.text).toContain(
      "L'Agence du Numérique en Santé avance la date limite accordée à « CH de Niort » pour « Vague 2027 » : elle était le 10 mars 2027 à 12\u00a0h\u00a000, elle est désormais le 1er mars 2027 à 23\u00a0h\u00a059. Votre délai est raccourci.",
    );
    expect(email.text).not.toContain("prolongation");
    const longer = deadlineExtendedEmail({
      ...{ establishment: "CH de Niort", establishmentId: "e1", wave: "Vague 2027", reason: "Panne" },
      closesAt: parisDateTime("2027-03-20T12:00"),
      previousClosesAt: parisDateTime("2027-03-10T12:00"),
    });
    expect(longer.subject).toBe("Prolongation accordée jusqu'au 20 mars 2027 à 12\u00a0h\u00a000 – HospiConnect");
  });

  it("tell the members an extension is withdrawn: the wave's closing again, said to be past when it is", () => {
    const input = {
      establishment: "CH de Niort",
      establishmentId: "e1",
      wave: "Vague 2027",
      previousClosesAt: parisDateTime("2027-03-10T12:00"),
      waveClosesAt: DEADLINE,
      submittedAt: null,
    };
    const past = deadlineExtensionWithdrawnEmail({ ...input, now: parisDateTime("2027-03-02T09:00") });
    expect(past.subject).toBe("Prolongation retirée : date limite du 1er mars 2027 à 23\u00a0h\u00a059 – HospiConnect");
    expect(past.text).toContain(
      "L'Agence du Numérique en Santé retire la prolongation accordée à « CH de Niort » pour « Vague 2027 » jusqu'au 10 mars 2027 à 12\u00a0h\u00a000.",
    );
    expect(past.text).toContain(
      "La date limite de dépôt de votre établissement redevient celle de la vague : 1er mars 2027 à 23\u00a0h\u00a059 (heure de Paris).",
    );
    expect(past.text).toContain("Cette date est passée : le dossier ne peut plus être déposé.");
    expect(past.text.endsWith(SIGNATURE)).toBe(true);
    expect(deadlineExtensionWithdrawnEmail({ ...input, now: parisDateTime("2027-02-20T09:00") }).text).not.toContain(
      "Cette date est passée",
    );
  });

  it("tell the members of a dossier already deposited that an extension withdrawn does not concern it", () => {
    const email = deadlineExtensionWithdrawnEmail({
      establishment: "CH de Niort",
      establishmentId: "e1",
      wave: "Vague 2027",
      previousClosesAt: parisDateTime("2027-03-10T12:00"),
      waveClosesAt: DEADLINE,
      submittedAt: parisDateTime("2027-02-13T01:00"),
      now: parisDateTime("2027-03-02T09:00"),
    });
    expect(email.text).toContain("Votre dossier, déposé le 13 février 2027 à 1\u00a0h\u00a000 (heure de Paris), n'est pas concerné.");
    expect(email.text).not.toContain("ne peut plus être déposé");
    expect(email.text).not.toContain("Cette date est passée");
  });

  it("carry a message of the dossier's thread whole, with who wrote it", () => {
    const email = messagePostedEmail({
      author: "Claire Pilote",
      establishment: "CH de Niort",
      applicationId: "d1",
      body: "Pouvez-vous joindre le devis ?\nMerci.",
    });
    expect(email.subject).toBe("Nouveau message sur le dossier HospiConnect de « CH de Niort »");
    expect(email.text).toBe(
      `Bonjour,\n\nClaire Pilote a écrit sur le dossier de « CH de Niort » :\n\nPouvez-vous joindre le devis ?\nMerci.\n\nRépondez depuis la page du dossier :\n${dossierUrl("d1")}\n\n${SIGNATURE}`,
    );
  });

  it("acknowledge a deposit with its Paris time, with the content's fingerprint and a link to the dossier", () => {
    const email = submissionReceiptEmail({
      establishment: "CH de Niort",
      applicationId: "d1",
      reference: "HC-00042",
      wave: "Vague 2027",
      receivedAt: parisDateTime("2027-02-13T23:58:12"),
      contentHash: "ab12",
      next: "Votre dossier est maintenant instruit par l'ANS.",
    });
    expect(email.subject).toBe("Accusé de réception – dossier HospiConnect de « CH de Niort »");
    expect(email.text).toContain("Et ensuite ? Votre dossier est maintenant instruit par l'ANS.");
    expect(email.text).toContain(
      "Le dossier de « CH de Niort » pour « Vague 2027 » a bien été déposé le 13 février 2027 à 23\u00a0h\u00a058 (heure de Paris).",
    );
    expect(email.text).toContain("Référence du dossier : HC-00042");
    expect(email.text).toContain("Empreinte du contenu déposé (SHA-256) : ab12");
    expect(email.text).toContain("L'accusé de réception est joint à ce message");
    expect(email.text).toMatch(/\/dossiers\/d1$/m);
  });

  it("quote an establishment's name after « de », which French would otherwise contract (« du Centre », « de la Résidence »)", () => {
    const receipt = {
      applicationId: "d1",
      reference: "HC-00042",
      wave: "Vague 2027",
      receivedAt: parisDateTime("2027-02-13T23:58:12"),
      contentHash: "ab12",
      next: "",
    };
    expect(submissionReceiptEmail({ ...receipt, establishment: "Centre hospitalier des Deux-Rives" }).subject).toBe(
      "Accusé de réception – dossier HospiConnect de « Centre hospitalier des Deux-Rives »",
    );
    expect(submissionReceiptEmail({ ...receipt, establishment: "EHPAD Les Tilleuls" }).subject).toBe(
      "Accusé de réception – dossier HospiConnect de « EHPAD Les Tilleuls »",
    );
  });
  it("tell the managers an establishment answered their request, with the answer and the files that came with it", () => {
    const answered = (files?: string[]) =>
      informationAnsweredEmail({
        author: "Marie Durand",
        establishment: "EHPAD Les Tilleuls",
        applicationId: "a1",
        answer: "Voici le devis.",
        files,
      });
    const email = answered(["devis.pdf", "capture.png"]);
    expect(email.subject).toBe("Complément reçu pour le dossier HospiConnect de « EHPAD Les Tilleuls »");
    expect(email.text).toContain(
      "Voici le devis.\n\nSa réponse est accompagnée de 2 pièces jointes : « devis.pdf », « capture.png ».\n" +
        "La réponse et ses pièces jointes sont dans les messages du dossier, où se poursuit l'instruction :\n" +
        dossierUrl("a1"),
    );
    expect(answered(["devis.pdf"]).text).toContain(
      "Sa réponse est accompagnée d'une pièce jointe : « devis.pdf ».\nLa réponse et sa pièce jointe sont dans les messages du dossier",
    );
    expect(answered().text).toContain("Voici le devis.\n\nLa réponse est dans les messages du dossier, où se poursuit l'instruction :");
    expect(answered().text).not.toContain("pièce");
    expect(email.text.endsWith(SIGNATURE)).toBe(true);
  });
});
