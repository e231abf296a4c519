import { fr } from "@codegouvfr/react-dsfr";
import type { Route } from "next";
import Link from "next/link";

export type BreadcrumbSegment = { label: string; href: Route };

/** A step of a breadcrumb; like `Link`, a link to a page that does not exist fails the type check. */
export function crumb<T extends string>(label: string, href: Route<T>): BreadcrumbSegment {
  return { label, href: href as Route };
}

/**
 * The DSFR's breadcrumb (« fil d'Ariane ») above a page's title: the pages above this one, each a
 * link, then this one. On a small screen the DSFR's script folds the list behind « Voir le fil
 * d'Ariane ». Written here rather than taken from react-dsfr because its `Breadcrumb`, rendered on
 * the server, links with a plain `<a>` (the Next.js `Link` is registered by the client provider),
 * which would reload the whole page on every click.
 */
export function Breadcrumb({ segments, current }: { segments: BreadcrumbSegment[]; current: string }) {
  return (
    <nav role="navigation" className={fr.cx("fr-breadcrumb")} aria-label="vous êtes ici :">
      <button type="button" className={fr.cx("fr-breadcrumb__button")} aria-expanded="false" aria-controls="fil-d-ariane">
        Voir le fil d&apos;Ariane
      </button>
      <div className={fr.cx("fr-collapse")} id="fil-d-ariane">
        <ol className={fr.cx("fr-breadcrumb__list")}>
          {segments.map((segment) => (
            <li key={segment.href}>
              <Link className={fr.cx("fr-breadcrumb__link")} href={segment.href}>
                {segment.label}
              </Link>
            </li>
          ))}
          <li>
            <a className={fr.cx("fr-breadcrumb__link")} aria-current="page">
              {current}
            </a>
          </li>
        </ol>
      </div>
    </nav>
  );
}
