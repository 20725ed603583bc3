import type { ReportModel, Table } from "./model";
import { comparePositions } from "./positions";
import type { Finding } from "./rules/types";
import { localized } from "./types";

/**
 * Region totals: a region's report (a county's, over its townships and
 * departments) states in table 三 and table 四 what the reports of the units
 * it covers state together. aggregate-mismatch compares, per column, table
 * 三's rows 一、二、（七）总计、四 and table 四's three totals with the sum over
 * the units, and names the units that give most to the sum. Silent for a
 * figure that the region's report or any unit's does not state readably:
 * a sum over some of the units says nothing. Off unless configured
 * (`.govreportrc.json` "aggregate", or `check --aggregate`).
 */

export const AGGREGATE_RULE = "aggregate-mismatch";
/** What the check is, where a rule's description is shown (its findings come from no rule module: it needs the units' reports). */
export const AGGREGATE_DESCRIPTION = localized("汇总报告的表三、表四与所辖单位报告之和不一致", "A region's tables 三 and 四 differ from the sum of its units' reports");

export interface UnitReport {
  /** The unit's organ, else its file's name. */
  name: string;
  model: ReportModel;
}

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

export function aggregateFindings(region: ReportModel, units: UnitReport[]): Finding[] {
  // A unit's report of another year is not part of this year's sum.
  const counted = units.filter((u) => u.model.isReport && (!region.year || !u.model.year || u.model.year.value === region.year.value));
  if (!counted.length) return [];
  const findings: Finding[] = [];
  for (const compared of COMPARED) {
    const table = tableOf(region, compared.table);
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
        const named = top.map((p) => `${p.name} ${p.value}`).join("、");
        const namedEn = top.map((p) => `${p.name} ${p.value}`).join(", ");
        findings.push({
          rule: AGGREGATE_RULE,
          severity: "warning",
          range: cell.contentRange,
          fixes: [],
          message: localized(
            `“${rowLabel}”“${columnLabel}”：本报告为 ${cell.value}，${counted.length} 个单位的报告合计 ${sum}（相差 ${cell.value! - sum > 0 ? "+" : ""}${cell.value! - sum}）${named ? `；数量较多的是 ${named}` : ""}`,
            `${rowLabel}, ${columnLabel}: this report states ${cell.value}, the ${counted.length} units' reports sum to ${sum} (difference ${cell.value! - sum})${namedEn ? `; the largest: ${namedEn}` : ""}`,
          ),
        });
      }
    }
  }
  return findings;
}

/** A region's findings with those of its totals against its units', in the order of the report. */
export function withRegionTotals(region: ReportModel, findings: Finding[], units: UnitReport[]): Finding[] {
  const totals = aggregateFindings(region, units);
  return totals.length ? [...findings, ...totals].sort((a, b) => comparePositions(a.range.start, b.range.start)) : findings;
}
