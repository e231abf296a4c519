import { Badge as DsfrBadge, type BadgeProps } from "@codegouvfr/react-dsfr/Badge";

/**
 * The DSFR badge as a <span>: react-dsfr renders a <p> by default, and a <p> inside a sentence, a
 * heading or another paragraph is invalid HTML that the browser repairs by splitting the paragraph;
 * React's hydration then failed on the pages that had one (error #418). ESLint sends every badge
 * through here.
 */
export function Badge({ as = "span", ...props }: BadgeProps) {
  return <DsfrBadge as={as} {...props} />;
}

/**
 * « En retard » after a due date, a space before it so that it reads apart from the date or status
 * it follows; nothing when on time. One badge for every review and follow-up table.
 */
export function OverdueBadge({ overdue }: { overdue: boolean }) {
  return overdue ? (
    <>
      {" "}
      <Badge severity="error" small>
        En retard
      </Badge>
    </>
  ) : null;
}
