import { fr } from "@codegouvfr/react-dsfr";
import { DataTable } from "@/components/dsfr/data-table";
import { Badge } from "@/components/dsfr/badge";
import type { EmailStatus } from "@/lib/db/generated/enums";
import { formatParisDateTime } from "@/lib/time/paris";
import { EmailBody } from "./email-body";
import { formatCount } from "@/lib/format/numbers";

export const EMAIL_STATUS_LABELS: Readonly<Record<EmailStatus, string>> = {
  PENDING: "En attente d'envoi",
  SENT: "Envoyé",
  FAILED: "Échec d'envoi",
  CANCELLED: "Retiré avant envoi",
};

const SEVERITY = { PENDING: "info", SENT: "success", FAILED: "error", CANCELLED: "new" } as const;

type Email = {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
};

/**
 * E-mails of the outbox, newest first: recipient, subject, date, delivery state, and the message
 * itself behind its subject when `showBodies` (where the outbox is how e-mails are read).
 */
export function EmailTable({
  emails,
  caption,
  showBodies,
  showRecipient = true,
}: {
  emails: readonly Email[];
  caption: string;
  showBodies: boolean;
  showRecipient?: boolean;
}) {
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Date (heure de Paris)</th>
          {showRecipient ? <th scope="col">Destinataire</th> : null}
          <th scope="col">Objet</th>
          <th scope="col">État</th>
        </tr>
      </thead>
      <tbody>
        {emails.map((email) => (
          <tr key={email.id}>
            <td>{formatParisDateTime(email.createdAt)}</td>
            {showRecipient ? <td>{email.to}</td> : null}
            <td>
              {showBodies ? (
                <details>
                  <summary>{email.subject}</summary>
                  <div className={fr.cx("fr-mt-2w")}>
                    <EmailBody text={email.text} />
                  </div>
                </details>
              ) : (
                email.subject
              )}
            </td>
            <td>
              <Badge severity={SEVERITY[email.status]} small noIcon>
                {EMAIL_STATUS_LABELS[email.status]}
              </Badge>
              {email.sentAt ? <div className={fr.cx("fr-text--sm", "fr-mb-0")}>le {formatParisDateTime(email.sentAt)}</div> : null}
              {email.status === "FAILED" ? (
                <div className={fr.cx("fr-text--sm", "fr-mb-0")}>
                  {formatCount(email.attempts, "tentative", "tentatives")}
                  {email.lastError ? ` : ${email.lastError}` : ""}.{" "}
                  {email.nextAttemptAt ? `Nouvel essai le ${formatParisDateTime(email.nextAttemptAt)}.` : "Plus de nouvel essai."}
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
