import { fr } from "@codegouvfr/react-dsfr";
import type { FollowUp } from "@/lib/follow-up/get-follow-up";
import { formatCount } from "@/lib/format/numbers";
import { TargetBadge, TargetLine } from "./objective-targets";

/** Each objective with its targets checked against today's roster, and who holds each unmet one back. */
export function FollowUpObjectives({ followUp }: { followUp: FollowUp }) {
  return (
    <section aria-labelledby="objectifs-titre" className={fr.cx("fr-mb-6w")}>
      <h2 id="objectifs-titre">Objectifs et cibles</h2>
      <p>Chiffres du registre des professionnels aujourd&apos;hui, calculés par les mêmes règles que la page de conformité.</p>
      {followUp.objectives.map((objective) => (
        <article key={objective.code} className={fr.cx("fr-mb-4w")} aria-labelledby={`objectif-${objective.code}`}>
          <h3 id={`objectif-${objective.code}`} className={fr.cx("fr-h5")}>
            {objective.code} – {objective.title} <TargetBadge met={objective.met} />
          </h3>
          {objective.targets.length === 0 ? (
            <p>Aucune cible n&apos;est fixée pour cet objectif : il n&apos;est pas pré-vérifié.</p>
          ) : (
            <ul>
              {objective.targets.map((target) => (
                <li key={target.indicator}>
                  <TargetLine target={target} />
                  {target.holdingBack && target.holdingBack.count > 0 ? (
                    <>
                      <p className={fr.cx("fr-mb-1w", "fr-mt-1w")}>
                        {formatCount(target.holdingBack.count, "professionnel ne compte", "professionnels ne comptent")} pas encore
                        {target.holdingBack.count > target.holdingBack.named.length
                          ? `, dont les ${target.holdingBack.named.length} premiers`
                          : ""}{" "}
                        :
                      </p>
                      <ul>
                        {target.holdingBack.named.map((person) => (
                          <li key={person.id}>
                            <strong>{person.name}</strong>
                            {person.gaps.length > 0 ? " : " : ""}
                            {person.gaps
                              .map((gap) => `${gap.message} (${gap.nextStep.charAt(0).toLowerCase()}${gap.nextStep.slice(1)})`)
                              .join(" ; ")}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </section>
  );
}
