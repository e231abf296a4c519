import { fr } from "@codegouvfr/react-dsfr";
import { DataTable } from "@/components/dsfr/data-table";
import type { FigureCell, FigureColumn, FigureTable } from "@/lib/export/figure-table";
import { formatDecimal, formatEuros, formatInteger } from "@/lib/format/numbers";
import { formatSharePercent } from "@/lib/roster/compliance-view";
import { DownloadLink } from "@/components/dsfr/download-link";

function formatCell(cell: FigureCell, column: FigureColumn): string {
  if (cell === null) return "–";
  switch (column.kind) {
    case "integer":
      return formatInteger(cell as number);
    case "decimal":
      return formatDecimal(cell as number);
    case "share":
      return formatSharePercent(cell as { count: number; of: number }) ?? "–";
    case "euros":
      return formatEuros(cell as bigint);
    default:
      return String(cell);
  }
}

/**
 * A chart's data table (RGAA 1.8: the chart's figures in text), with links to download it as CSV
 * and XLSX through `/api/pilotage/tableaux/<id>` under the same filters.
 */
export function FigureTableView({ id, table, query }: { id: string; table: FigureTable; query: string }) {
  const href = (format: "csv" | "xlsx") => `/api/pilotage/tableaux/${id}?${query}${query ? "&" : ""}format=${format}`;
  return (
    <div data-table-id={id}>
      {table.rows.length === 0 ? (
        <p>{table.caption} : aucune donnée pour ces filtres.</p>
      ) : (
        <DataTable caption={table.caption} small multiline>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column.label} scope="col">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row">
                      {formatCell(cell, table.columns[index]!)}
                    </th>
                  ) : (
                    <td key={index}>{formatCell(cell, table.columns[index]!)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm", "fr-btns-group--icon-left", "fr-mb-4w")}>
        <li>
          <DownloadLink href={href("csv")} priority="tertiary">
            Télécharger « {table.caption} » en CSV
          </DownloadLink>
        </li>
        <li>
          <DownloadLink href={href("xlsx")} priority="tertiary">
            Télécharger « {table.caption} » en XLSX
          </DownloadLink>
        </li>
      </ul>
    </div>
  );
}
