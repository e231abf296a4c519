import { DataTable } from "@/components/dsfr/data-table";
import { type JsonSchema, propertyRows } from "@/lib/public-api/describe-schema";
import { ApiText } from "./api-text";

/** The properties of one schema of the OpenAPI document, with links to the schemas they use. */
export function SchemaTable({ caption, schema }: { caption: string; schema: JsonSchema }) {
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Champ</th>
          <th scope="col">Type</th>
          <th scope="col">Toujours présent</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {propertyRows(schema).map((row) => (
          <tr key={row.name}>
            <td>
              <code>{row.name}</code>
            </td>
            <td>{row.ref ? <a href={`#schema-${row.ref}`}>{row.type}</a> : row.type}</td>
            <td>{row.required ? "Oui" : "Non"}</td>
            <td>
              <ApiText text={row.description} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
