import type { TransitionAction } from "@/lib/applications/state-machine";
import type { VerificationAction } from "@/lib/db/generated/enums";
import type { TrancheStep } from "@/lib/follow-up/tranche-steps";
import { VERIFICATION_ACTION_LABELS } from "@/lib/follow-up/verification-machine";

/**
 * The audit log's actions and targets in the words of the programme, for the managers who read it.
 * The codes stay what is stored and filtered on; a code without a label shows as is.
 */
const ACTION_LABELS: Readonly<Record<string, string>> = {
  "auth.sign_in": "Connexion",
  "auth.sign_in_failed": "Connexion refusée",
  "auth.sign_out": "Déconnexion",
  "auth.sessions_revoked": "Sessions fermées sur tous les appareils",
  "auth.session_closed": "Session fermée depuis un autre appareil",
  "credential.registered": "Clé de sécurité enregistrée",
  "credential.renamed": "Clé de sécurité renommée",
  "credential.revoked": "Clé de sécurité retirée",
  "account.renamed": "Nom du compte modifié",
  "credential.clone_suspected": "Clé de sécurité peut-être copiée",
  "invitation.created": "Invitation envoyée",
  "invitation.cancelled": "Invitation annulée",
  "membership.removed": "Membre retiré de l'équipe",
  "membership.left": "Départ volontaire de l'équipe",
  "membership.role_changed": "Rôle changé dans l'équipe",
  "invitation.accepted": "Invitation acceptée",
  "invitation.refused": "Invitation refusée",
  "access-recovery.issued": "Lien de rétablissement d'accès envoyé",
  "access-recovery.used": "Accès rétabli (nouvelle clé, anciennes clés retirées)",
  "role.changed": "Rôle modifié",
  "user.disabled": "Compte désactivé",
  "user.enabled": "Compte réactivé",
  "access.denied": "Accès refusé",
  "demo.loaded": "Données de démonstration chargées",
  "restore.checked": "Restauration vérifiée",
  "job.relaunched": "Tâche de fond relancée",
  "api.called": "Appel de l'API",
  "api_token.created": "Jeton d'API créé",
  "api_token.revoked": "Jeton d'API révoqué",
  "campaign.created": "Campagne créée",
  "campaign.updated": "Campagne modifiée",
  "wave.created": "Vague créée",
  "wave.version_created": "Nouvelle version de la vague",
  "wave.settings_changed": "Paramètres de la vague modifiés",
  "wave.grid_changed": "Grille d'évaluation modifiée",
  "wave.review_settings_changed": "Règles d'instruction modifiées",
  "wave.decision_settings_changed": "Règles de classement modifiées",
  "wave.letter_signatory_changed": "Signataire des notifications de décision modifié",
  "wave.follow_up_settings_changed": "Cibles et calendrier du suivi modifiés",
  "extension.granted": "Délai supplémentaire accordé",
  "extension.shortened": "Délai supplémentaire raccourci",
  "extension.withdrawn": "Délai supplémentaire retiré",
  "establishment.registered": "Établissement inscrit",
  "establishment.updated": "Fiche de l'établissement modifiée",
  "application.started": "Dossier commencé",
  "application.section_saved": "Section du dossier enregistrée",
  "application.attachment_added": "Pièce jointe ajoutée au dossier",
  "application.attachment_removed": "Pièce jointe retirée du dossier",
  "application.message_posted": "Message envoyé sur le dossier",
  "application.receipt_downloaded": "Accusé de réception téléchargé",
  "application.decision_letter_downloaded": "Lettre de décision téléchargée",
  "roster.imported": "Registre importé",
  "roster.import_abandoned": "Import du registre abandonné",
  "roster.exported": "Registre exporté",
  "roster.professional_created": "Professionnel ajouté",
  "roster.professional_updated": "Professionnel modifié",
  "roster.professional_deleted": "Fiche de professionnel supprimée",
  "roster.bulk_action": "Action groupée sur le registre",
  "roster.homologation_set": "Homologation enregistrée",
  "roster.homologation_removed": "Homologation retirée",
  "indicators.exported": "Historique des indicateurs exporté",
  "reviewer.profile_changed": "Profil d'instructeur modifié",
  "review.assigned": "Dossier attribué",
  "review.assigned_with_override": "Dossier attribué malgré un lien signalé",
  "review.automatic_assignment_applied": "Attribution automatique appliquée",
  "review.due_date_overridden": "Échéance d'évaluation modifiée",
  "review.no_conflict_declared": "Absence de conflit d'intérêts déclarée",
  "review.conflict_declared": "Conflit d'intérêts déclaré",
  "review.submitted": "Évaluation transmise",
  "review.reopened": "Évaluation rouverte",
  "review.assignment_removed": "Attribution retirée",
  "decision.staged": "Décision proposée",
  "decision.withdrawn": "Proposition de décision retirée (instruction rouverte)",
  "decision.envelope_overridden": "Enveloppe dépassée, avec un motif",
  "decisions.released": "Décisions publiées",
  "decisions.exported": "Décisions exportées",
  "dossiers.exported": "Dossiers exportés",
  "dossiers.export_requested": "Export des dossiers demandé",
  "dossiers.export_downloaded": "Export des dossiers téléchargé",
  "dashboard.exported": "Tableau de bord exporté",
  "follow_up.results_declared": "Résultats déclarés",
  "follow_up.milestones_recorded": "Étapes du calendrier enregistrées",
  "follow-ups.exported": "Suivi exporté",
  "tranches.exported": "Versements exportés",
};

/** `application.<action>`: the dossier's transitions (lib/applications/write-transition.ts). */
const TRANSITION_EVENT_LABELS: Readonly<Record<TransitionAction, string>> = {
  submit: "Dossier déposé",
  withdraw: "Dossier retiré",
  startReview: "Instruction commencée",
  requestInformation: "Complément demandé au dossier",
  answerInformationRequest: "Complément apporté au dossier",
  completeScoring: "Évaluations terminées",
  reopenReview: "Instruction rouverte",
  select: "Dossier retenu",
  reject: "Dossier non retenu",
};

/** `tranche.<step>`, hyphens as underscores (lib/follow-up/record-tranche-step.ts). */
const TRANCHE_EVENT_LABELS: Readonly<Record<TrancheStep, string>> = {
  order: "Ordonnancement d'un versement enregistré",
  pay: "Paiement d'un versement enregistré",
  "undo-order": "Ordonnancement d'un versement annulé",
  "undo-payment": "Paiement d'un versement annulé",
};

const FAMILY_LABELS: ReadonlyMap<string, string> = new Map([
  ...Object.entries(TRANSITION_EVENT_LABELS).map(([action, label]) => [`application.${action}`, label] as const),
  ...Object.entries(TRANCHE_EVENT_LABELS).map(([step, label]) => [`tranche.${step.replace("-", "_")}`, label] as const),
  // `follow_up.verification_<action>` (lib/follow-up/record-verification-step.ts).
  ...(Object.entries(VERIFICATION_ACTION_LABELS) as Array<[VerificationAction, string]>).map(
    ([action, label]) => [`follow_up.verification_${action.toLowerCase()}`, `Vérification : ${label.toLowerCase()}`] as const,
  ),
]);

export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? FAMILY_LABELS.get(action) ?? action;
}

export const AUDIT_TARGET_LABELS: Readonly<Record<string, string>> = {
  Application: "Dossier",
  ApiToken: "Jeton d'API",
  Campaign: "Campagne",
  DeadlineExtension: "Délai supplémentaire",
  Establishment: "Établissement",
  ExportJob: "Export",
  Invitation: "Invitation",
  Professional: "Professionnel",
  Review: "Évaluation",
  ReviewerAssignment: "Attribution",
  Session: "Session",
  Tranche: "Versement",
  User: "Compte",
  Wave: "Vague",
  WebAuthnCredential: "Clé de sécurité",
};

export function auditTargetLabel(type: string): string {
  return AUDIT_TARGET_LABELS[type] ?? type;
}
