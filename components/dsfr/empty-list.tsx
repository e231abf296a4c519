import type { Route } from "next";
import Link from "next/link";

/**
 * What a list page says when it shows no row: nothing matches its filters, or, under a count that
 * is not zero, the page asked for is past the list's end (a link kept from a longer list, a number
 * typed by hand), with a way back to its first page.
 */
export function EmptyList({ total, nothing, firstPage }: { total: number; nothing: string; firstPage: string }) {
  if (total === 0) return <p>{nothing}</p>;
  return (
    <p>
      Cette page est au-delà de la fin de la liste. <Link href={firstPage as Route}>Revenir à la première page</Link>
    </p>
  );
}
