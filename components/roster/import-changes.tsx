import { fr } from "@codegouvfr/react-dsfr";
import { formatInteger } from "@/lib/format/numbers";

/**
 * Who an import preview adds or changes, line by line, folded under its count: the director checks
 * names and changed columns before anything is written. Nothing when the import has none.
 */
export function ImportChanges({ title, total, entries }: { title: string; total: number; entries: Array<{ line: number; text: string }> }) {
  if (total === 0) return null;
  return (
    <details className={fr.cx("fr-mb-2w")}>
      <summary>
        {title} ({formatInteger(total)})
      </summary>
      <ul className={fr.cx("fr-mt-1w")}>
        {entries.map((entry) => (
          <li key={entry.line}>
            Ligne {formatInteger(entry.line)} : {entry.text}
          </li>
        ))}
      </ul>
      {entries.length < total ? (
        <p className={fr.cx("fr-hint-text")}>Seules les {formatInteger(entries.length)} premières lignes sont listées.</p>
      ) : null}
    </details>
  );
}
