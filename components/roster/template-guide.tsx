import { fr } from "@codegouvfr/react-dsfr";
import { DataTable } from "@/components/dsfr/data-table";
import { EVERY_COLUMN_PRESENT } from "@/lib/roster/template/columns";
import { TEMPLATE_GUIDE } from "@/lib/roster/template/guide";

/** How to fill in the template, column by column, and the profession codes, folded under their titles. */
export function TemplateGuide({ professions }: { professions: ReadonlyArray<{ code: string; label: string }> }) {
  return (
    <div className={fr.cx("fr-mb-4w")}>
      <details className={fr.cx("fr-mb-2w")}>
        <summary>Comment remplir le modèle, colonne par colonne</summary>
        {/* A file without one of the columns is refused, whatever its values: said before the table. */}
        <p className={fr.cx("fr-mt-2w")}>
          {EVERY_COLUMN_PRESENT}. Seules les valeurs peuvent manquer, là où la dernière colonne le permet.
        </p>
        <DataTable caption="Les colonnes du modèle" multiline small>
          <thead>
            <tr>
              <th scope="col">Colonne</th>
              <th scope="col">Valeur attendue</th>
              <th scope="col">Valeur obligatoire</th>
            </tr>
          </thead>
          <tbody>
            {TEMPLATE_GUIDE.map((row) => (
              <tr key={row.column}>
                <th scope="row">{row.column}</th>
                <td>{row.expected}</td>
                <td>{row.required}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </details>
      <details>
        <summary>Les codes de profession ({professions.length})</summary>
        <DataTable caption="Codes de profession" multiline small>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Profession</th>
            </tr>
          </thead>
          <tbody>
            {professions.map((profession) => (
              <tr key={profession.code}>
                <td>{profession.code}</td>
                <td>{profession.label}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </details>
    </div>
  );
}
