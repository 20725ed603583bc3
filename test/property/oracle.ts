/**
 * An oracle for the relation rules that shares no code with them: relations
 * are evaluated on the generated figures (from the format's data), and a
 * cell is located in the rendered text by rendering it twice with different
 * contents in that one cell.
 */
import { formatById, type FormatSpec } from "../../server/src/core/formats";
import type { Range } from "../../server/src/core";
import { cellKey, render, type Figures, type ReportShape } from "./arbitraries";

export interface ExpectedFinding {
  rule: string;
  /** The relation's target cell, where the finding belongs. */
  row: string;
  column: string;
}

const sum = (figures: Figures, keys: string[]) => keys.reduce((a, k) => a + (figures.get(k) ?? 0), 0);

/** Every relation instance that does not hold, with the cell it is reported at. */
export function brokenRelations(format: FormatSpec, figures: Figures): ExpectedFinding[] {
  const broken: ExpectedFinding[] = [];
  for (const table of format.tables)
    for (const rel of table.relations) {
      if (rel.each === "row") {
        for (const row of table.rows.filter((r) => r.values !== false && (!rel.rows || rel.rows.includes(r.id)))) {
          const side = (cols: string[]) => sum(figures, cols.map((c) => cellKey(row.id, c)));
          if (side(rel.left) !== side(rel.right)) broken.push({ rule: rel.rule, row: row.id, column: rel.target });
        }
      } else {
        for (const col of table.columns.filter((c) => !rel.columns || rel.columns.includes(c.id))) {
          const side = (rows: string[]) => sum(figures, rows.map((r) => cellKey(r, col.id)));
          if (side(rel.left) !== side(rel.right)) broken.push({ rule: rel.rule, row: rel.target, column: col.id });
        }
      }
    }
  return broken;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const breaks = [...before.matchAll(/\r\n|\n|\r/g)];
  const last = breaks[breaks.length - 1];
  return { line: breaks.length, character: last ? offset - (last.index! + last[0].length) : offset };
}

/** Where a cell's value stands in the rendered report: the span where a rendering with another value in it differs. */
export function locateCell(shape: ReportShape, figures: Figures, row: string, column: string): Range {
  const text = render(shape, figures);
  const other = render(shape, figures, { key: cellKey(row, column), text: "\u0001" });
  let start = 0;
  while (text[start] === other[start]) start++;
  let fromEnd = 0;
  while (fromEnd < text.length - start && text[text.length - 1 - fromEnd] === other[other.length - 1 - fromEnd]) fromEnd++;
  return { start: positionAt(text, start), end: positionAt(text, text.length - fromEnd) };
}

export const formatOf = (shape: ReportShape) => formatById(shape.format);
