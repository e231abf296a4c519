import { sendDeadlineReminders } from "@/lib/campaigns/send-deadline-reminders";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { deliverDueEmails } from "@/lib/notifications/delivery";
import { createSmtpTransport, type MailTransport } from "@/lib/notifications/smtp-transport";
import { parisToday } from "@/lib/roster/dates";
import { sendReviewReminders } from "@/lib/review/send-review-reminders";
import { expireStaleImports } from "@/lib/roster/import-session";
import { recordDailySnapshots } from "@/lib/roster/snapshots";
import { fileStorage } from "@/lib/storage";
import { removeUnreferencedFiles } from "@/lib/storage/remove-unreferenced-files";

/** Outbox e-mails go out within a few seconds; reminders are looked for every minute. */
const DELIVERY_INTERVAL_MS = 5_000;
const REMINDERS_INTERVAL_MS = 60_000;
const SNAPSHOTS_RETRY_MS = 10 * 60_000;

type WorkerState = {
  started: boolean;
  running: boolean;
  /** A delivery was requested while a run was going on: run again right after it. */
  again: boolean;
  timer?: NodeJS.Timeout;
  remindersAt: number;
  /** Paris day of the last completed daily snapshot pass. */
  snapshotsDay: string | null;
  /** The daily snapshot pass under way, if any. */
  snapshots: Promise<void> | null;
  /** No new attempt before this time after a failed pass (it reads every roster: not every 5 seconds). */
  snapshotsRetryAt: number;
  transport: MailTransport | null;
};

// Kept on globalThis: Next.js may load this module more than once (development reloads), and
// the app must still have one worker.
const holder = globalThis as unknown as { hospiconnectWorker?: WorkerState };

function schedule(state: WorkerState, delayMs: number): void {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => void run(state), delayMs);
  // The worker never keeps the process alive on its own.
  state.timer.unref();
}

async function run(state: WorkerState): Promise<void> {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    const now = new Date();
    if (now.getTime() - state.remindersAt >= REMINDERS_INTERVAL_MS) {
      state.remindersAt = now.getTime();
      await sendDeadlineReminders(now);
      await sendReviewReminders(now);
    }
    if (state.snapshots === null && state.snapshotsDay !== parisToday(now) && now.getTime() >= state.snapshotsRetryAt) {
      state.snapshots = runDailySnapshots(state, now);
    }
    // Without SMTP_URL, e-mails stay in the outbox, readable in the app.
    if (state.transport) await deliverDueEmails({ transport: state.transport, from: env.MAIL_FROM, now });
  } catch (error) {
    // The database may be restarting: log, and try again at the next run.
    console.error("[jobs] background run failed:", error instanceof Error ? error.message : error);
  } finally {
    state.running = false;
    const again = state.again;
    state.again = false;
    schedule(state, again ? 0 : DELIVERY_INTERVAL_MS);
  }
}

/**
 * Once a Paris day, a DAILY indicator snapshot of every roster that has none yet (the rollout
 * curve), the files of roster import previews left uncommitted for a week are dropped, and so are
 * stored files that no row refers to, a day after they were written. It reads every roster, which
 * takes seconds on a large programme, so it runs beside the e-mail runs rather than inside one; a
 * failure leaves the day to the next run.
 */
function runDailySnapshots(state: WorkerState, now: Date): Promise<void> {
  return recordDailySnapshots(now)
    .then(async (written) => {
      await expireStaleImports(now);
      const removed = await removeUnreferencedFiles(db, fileStorage(), now);
      if (removed > 0) console.log(`[jobs] ${removed} stored file(s) that no dossier, message or e-mail refers to removed.`);
      state.snapshotsDay = parisToday(now);
      if (written > 0) console.log(`[jobs] daily indicator snapshots: ${written} establishment(s).`);
    })
    .catch((error: unknown) => {
      state.snapshotsRetryAt = Date.now() + SNAPSHOTS_RETRY_MS;
      console.error("[jobs] daily indicator snapshots failed:", error instanceof Error ? error.message : error);
    })
    .finally(() => {
      state.snapshots = null;
    });
}

/** Starts the app's background worker (once per process): e-mail delivery, deadline reminders, daily indicator snapshots. */
export function startBackgroundJobs(): void {
  if (holder.hospiconnectWorker?.started) return;
  const state: WorkerState = {
    started: true,
    running: false,
    again: false,
    remindersAt: 0,
    snapshotsDay: null,
    snapshots: null,
    snapshotsRetryAt: 0,
    transport: env.SMTP_URL ? createSmtpTransport(env.SMTP_URL) : null,
  };
  holder.hospiconnectWorker = state;
  console.log(`[jobs] background worker started: ${state.transport ? "e-mails delivered through SMTP" : "no SMTP_URL, e-mails kept in the in-app outbox"}.`);
  schedule(state, 0);
}

/**
 * Asks the worker to deliver now rather than at its next run: call it after committing a change
 * that queued e-mails. Does nothing where no worker runs (scripts, tests).
 */
export function requestDelivery(): void {
  const state = holder.hospiconnectWorker;
  if (!state?.transport) return;
  if (state.running) state.again = true;
  else schedule(state, 0);
}
