import { applyEdits, parse, renderReport, type Cell, type ReportModel } from "../../server/src/core";
import { fillGuidance } from "../helpers/mutate";

/** Small builders shared by the service tests: a clean skeleton, a cell by ids, a text with one figure changed. */

export const skeleton = (year = 2025) => fillGuidance(renderReport({ year, organ: "测试市人民政府办公室" }));

export function cellOf(model: ReportModel, table: string, row: string, column: string): Cell {
  const t = model.tables.find((x) => x.spec.id === table);
  const r = t?.rows.find((x) => x.spec.id === row);
  const c = r?.cells.find((x) => x?.column.id === column);
  if (!c) throw new Error(`no cell ${table}/${row}/${column}`);
  return c;
}

export function withFigure(text: string, table: string, row: string, column: string, value: string): string {
  return applyEdits(text, [{ range: cellOf(parse(text), table, row, column).contentRange, newText: value }]).text;
}

/** Every figure of every table, by table/row/column, for comparing two versions of a draft. */
export function figures(model: ReportModel): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const t of model.tables)
    for (const r of t.rows)
      r.cells.forEach((c, i) => (out[`${t.spec.id}/${r.spec.id}/${t.spec.columns[i].id}`] = c ? (c.status === "number" ? c.value! : c.status) : "unplaced"));
  return out;
}

export const lineOf = (text: string, content: string) => text.split("\n").findIndex((l) => l === content);
