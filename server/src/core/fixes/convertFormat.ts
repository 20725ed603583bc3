import type { FormatSpec, TableSpec } from "../formats";
import type { ReportModel, Table } from "../model";
import { renderTable, type TemplateLayout } from "../templates";
import { eolOf } from "../text";
import { range, type TextEdit } from "../types";

/**
 * Rewrites a report's tables in another format, carrying over every figure
 * whose row and column exist in both (by id, or by the spec's `carriesFrom`).
 * Returns no edits when that would cut through prose or lose figures that
 * cannot be placed; says how many non-zero figures have no place in the
 * target format, so the caller can tell the user.
 */
export interface FormatConversion {
  edits: TextEdit[];
  /** Non-zero figures of the old tables that the new format has no place for. */
  dropped: number;
}

const layoutOf = (t: Table): TemplateLayout =>
  t.layout === "pipes" || t.layout === "pipe-per-line" ? "pipes" : t.layout === "cell-per-line" ? "cell-per-line" : "tabs";

/** The written value of one old cell, or undefined when the old table does not hold it. */
function oldValue(tables: Table[], rowIds: string[], columnIds: string[]): string | undefined {
  let sum = 0;
  let found = false;
  for (const id of rowIds) {
    const table = tables.find((t) => t.rows.some((r) => r.spec.id === id));
    const row = table?.rows.find((r) => r.spec.id === id);
    if (!table || !row) continue;
    const c = table.spec.columns.findIndex((col) => columnIds.includes(col.id));
    const cell = c >= 0 ? row.cells[c] : undefined;
    if (!cell) continue;
    if (rowIds.length === 1) return cell.status === "number" ? (cell.canonical ?? cell.raw.trim()) : cell.raw.trim();
    if (cell.status !== "number") return undefined;
    sum += cell.value!;
    found = true;
  }
  return found ? String(sum) : undefined;
}

function carried(oldTables: Table[], spec: TableSpec): { render: (layout: TemplateLayout, eol: string) => string; used: Set<string> } {
  const used = new Set<string>();
  const values = (rowId: string, columnId: string) => {
    const row = spec.rows.find((r) => r.id === rowId)!;
    const column = spec.columns.find((c) => c.id === columnId)!;
    const rows = [rowId, ...(row.carriesFrom ?? [])];
    const columns = [columnId, ...(column.carriesFrom ?? [])];
    for (const r of rows) {
      const v = oldValue(oldTables, r === rowId ? [r] : row.carriesFrom!, columns);
      if (v !== undefined) {
        for (const id of r === rowId ? [r] : row.carriesFrom!) for (const c of columns) used.add(`${id}/${c}`);
        return v;
      }
    }
    return undefined;
  };
  return { render: (layout, eol) => renderTable(spec, layout, eol, values), used };
}

/** Replaces whole lines from the first to the last of the given tables, when only tables stand there. */
function replaceLines(model: ReportModel, tables: Table[], text: string): TextEdit | undefined {
  const first = Math.min(...tables.map((t) => t.range.start.line));
  const last = Math.max(...tables.map((t) => t.range.end.line));
  if (model.paragraphs.some((p) => p.line >= first && p.line <= last)) return undefined;
  return { range: range(first, 0, last, model.lines[last].text.length), newText: text };
}

export function convertTables(model: ReportModel, target: FormatSpec): FormatConversion | undefined {
  const eol = eolOf(model.lines);
  if (model.tables.some((t) => t.rows.some((r) => r.placement !== "placed"))) return undefined;
  const edits: TextEdit[] = [];
  const used = new Set<string>();
  for (const section of [2, 3]) {
    const old = model.tables.filter((t) => t.spec.section === section);
    if (!old.length) continue;
    const specs = target.tables.filter((t) => t.section === section);
    const layout = layoutOf(old[0]);
    const rendered = specs.map((spec) => {
      const c = carried(old, spec);
      const text = c.render(layout, eol);
      c.used.forEach((u) => used.add(u));
      return text;
    });
    const edit = replaceLines(model, old, rendered.join(layout === "cell-per-line" ? eol + eol : eol));
    if (!edit) return undefined;
    edits.push(edit);
  }
  let dropped = 0;
  for (const t of model.tables.filter((x) => x.spec.section === 2 || x.spec.section === 3))
    for (const r of t.rows)
      r.cells.forEach((cell, i) => {
        if (cell?.status === "number" && cell.value !== 0 && !used.has(`${r.spec.id}/${t.spec.columns[i].id}`)) dropped++;
      });
  return edits.length ? { edits, dropped } : undefined;
}
