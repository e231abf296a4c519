import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { formatParisDateTime } from "@/lib/time/paris";
import { dueReminders, REMINDER_LEAD_DAYS, reminderDedupeKey } from "./deadline-reminders";

const DAY_MS = 86_400_000;

function reminderText(input: { establishment: string; wave: string; deadline: Date; extended: boolean; applicationId: string }): string {
  return [
    "Bonjour,",
    "",
    `Le dossier de « ${input.establishment} » pour la ${input.wave} est encore un brouillon : il n'a pas été déposé.`,
    `Date limite de dépôt : ${formatParisDateTime(input.deadline)} (heure de Paris)${input.extended ? ", prolongation accordée à votre établissement comprise" : ""}.`,
    "",
    "Un brouillon enregistré n'est pas un dépôt : pour que votre candidature soit examinée, ouvrez le dossier, complétez ce qui manque puis cliquez sur « Déposer le dossier ».",
    new URL(`/dossiers/${input.applicationId}`, env.APP_URL).toString(),
    "",
    "L'équipe HospiConnect – Agence du Numérique en Santé",
  ].join("\n");
}

/**
 * The reminders job, run every minute by the background worker: e-mails each member of an
 * establishment whose dossier is still a draft, 7 and 2 days before the deadline that applies to
 * it. Idempotent through the outbox's dedupe key, so running it again sends nothing twice.
 */
export async function sendDeadlineReminders(now = new Date()): Promise<{ enqueued: number }> {
  // The effective deadline is never before the wave's closing: later waves cannot be due yet
  // (one more day for the hour summer time adds or takes).
  const horizon = new Date(now.getTime() + (Math.max(...Object.values(REMINDER_LEAD_DAYS)) + 1) * DAY_MS);
  const drafts = await db.application.findMany({
    where: {
      state: "DRAFT",
      wave: { closesAt: { lte: horizon }, OR: [{ closesAt: { gt: now } }, { extensions: { some: { closesAt: { gt: now } } } }] },
    },
    select: {
      id: true,
      createdAt: true,
      establishmentId: true,
      wave: { select: { title: true, closesAt: true, extensions: { where: { closesAt: { gt: now } }, select: { establishmentId: true, closesAt: true } } } },
      establishment: { select: { name: true, memberships: { select: { user: { select: { id: true, email: true, disabledAt: true } } } } } },
    },
  });
  const byId = new Map(drafts.map((draft) => [draft.id, draft]));
  const due = dueReminders(
    drafts.map((draft) => ({
      applicationId: draft.id,
      startedAt: draft.createdAt,
      wave: draft.wave,
      extension: draft.wave.extensions.find((extension) => extension.establishmentId === draft.establishmentId) ?? null,
    })),
    now,
  );
  const emails = due.flatMap((reminder) => {
    const draft = byId.get(reminder.applicationId)!;
    return draft.establishment.memberships
      .filter((membership) => !membership.user.disabledAt)
      .map((membership) => ({
        dedupeKey: reminderDedupeKey(reminder.kind, draft.id, membership.user.id),
        to: membership.user.email,
        subject: `Rappel : dossier HospiConnect à déposer avant le ${formatParisDateTime(reminder.deadline)}`,
        text: reminderText({
          establishment: draft.establishment.name,
          wave: draft.wave.title,
          deadline: reminder.deadline,
          extended: reminder.deadline > draft.wave.closesAt,
          applicationId: draft.id,
        }),
      }));
  });
  if (emails.length === 0) return { enqueued: 0 };
  const sent = await db.outboxEmail.findMany({ where: { dedupeKey: { in: emails.map((email) => email.dedupeKey) } }, select: { dedupeKey: true } });
  const already = new Set(sent.map((email) => email.dedupeKey));
  const fresh = emails.filter((email) => !already.has(email.dedupeKey));
  for (const email of fresh) await enqueueEmail(db, email);
  return { enqueued: fresh.length };
}
