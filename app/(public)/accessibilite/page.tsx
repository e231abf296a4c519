import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

/**
 * The accessibility statement the law requires of a public service (article 47 of law 2005-102),
 * in the RGAA's model, which the footer's « Accessibilité : non conforme » links to. Without an
 * audit in force, the RGAA has a service declared « non conforme », whatever its own checks.
 */
export default function AccessibilityStatementPage() {
  return (
    <>
      <h1>Déclaration d&apos;accessibilité</h1>
      <p>
        L&apos;Agence du Numérique en Santé s&apos;engage à rendre ses services numériques accessibles, conformément à l&apos;article 47 de
        la loi n° 2005-102 du 11 février 2005.
      </p>
      <p>Cette déclaration d&apos;accessibilité s&apos;applique au service en ligne HospiConnect – appels à projets.</p>

      <h2>État de conformité</h2>
      <p>
        HospiConnect – appels à projets est <strong>non conforme</strong> avec le référentiel général d&apos;amélioration de
        l&apos;accessibilité (RGAA), version 4.1.2 : aucun audit de conformité n&apos;a encore été réalisé.
      </p>

      <h2>Contenus non accessibles</h2>
      <p>
        Faute d&apos;audit, la liste des non-conformités au RGAA n&apos;est pas encore établie. Les défauts relevés sont corrigés au fil des
        évolutions du service ; si un contenu vous reste inaccessible, signalez-le par les moyens indiqués ci-dessous.
      </p>
      <p>
        Les documents produits par le service (accusés de réception, lettres de décision, déclarations de résultats) sont des PDF balisés
        (titres, tableaux, langue du document).
      </p>

      <h2>Ce qui est vérifié à chaque évolution du service</h2>
      <p>En attendant un audit, le service est conçu et vérifié pour respecter le RGAA :</p>
      <ul>
        <li>ses pages sont construites avec le Système de design de l&apos;État (DSFR) ;</li>
        <li>
          ses parcours (connexion, dossier, registre des professionnels, instruction, pilotage) sont vérifiés par des tests automatisés à
          chaque modification du code : analyse des pages par l&apos;outil axe-core et utilisation au clavier seul ;
        </li>
        <li>chaque graphique est accompagné d&apos;un tableau qui en donne les mêmes données ;</li>
        <li>
          chaque page se trouve de deux façons : par le menu et par le <Link href="/plan-du-site">plan du site</Link>, qui montre à chacun
          les pages de son rôle ;
        </li>
        <li>le thème clair ou sombre se choisit dans les « Paramètres d&apos;affichage », en bas de chaque page.</li>
      </ul>

      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le 2 décembre 2026 et mise à jour le 3 décembre 2026.</p>
      <p>Technologies utilisées pour la réalisation du service : HTML5, CSS, JavaScript, WAI-ARIA.</p>

      <h2>Retour d&apos;information et contact</h2>
      <p>
        Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter l&apos;Agence du Numérique en Santé pour
        être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme, par les moyens indiqués sur{" "}
        <a href="https://esante.gouv.fr">le site de l&apos;Agence du Numérique en Santé</a>.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Si vous constatez un défaut d&apos;accessibilité vous empêchant d&apos;accéder à un contenu ou à une fonctionnalité du service, que
        vous nous le signalez et que vous ne parvenez pas à obtenir une réponse de notre part, vous êtes en droit de faire parvenir vos
        doléances ou une demande de saisine au Défenseur des droits.
      </p>
      <p>Plusieurs moyens sont à votre disposition :</p>
      <ul className={fr.cx("fr-mb-6w")}>
        <li>
          écrire un message au Défenseur des droits, par son <a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a> ;
        </li>
        <li>
          contacter <a href="https://www.defenseurdesdroits.fr/saisir/delegues">le délégué du Défenseur des droits dans votre région</a> ;
        </li>
        <li>
          envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX
          07.
        </li>
      </ul>
    </>
  );
}
