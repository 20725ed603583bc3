import type { ReportModel, Table } from "../model";
import { localized } from "../types";
import { defineRule } from "./types";

/**
 * Region totals: a region's report (a county's, over its townships and
 * departments) states in table 三 and table 四 what the reports of the units
 * it covers state together. Compared per column: table 三's rows 一、二、
 * （七）总计、四 and table 四's three totals against the sum over the units,
 * naming the units that give most to the sum. Silent for a figure that the
 * region's report or any unit's does not state readably: a sum over some of
 * the units says nothing. Runs only with the units' reports (CheckOptions.units),
 * which `.govreportrc.json` "aggregate" or `check --aggregate` name.
 */

/** The figures compared: rows of a table, and the columns (all of the table's when none are named). */
const COMPARED: { table: string; rows: string[]; columns?: string[] }[] = [
  { table: "applications", rows: ["new", "carried", "outcome-total", "forward"] },
  { table: "review", rows: ["cases"], columns: ["review-total", "direct-total", "after-total"] },
];

/** Units named in a finding: the largest contributions, enough to look at first. */
const NAMED_UNITS = 3;

const tableOf = (model: ReportModel, id: string): Table | undefined => model.tables.find((t) => t.spec.id === id);

function cellOf(table: Table | undefined, row: string, column: string) {
  const c = table?.spec.columns.findIndex((col) => col.id === column) ?? -1;
  const cell = table?.rows.find((r) => r.spec.id === row)?.cells[c];
  return cell?.status === "number" && cell.value !== undefined ? cell : undefined;
}

export const aggregateMismatchRule = defineRule({
  id: "aggregate-mismatch",
  severity: "warning",
  category: "table",
  description: localized("汇总报告的表三、表四与所辖单位报告之和不一致", "A region's tables 三 and 四 differ from the sum of its units' reports"),
  example: localized(
    "县政府汇总报告“一、本年新收政府信息公开申请数量”的“自然人”为 12，各乡镇、部门报告合计 10",
    "A county's report states 12 new applications from natural persons, its townships' and departments' reports 10 together",
  ),
  basis: localized(
    "《条例》第五十条要求各级人民政府及其部门公布年度报告；汇总本行政区域情况的报告，其表三、表四的数据应与所汇总的乡镇、部门报告一致，上级政务公开工作主管部门审核时据此核对（本检查须在 .govreportrc.json 的 aggregate 中列出所辖单位的报告才会进行）。",
    "Article 50 of the Regulations has governments and their departments publish annual reports; a report that sums up a region must state in tables 三 and 四 what its townships' and departments' reports state together, which the supervising office checks (this check runs only when .govreportrc.json's aggregate lists the units' reports).",
  ),
  correct: localized("汇总报告各列等于所辖单位报告之和，或说明差异的来源", "Each column equals the sum over the units' reports, or the difference is explained"),
  fix: "none",
  needsUnits: true,
  check({ model, units = [], report }) {
    // A unit's report of another year is not part of this year's sum.
    const counted = units.filter((u) => u.model.isReport && (!model.year || !u.model.year || u.model.year.value === model.year.value));
    if (!counted.length) return;
    for (const compared of COMPARED) {
      const table = tableOf(model, compared.table);
      if (!table) continue;
      const unitTables = counted.map((u) => tableOf(u.model, compared.table));
      for (const row of compared.rows) {
        for (const column of compared.columns ?? table.spec.columns.map((c) => c.id)) {
          const cell = cellOf(table, row, column);
          const parts = counted.map((u, i) => ({ name: u.name, value: cellOf(unitTables[i], row, column)?.value }));
          if (!cell || parts.some((p) => p.value === undefined)) continue;
          const sum = parts.reduce((n, p) => n + p.value!, 0);
          if (sum === cell.value) continue;
          const rowLabel = table.spec.rows.find((r) => r.id === row)?.label ?? row;
          const col = table.spec.columns.find((c) => c.id === column)!;
          // Table 四's totals are told apart by their group (行政复议, 未经复议直接起诉, 复议后起诉).
          const columnLabel = table.spec.id === "review" ? `${col.subgroup ?? col.group}${col.label}` : col.label;
          const top = parts.filter((p) => p.value! > 0).sort((a, b) => b.value! - a.value!).slice(0, NAMED_UNITS);
          const named = top.map((p) => `${p.name} ${p.value}`);
          const difference = cell.value! - sum;
          report({
            range: cell.contentRange,
            message: localized(
              `“${rowLabel}”“${columnLabel}”：本报告为 ${cell.value}，${counted.length} 个单位的报告合计 ${sum}（相差 ${difference > 0 ? "+" : ""}${difference}）${named.length ? `；数量较多的是 ${named.join("、")}` : ""}`,
              `${rowLabel}, ${columnLabel}: this report states ${cell.value}, the ${counted.length} units' reports sum to ${sum} (difference ${difference})${named.length ? `; the largest: ${named.join(", ")}` : ""}`,
            ),
          });
        }
      }
    }
  },
});
