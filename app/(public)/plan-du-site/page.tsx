import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/identity/current-viewer";
import { siteMapFor } from "@/lib/identity/navigation";

export const metadata: Metadata = { title: "Plan du site" };

/** The site map the footer links to: the pages this visitor may open, by section. */
export default async function SiteMapPage() {
  const sections = siteMapFor(await getViewer());
  return (
    <>
      <h1>Plan du site</h1>
      {sections.map((section) => (
        <section key={section.title}>
          <h2 className={fr.cx("fr-h4")}>{section.title}</h2>
          <ul className={fr.cx("fr-mb-4w")}>
            {section.links.map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.text}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
