import type { Metadata } from "next";
import Link from "next/link";
import { ACCESS_RECOVERY_TTL_HOURS } from "@/lib/identity/access-recovery";
import { env } from "@/lib/config/env";
import { EXPORT_RETENTION_HOURS } from "@/lib/exports/threshold";
import { PREVIEW_RETENTION_DAYS } from "@/lib/roster/import-session";

export const metadata: Metadata = { title: "Données personnelles" };

/**
 * The DSFR footer's « Données personnelles »: which personal data the service holds, why, who
 * reads it, how long what the service itself deletes stays, and how to exercise one's rights.
 */
export default function PersonalDataPage() {
  return (
    <>
      <h1>Données personnelles</h1>
      <p>
        HospiConnect – appels à projets est opéré par l&apos;Agence du Numérique en Santé (ANS), responsable des traitements décrits
        ci-dessous, pour conduire les appels à projets du programme HospiConnect : dépôt et instruction des dossiers, décisions, versements
        et suivi des résultats.
      </p>

      <h2>Les données traitées, et pourquoi</h2>
      <ul>
        <li>
          <strong>Directions et membres des établissements</strong> : nom, adresse électronique, établissement, numéro RPPS pour ceux qui se
          connectent avec Pro Santé Connect. Pour déposer et suivre les dossiers de leur établissement.
        </li>
        <li>
          <strong>Professionnels inscrits au registre d&apos;un établissement</strong> : nom, prénom, date de naissance, profession,
          population, numéro RPPS et son statut, niveau de vérification d&apos;identité, moyens d&apos;identification électronique et leurs
          dates, dates d&apos;activité. Pour calculer la conformité de l&apos;établissement aux objectifs du programme et ses indicateurs ;
          le programme ne publie que des chiffres agrégés.
        </li>
        <li>
          <strong>Agents de l&apos;ANS et des ARS</strong> : nom, adresse électronique, rôle, régions, liens déclarés avec des
          établissements ou des entreprises, déclarations d&apos;intérêts, clé publique de leurs clés d&apos;accès. Pour instruire les
          dossiers et garantir l&apos;indépendance de l&apos;instruction.
        </li>
        <li>
          <strong>Sessions de connexion</strong> : dates de connexion et de dernière activité, adresse IP, identification transmise par le
          navigateur (User-Agent), d&apos;où sont tirés le navigateur et le système affichés sur « Mon compte » (par exemple « Firefox sur
          Android »), clé d&apos;accès utilisée. Pour que chacun reconnaisse et ferme ses propres sessions, et pour la sécurité du service.
        </li>
        <li>
          <strong>Journal d&apos;audit</strong> : qui a fait quelle action, quand, depuis quelle adresse IP. Pour la sécurité du service et
          la traçabilité des décisions.
        </li>
      </ul>

      <h2>Qui y a accès</h2>
      <p>
        Les membres d&apos;un établissement voient les données de leur établissement ; les instructeurs, les dossiers qui leur sont
        attribués ; les chargés de programme de l&apos;ANS, l&apos;ensemble du programme. Aucune donnée n&apos;est vendue ni cédée.
      </p>

      <h2>Ce que le service supprime de lui-même</h2>
      <ul>
        <li>Un fichier de registre importé mais non enregistré : après {PREVIEW_RETENTION_DAYS} jours.</li>
        <li>Un export préparé en arrière-plan : {EXPORT_RETENTION_HOURS} heures après qu&apos;il est prêt.</li>
        <li>Un lien d&apos;invitation : il expire après {env.INVITATION_TTL_HOURS} heures.</li>
        <li>Un lien de rétablissement d&apos;accès (clé perdue) : il expire après {ACCESS_RECOVERY_TTL_HOURS} heures.</li>
        <li>
          Une session : après {env.SESSION_IDLE_MINUTES} minutes sans activité, et au plus tard {env.SESSION_LIFETIME_MINUTES} minutes après
          la connexion.
        </li>
      </ul>

      <h2>Vos droits</h2>
      <p>
        Vous disposez d&apos;un droit d&apos;accès, de rectification, d&apos;effacement, de limitation et d&apos;opposition sur vos données
        (articles 15 à 21 du règlement général sur la protection des données). Pour l&apos;exercer, adressez-vous au délégué à la protection
        des données de l&apos;ANS, dont les coordonnées figurent sur{" "}
        <a href="https://esante.gouv.fr" target="_blank" rel="noopener" title="esante.gouv.fr - nouvelle fenêtre">
          esante.gouv.fr
        </a>
        . Un professionnel inscrit au registre d&apos;un établissement peut aussi demander à sa direction de corriger sa fiche. Si vous
        estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la{" "}
        <a href="https://www.cnil.fr" target="_blank" rel="noopener" title="CNIL - nouvelle fenêtre">
          CNIL
        </a>
        .
      </p>
      <p>
        Les cookies du service sont décrits sur la page <Link href="/gestion-des-cookies">Gestion des cookies</Link>.
      </p>
    </>
  );
}
