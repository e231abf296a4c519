import type { Metadata } from "next";
import { DataTable } from "@/components/dsfr/data-table";
import { LOCAL_STORAGE_ITEMS, serviceCookies, type StoredItem } from "@/lib/identity/cookie-list";

export const metadata: Metadata = { title: "Gestion des cookies" };

function StoredItems({ caption, items }: { caption: string; items: readonly StoredItem[] }) {
  return (
    <DataTable caption={caption} multiline>
      <thead>
        <tr>
          <th scope="col">Nom</th>
          <th scope="col">À quoi il sert</th>
          <th scope="col">Durée</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.name}>
            <th scope="row">{item.name}</th>
            <td>{item.purpose}</td>
            <td>{item.lifetime}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** The DSFR footer's « Gestion des cookies »: what the service stores in the browser, and why no consent is asked. */
export default function CookiesPage() {
  return (
    <>
      <h1>Gestion des cookies</h1>
      <p>
        HospiConnect – appels à projets ne dépose que des cookies strictement nécessaires à son fonctionnement : votre connexion et sa
        sécurité. Ils sont exemptés de consentement (article 82 de la loi Informatique et Libertés) ; c&apos;est pourquoi aucun bandeau ne
        vous le demande. Le service n&apos;utilise aucun cookie de mesure d&apos;audience, de publicité ou de réseau social.
      </p>
      <h2>Cookies</h2>
      <StoredItems caption="Cookies déposés par le service" items={serviceCookies()} />
      <h2>Stockage local du navigateur</h2>
      <p>Ces éléments restent sur votre appareil ; vous pouvez les effacer depuis les réglages de votre navigateur.</p>
      <StoredItems caption="Éléments gardés dans le stockage local" items={LOCAL_STORAGE_ITEMS} />
    </>
  );
}
