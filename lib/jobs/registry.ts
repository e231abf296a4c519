import { issuePendingReceipts } from "@/lib/applications/issue-receipts";
import { refreshRolloutFigures } from "@/lib/dashboard/refresh-rollout-figures";
import { sendDeadlineReminders } from "@/lib/campaigns/send-deadline-reminders";
import { db } from "@/lib/db/client";
import { expireExports } from "@/lib/exports/expire-exports";
import { runDossierExport, runWaitingExports, settleAbandonedExport } from "@/lib/exports/run-export";
import { EXPORT_RETENTION_HOURS } from "@/lib/exports/threshold";
import { sendFollowUpReminders } from "@/lib/follow-up/send-follow-up-reminders";
import { formatTimeOfDay } from "@/lib/format/time-of-day";
import { deliverOutbox } from "@/lib/notifications/deliver-outbox";
import { sendReviewReminders } from "@/lib/review/send-review-reminders";
import { expireStaleImports } from "@/lib/roster/import-session";
import { recordDailySnapshots } from "@/lib/roster/snapshots";
import { fileStorage } from "@/lib/storage";
import { removeUnreferencedFiles } from "@/lib/storage/remove-unreferenced-files";

/** What a job receives: its payload (on-demand jobs) and the time it starts at. */
export type JobContext = { data: Record<string, unknown>; now: Date };

export type JobDefinition = {
  /** The queue's name (letters, digits, dashes). */
  name: string;
  /** What programme managers read on « Pilotage › Tâches de fond ». */
  label: string;
  /**
   * For scheduled jobs: a cron expression in Paris time, and how it reads in French. Run once
   * per occurrence across every instance (ADR 0011). On-demand jobs have none and are queued
   * with `enqueueJob`.
   */
  schedule?: { cron: string; label: string };
  /** Attempts after a failure, the first wait (doubled at each attempt), the longest run. */
  retry: { limit: number; delaySeconds: number };
  expireInSeconds: number;
  /**
   * Runs may overlap: the use case claims its rows itself. Such a job is never held back by a run
   * caught in a database outage, which pg-boss cannot mark as ended and keeps « active » until it
   * expires (a scheduled job otherwise has one waiting and one running copy at most, ADR 0011).
   */
  overlapSafe?: true;
  run: (context: JobContext) => Promise<unknown>;
  /**
   * After a run whose process died (killed, out of memory) has been failed by another worker's
   * sweep (lib/jobs/liveness.ts), and so retried per `retry`: settles what the run left half-done,
   * and returns the payload of a new run to queue, if any.
   */
  afterDeath?: (data: Record<string, unknown>) => Promise<Record<string, unknown> | null>;
};

/**
 * Every background job of the app. Adding one is adding an entry (CONTRIBUTING.md « Add a job »);
 * the job itself is a plain use case that must be safe to run twice (a retry after a crash
 * runs it again).
 */
export const JOBS = [
  {
    name: "outbox-delivery",
    label: "Envoi des courriels en attente",
    // Also queued right after a change that writes e-mails (requestDelivery); the schedule
    // catches retries that come due.
    schedule: { cron: "* * * * *", label: "Chaque minute, et après chaque courriel mis en file" },
    retry: { limit: 3, delaySeconds: 30 },
    expireInSeconds: 10 * 60,
    // Each e-mail is claimed by compare-and-swap before it is sent (delivery.ts).
    overlapSafe: true,
    run: () => deliverOutbox(),
  },
  {
    name: "submission-receipts",
    label: "Accusés de réception des dossiers déposés",
    // Queued by each submission (requestRun); the schedule catches one whose request was lost.
    schedule: { cron: "* * * * *", label: "Après chaque dépôt, et chaque minute" },
    retry: { limit: 5, delaySeconds: 30 },
    expireInSeconds: 15 * 60,
    // A receipt is claimed by its row (ADR 0016): a run stuck in an outage must not hold back the
    // receipts of the submissions made once the database is back.
    overlapSafe: true,
    run: () => issuePendingReceipts(),
  },
  {
    name: "deadline-reminders",
    label: "Rappels avant la date limite de dépôt",
    schedule: { cron: "*/5 * * * *", label: "Toutes les 5 minutes" },
    retry: { limit: 3, delaySeconds: 60 },
    expireInSeconds: 10 * 60,
    run: ({ now }) => sendDeadlineReminders(now),
  },
  {
    name: "review-reminders",
    label: "Rappels aux évaluateurs avant et après l'échéance",
    // Each reminder has its dedupe key (3 days before, then one per working day overdue).
    schedule: { cron: "*/15 * * * *", label: "Toutes les 15 minutes" },
    retry: { limit: 3, delaySeconds: 60 },
    expireInSeconds: 10 * 60,
    run: ({ now }) => sendReviewReminders(now),
  },
  {
    name: "follow-up-reminders",
    label: "Rappels du suivi : jalons et déclaration des résultats aux directeurs, échéance puis retard de vérification à l'ARS et à l'ANS",
    // One e-mail per milestone (or deadline, or verification due date and reminder kind), day and person, by its dedupe key: hourly runs send each once.
    schedule: { cron: "10 * * * *", label: "Chaque heure" },
    retry: { limit: 3, delaySeconds: 60 },
    expireInSeconds: 10 * 60,
    run: ({ now }) => sendFollowUpReminders(now),
  },
  {
    name: "daily-snapshots",
    label: "Indicateurs quotidiens des registres",
    // Writes only what the Paris day lacks: hourly runs cover a worker that was down at midnight.
    schedule: { cron: "5 * * * *", label: "Chaque heure (le premier passage du jour écrit les indicateurs)" },
    retry: { limit: 5, delaySeconds: 60 },
    expireInSeconds: 60 * 60,
    run: ({ now }) => recordDailySnapshots(now),
  },
  {
    name: "rollout-figures",
    label: "Courbe nationale de déploiement du RIE (tableau de bord)",
    // After the hourly snapshots (minute 5): the current month follows the day's figures.
    schedule: { cron: "25 * * * *", label: "Chaque heure, après les indicateurs des registres" },
    retry: { limit: 5, delaySeconds: 60 },
    expireInSeconds: 30 * 60,
    run: ({ now }) => refreshRolloutFigures(now),
  },
  {
    name: "expire-stale-imports",
    label: "Suppression des fichiers d'import non validés depuis 7 jours",
    schedule: { cron: "30 3 * * *", label: `Chaque jour à ${formatTimeOfDay({ hour: 3, minute: 30 })}` },
    retry: { limit: 5, delaySeconds: 60 },
    expireInSeconds: 30 * 60,
    run: ({ now }) => expireStaleImports(now),
  },
  {
    name: "remove-unreferenced-files",
    label: "Suppression des fichiers stockés auxquels plus rien ne renvoie",
    // Only files older than a day: an upload in progress is not yet referenced.
    schedule: { cron: "45 3 * * *", label: `Chaque jour à ${formatTimeOfDay({ hour: 3, minute: 45 })}` },
    retry: { limit: 5, delaySeconds: 60 },
    expireInSeconds: 30 * 60,
    run: ({ now }) => removeUnreferencedFiles(db, fileStorage(), now),
  },
  {
    name: "dossier-export",
    label: "Exports de dossiers en arrière-plan",
    // Queued by each request above the threshold (ADR 0019). No retry: a failed export says so on
    // its page and its requester asks again (a retry would keep them waiting without a word).
    retry: { limit: 0, delaySeconds: 60 },
    expireInSeconds: 60 * 60,
    run: ({ data }) => (typeof data.exportId === "string" ? runDossierExport(data.exportId) : runWaitingExports()),
    // A worker killed mid-export (out of memory, a restart): run again once, then failed.
    afterDeath: (data) => settleAbandonedExport(data),
  },
  {
    name: "expire-exports",
    label: `Suppression des exports de plus de ${EXPORT_RETENTION_HOURS} heures`,
    schedule: { cron: "10 * * * *", label: "Chaque heure" },
    retry: { limit: 5, delaySeconds: 60 },
    expireInSeconds: 30 * 60,
    run: ({ now }) => expireExports(fileStorage(), now),
  },
] as const satisfies readonly JobDefinition[];

export type JobName = (typeof JOBS)[number]["name"];

export function jobDefinition(name: string): JobDefinition | undefined {
  return (JOBS as readonly JobDefinition[]).find((job) => job.name === name);
}
