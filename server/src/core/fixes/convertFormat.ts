import { FORMATS, type FormatSpec, type TableSpec } from "../formats";
import { isValueLike } from "../parser";
import type { ReportModel, Table } from "../model";
import { renderTable, writtenLayout, type TemplateLayout } from "../templates";
import { eolOf, labelKey, stripNumbering } from "../text";
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

let templateKeys: string[] | undefined;

/** Every wording the tables of any format hold (captions, headers, labels), as label keys. */
function allTemplateKeys(): string[] {
  if (templateKeys) return templateKeys;
  const texts = FORMATS.flatMap((f) =>
    f.tables.flatMap((t) => [
      t.caption ?? "",
      ...t.markers,
      ...t.header.flat(),
      ...t.columns.flatMap((c) => [c.label, c.group ?? "", c.subgroup ?? "", ...(c.aliases ?? [])]),
      ...t.rows.flatMap((r) => [r.label, r.group ?? "", ...(r.aliases ?? [])]),
    ]),
  );
  templateKeys = [...new Set(texts.map(labelKey).filter(Boolean))];
  return templateKeys;
}

/** A cell a table rewrite may drop: blank, a figure, a Markdown rule, or (a piece of) template wording. */
function isTemplateCell(raw: string): boolean {
  const key = labelKey(raw);
  if (!key || isValueLike(raw) || /^:?-{3,}:?$/.test(key)) return true;
  const bare = stripNumbering(key);
  return allTemplateKeys().some((k) => k.includes(key) || k.includes(bare));
}

/**
 * Rewriting replaces whole lines, so it is safe only when those lines hold nothing but the tables:
 * no paragraph, and outside the recognised rows no cell that is not template wording (a sentence
 * glued to a header cell, an unrecognised row) — the user's text is never dropped.
 */
function onlyTablesBetween(model: ReportModel, tables: Table[], first: number, last: number): boolean {
  if (model.paragraphs.some((p) => p.line >= first && p.line <= last)) return false;
  const rowLines = new Set<number>();
  for (const r of tables.flatMap((t) => t.rows)) for (let l = r.range.start.line; l <= r.range.end.line; l++) rowLines.add(l);
  for (let l = first; l <= last; l++) {
    if (!rowLines.has(l) && !model.lines[l].text.split(/[\t|]/).every(isTemplateCell)) return false;
  }
  return true;
}

/** Replaces whole lines from the first to the last of the given tables, when only tables stand there. */
function replaceLines(model: ReportModel, tables: Table[], text: string): TextEdit | undefined {
  const first = Math.min(...tables.map((t) => t.range.start.line));
  const last = Math.max(...tables.map((t) => t.range.end.line));
  if (!onlyTablesBetween(model, tables, first, last)) return undefined;
  return { range: range(first, 0, last, model.lines[last].text.length), newText: text };
}

/** Rewrites the tables of the given statistics parts (2: table 二, 3: table 三) in the target format. */
export function convertTables(model: ReportModel, target: FormatSpec, sections = [2, 3]): FormatConversion | undefined {
  const eol = eolOf(model.lines);
  if (model.unreadableTables.length || model.tables.some((t) => t.rows.some((r) => r.placement !== "placed"))) return undefined;
  const edits: TextEdit[] = [];
  const used = new Set<string>();
  for (const section of sections) {
    const old = model.tables.filter((t) => t.spec.section === section);
    if (!old.length) continue;
    const specs = target.tables.filter((t) => t.section === section);
    const layout = writtenLayout(old[0].layout);
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
  for (const t of model.tables.filter((x) => sections.includes(x.spec.section)))
    for (const r of t.rows)
      r.cells.forEach((cell, i) => {
        if (cell?.status === "number" && cell.value !== 0 && !used.has(`${r.spec.id}/${t.spec.columns[i].id}`)) dropped++;
      });
  return edits.length ? { edits, dropped } : undefined;
}
