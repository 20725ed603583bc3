import type { ReportModel } from "../model";
import { known, rowById } from "../relations";

/** One cell of a table read with confidence, if it holds a number. */
export function cellValue(model: ReportModel, tableId: string, rowId: string, columnId: string): number | undefined {
  const table = model.tables.find((t) => t.spec.id === tableId);
  if (!table) return undefined;
  const column = table.spec.columns.findIndex((c) => c.id === columnId);
  const row = rowById(table, rowId);
  const cell = row?.placement === "placed" ? row.cells[column] : undefined;
  return known(cell) ? cell.value : undefined;
}

/** The cases table 四 counts in the given groups (行政复议 "review", 直接起诉 "direct", 复议后起诉 "after"); undefined if a total is unknown. */
export function reviewCases(model: ReportModel, groups: string[]): number | undefined {
  let sum = 0;
  for (const g of groups) {
    const v = cellValue(model, "review", "cases", `${g}-total`);
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}
