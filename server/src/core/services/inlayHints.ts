import type { ColumnSpec } from "../formats";
import type { ReportModel } from "../model";
import type { Position } from "../types";

/** Inlay hints: the column's name before each value of a table row, where the row's values were placed. */

export interface ColumnHint {
  position: Position;
  label: string;
}

export function inlayHints(model: ReportModel, fromLine = 0, toLine = model.lines.length - 1): ColumnHint[] {
  const hints: ColumnHint[] = [];
  for (const table of model.tables) {
    if (table.range.end.line < fromLine || table.range.start.line > toLine) continue;
    const name = columnNames(table.spec.columns);
    for (const row of table.rows) {
      // Cells a short row lacks all stand at its end; one hint there is enough.
      const taken = new Set<string>();
      for (const cell of row.cells) {
        const at = cell?.contentRange.start;
        if (!cell || !at || at.line < fromLine || at.line > toLine || taken.has(`${at.line}:${at.character}`)) continue;
        taken.add(`${at.line}:${at.character}`);
        hints.push({ position: at, label: `${name.get(cell.column)}:` });
      }
    }
  }
  return hints;
}

/** A column's own label, prefixed by its group where the label repeats (table 四's three 结果维持). */
function columnNames(columns: ColumnSpec[]): Map<ColumnSpec, string> {
  const count = (label: string) => columns.filter((c) => c.label === label).length;
  return new Map(columns.map((c) => [c, count(c.label) > 1 ? `${c.subgroup ?? c.group}·${c.label}` : c.label]));
}
