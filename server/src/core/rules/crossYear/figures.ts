import type { Cell, ReportModel, Table } from "../../model";
import { known, rowById } from "../../relations";
import { localized, type Localized } from "../../types";

/** Looking up figures by table, row and column id: the ids are shared by both formats, so a 2021 report reads a 2019 one. */

export function tableOf(model: ReportModel, id: string): Table | undefined {
  return model.tables.find((t) => t.spec.id === id);
}

/** The cell of (row, column) when it holds a number; undefined when absent, empty, invalid or unplaced. */
export function figure(table: Table | undefined, rowId: string, columnId: string): Cell | undefined {
  if (!table) return undefined;
  const row = rowById(table, rowId);
  if (!row || row.placement !== "placed") return undefined;
  const cell = row.cells[table.spec.columns.findIndex((c) => c.id === columnId)];
  return known(cell) ? cell : undefined;
}

/** How a message names last year's report: by its year when it has one. */
export function previousName(previous: ReportModel): Localized {
  const year = previous.year?.value;
  return year ? localized(`${year}年度报告`, `the ${year} report`) : localized("上一年度报告", "last year's report");
}
