import { describe, expect, it } from "vitest";
import { parisDateTime } from "@/lib/time/paris";
import {
  declarationReminderEmail,
  milestoneReminderEmail,
  verificationDueSoonEmail,
  verificationOverdueEmail,
} from "./follow-up-reminders";
import { resultsDeclaredEmail } from "./results-declared";
import { SIGNATURE } from "./signature";
import { tranchePaidEmail } from "./tranche-paid";
import { tranchePaymentUndoneEmail } from "./tranche-payment-undone";
import { verificationApprovedByArsEmail } from "./verification-approved-by-ars";
import { verificationConcludedEmail } from "./verification-concluded";
import { verificationInformationRequestedEmail } from "./verification-information-requested";
import { verificationToCheckEmail } from "./verification-to-check";

const DUE = parisDateTime("2027-01-01T10:00");
const mail = { establishment: "CH de Niort", applicationId: "a1" };
/** The text with its non-breaking spaces (amounts) as plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("follow-up verification e-mails", () => {
  it("acknowledge the declaration to the director: when, its fingerprint, who checks it next and by when", () => {
    const email = resultsDeclaredEmail({
      ...mail,
      declaredAt: parisDateTime("2026-12-02T11:00"),
      pdfHash: "ab".repeat(32),
      nextTier: "ARS",
      dueAt: DUE,
    });
    expect(email.subject).toBe("Déclaration de résultats reçue – HospiConnect");
    expect(email.text).toContain(
      "La déclaration de résultats de « CH de Niort » est enregistrée le 2 décembre 2026 à 11\u00a0h\u00a000 (heure de Paris).",
    );
    expect(email.text).toContain(`Empreinte (SHA-256) de la déclaration : ${"ab".repeat(32)}`);
    expect(email.text).toContain(
      "Elle est maintenant vérifiée par l'ARS de votre région, puis validée par l'ANS ; réponse attendue au plus tard le 1er janvier 2027 à 10\u00a0h\u00a000 (heure de Paris).",
    );
    expect(email.text).toMatch(/\/dossiers\/a1\/suivi$/m);
    expect(email.text.endsWith(SIGNATURE)).toBe(true);
  });

  it("tell the verifiers of a tier what waits for them, why, and by when, with their page", () => {
    const arrived = verificationToCheckEmail({ ...mail, arrival: "approvedByArs", tier: "ANS", dueAt: DUE });
    expect(arrived.subject).toBe("Déclaration de résultats à valider – CH de Niort");
    expect(arrived.text).toContain("« CH de Niort » a déclaré des résultats que l'ARS a approuvés.");
    expect(arrived.text).toContain(
      "Déclaration à valider pour l'ANS au plus tard le 1er janvier 2027 à 10\u00a0h\u00a000 (heure de Paris).",
    );
    expect(arrived.text).toMatch(/\/instruction\/suivi\/a1$/m);
    expect(verificationToCheckEmail({ ...mail, arrival: "answered", tier: "ARS", dueAt: DUE }).text).toContain(
      "a répondu à la demande de complément sur sa déclaration de résultats.",
    );
  });

  it("say which files came with the establishment's answer, so that the verifier knows a proof is waiting", () => {
    const answered = (files: string[]) => verificationToCheckEmail({ ...mail, arrival: "answered", tier: "ANS", dueAt: DUE, files }).text;
    expect(answered(["procédure.pdf"])).toContain("Sa réponse est accompagnée d'une pièce jointe : « procédure.pdf ».");
    expect(answered(["procédure.pdf", "scan.png"])).toContain(
      "Sa réponse est accompagnée de 2 pièces jointes : « procédure.pdf », « scan.png ».",
    );
    expect(answered([])).not.toContain("pièce jointe");
    expect(answered([])).not.toContain("pièces jointes");
  });

  it("carry a request for information with its message and deadline to the establishment", () => {
    const email = verificationInformationRequestedEmail({
      ...mail,
      tier: "ARS",
      message: "Joignez la liste des cartes CPS.",
      responseDueAt: DUE,
    });
    expect(email.subject).toBe("Complément demandé sur votre déclaration de résultats – HospiConnect");
    expect(email.text).toContain(
      "L'ARS demande un complément sur la déclaration de résultats de « CH de Niort » :\n\nJoignez la liste des cartes CPS.",
    );
    expect(email.text).toContain("Merci de répondre avant le 1er janvier 2027 à 10\u00a0h\u00a000 (heure de Paris)");
  });

  it("tell the establishment the ARS approved, then the ANS validated (balance due) or a tier refused, objective by objective", () => {
    expect(verificationApprovedByArsEmail(mail).text).toContain("La déclaration est transmise à l'ANS pour validation.");
    const validated = verificationConcludedEmail({ ...mail, outcome: "VALIDATED", by: "ANS", refusals: [], balanceCents: 700_001n });
    expect(validated.subject).toBe("Résultats validés par l'ANS – HospiConnect");
    expect(plain(validated.text)).toContain(
      "L'ANS valide les résultats déclarés par « CH de Niort » : le solde de la subvention, 7 000,01 €, devient exigible.",
    );
    expect(validated.text).not.toContain("Objectifs refusés");
    const refused = verificationConcludedEmail({
      ...mail,
      outcome: "REFUSED",
      by: "ARS",
      refusals: [{ objectiveCode: "O2", title: "Double authentification des professionnels", reason: "Aucune preuve." }],
      balanceCents: 700_001n,
    });
    expect(refused.subject).toBe("Résultats refusés – HospiConnect");
    expect(plain(refused.text)).toContain(
      "L'ARS refuse les résultats déclarés par « CH de Niort » : le solde de la subvention, 7 000,01 €, est annulé et ne sera pas versé.\n\nObjectifs refusés :\n- O2 (Double authentification des professionnels) : Aucune preuve.",
    );
  });

  it("speak of no balance when the grant has none (paid in one go at the notification)", () => {
    const validated = verificationConcludedEmail({ ...mail, outcome: "VALIDATED", by: "ANS", refusals: [], balanceCents: null });
    expect(validated.text).toContain("L'ANS valide les résultats déclarés par « CH de Niort ».\n");
    expect(validated.text).not.toContain("solde");
    const refused = verificationConcludedEmail({ ...mail, outcome: "REFUSED", by: "ANS", refusals: [], balanceCents: null });
    expect(refused.text).toContain("L'ANS refuse les résultats déclarés par « CH de Niort ».\n");
    expect(refused.text).not.toContain("solde");
  });
});

describe("follow-up reminders", () => {
  it("remind the director of a milestone with its day, how soon, and the follow-up page", () => {
    const email = milestoneReminderEmail({
      establishment: "EHPAD Les Tilleuls",
      milestone: "Enrôlement e-CPS",
      day: "2027-04-01",
      daysLeft: 7,
      applicationId: "a1",
    });
    expect(email.subject).toBe("Rappel : jalon « Enrôlement e-CPS » prévu le 1er avril 2027");
    expect(email.text).toContain(
      "Le jalon « Enrôlement e-CPS » du projet de « EHPAD Les Tilleuls » est prévu le 1er avril 2027, dans 7 jours.",
    );
    expect(email.text).toContain("indiquez sa date de réalisation sur la page de suivi du dossier");
    expect(email.text).toMatch(/\/dossiers\/a1\/suivi$/m);
    expect(email.text.endsWith(SIGNATURE)).toBe(true);
    expect(
      milestoneReminderEmail({ establishment: "E", milestone: "M", day: "2027-04-01", daysLeft: 1, applicationId: "a1" }).text,
    ).toContain("prévu le 1er avril 2027, demain.");
    expect(
      milestoneReminderEmail({ establishment: "E", milestone: "M", day: "2027-04-01", daysLeft: 0, applicationId: "a1" }).text,
    ).toContain("prévu le 1er avril 2027, aujourd'hui.");
  });

  it("remind the director that the results are still to declare before the targets' day", () => {
    const email = declarationReminderEmail({
      establishment: "CH de Brive",
      day: "2027-06-30",
      daysLeft: 3,
      applicationId: "a2",
      verifiedBy: ["ARS", "ANS"],
    });
    expect(email.subject).toBe("Rappel : résultats à déclarer pour le 30 juin 2027");
    expect(email.text).toContain(
      "Les cibles du projet de « CH de Brive » sont à atteindre le 30 juin 2027, dans 3 jours, et ses résultats ne sont pas encore déclarés.",
    );
    expect(email.text).toContain("La déclaration des résultats ouvre la vérification par l'ARS puis l'ANS, et le versement du solde.");
    expect(email.text).toMatch(/\/dossiers\/a2\/suivi$/m);
    expect(email.text.endsWith(SIGNATURE)).toBe(true);
    const national = declarationReminderEmail({
      establishment: "CH",
      day: "2027-06-30",
      daysLeft: 3,
      applicationId: "a2",
      verifiedBy: ["ANS"],
    });
    expect(national.text).toContain("ouvre la vérification par l'ANS, et le versement du solde.");
    expect(national.text).not.toContain("ARS");
  });
});

describe("verification reminders", () => {
  it("remind a tier's verifiers of the due date, how soon, what to do, with the verification page", () => {
    const ars = verificationDueSoonEmail({ ...mail, tier: "ARS", dueAt: DUE, daysLeft: 7 });
    // « Au plus tard le », as the text says: « avant le 1er janvier » would read as « by 31 December ».
    expect(ars.subject).toBe("Rappel : déclaration de résultats à vérifier au plus tard le 1er janvier 2027 – CH de Niort");
    expect(ars.text).toContain(
      "La déclaration de résultats de « CH de Niort » est à vérifier pour l'ARS au plus tard le 1er janvier 2027 à 10\u00a0h\u00a000 (heure de Paris), dans 7 jours.",
    );
    expect(ars.text).toContain("décidez de chaque objectif (approuvé, ou refusé avec un motif) ou demandez un complément");
    expect(ars.text).toMatch(/\/instruction\/suivi\/a1$/m);
    expect(ars.text.endsWith(SIGNATURE)).toBe(true);
    const ans = verificationDueSoonEmail({ ...mail, tier: "ANS", dueAt: DUE, daysLeft: 1 });
    expect(ans.subject).toBe("Rappel : déclaration de résultats à valider au plus tard le 1er janvier 2027 – CH de Niort");
    expect(ans.text).toContain("est à valider pour l'ANS au plus tard le 1er janvier 2027 à 10\u00a0h\u00a000 (heure de Paris), demain.");
  });

  it("tell a tier's verifiers, once late, when the declaration was due and that it still waits for their decision", () => {
    const ars = verificationOverdueEmail({ ...mail, tier: "ARS", dueAt: DUE });
    expect(ars.subject).toBe("Vérification en retard : déclaration de résultats de « CH de Niort »");
    expect(ars.text).toContain(
      "La déclaration de résultats de « CH de Niort » était à vérifier pour l'ARS au plus tard le 1er janvier 2027 à 10\u00a0h\u00a000 (heure de Paris) et attend toujours sa décision.",
    );
    expect(ars.text).toContain("décidez de chaque objectif (approuvé, ou refusé avec un motif) ou demandez un complément");
    expect(ars.text).toMatch(/\/instruction\/suivi\/a1$/m);
    expect(ars.text.endsWith(SIGNATURE)).toBe(true);
    const ans = verificationOverdueEmail({ ...mail, tier: "ANS", dueAt: DUE });
    expect(ans.subject).toBe("Validation en retard : déclaration de résultats de « CH de Niort »");
    expect(ans.text).toContain("était à valider pour l'ANS au plus tard le 1er janvier 2027 à 10\u00a0h\u00a000 (heure de Paris)");
  });
});

describe("payments", () => {
  it("tell the establishment a tranche is paid: which, how much to the cent, when, its reference and the follow-up page", () => {
    const email = tranchePaidEmail({
      ...mail,
      tranche: "Avance à la sélection",
      amountCents: 300_003n,
      paidOn: "2027-03-01",
      paymentReference: "MDT-2027-0042",
    });
    expect(email.subject).toBe("Tranche de subvention versée – HospiConnect");
    expect(email.text.replace(/[\u00a0\u202f]/g, " ")).toContain(
      "La tranche « Avance à la sélection » de la subvention accordée à « CH de Niort » est versée : 3 000,03 €, le 1er mars 2027.",
    );
    expect(email.text).toContain("Référence du paiement : MDT-2027-0042");
    expect(email.text).toMatch(/\/dossiers\/a1\/suivi$/m);
    expect(email.text.endsWith(SIGNATURE)).toBe(true);
  });

  it("correct an announced payment that was undone: which tranche, the day and reference withdrawn, and what to do", () => {
    const email = tranchePaymentUndoneEmail({
      ...mail,
      tranche: "Avance à la sélection",
      amountCents: 300_003n,
      paidOn: "2027-03-01",
      paymentReference: "ERREUR-1",
    });
    expect(email.subject).toBe("Correction : paiement de tranche annulé – HospiConnect");
    expect(plain(email.text)).toContain(
      "Le paiement de la tranche « Avance à la sélection » de la subvention accordée à « CH de Niort » (3 000,03 €), annoncé comme versé le 1er mars 2027 (référence du paiement : ERREUR-1), est annulé : il avait été enregistré par erreur.",
    );
    expect(email.text).toContain("Ne tenez pas compte du message « Tranche de subvention versée » qui l'annonçait.");
    expect(email.text).toMatch(/\/dossiers\/a1\/suivi$/m);
    expect(email.text.endsWith(SIGNATURE)).toBe(true);
  });
});
