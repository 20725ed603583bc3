import type { Table } from "../../model";
import { localized, type Localized } from "../../types";
import { defineRule, type Report } from "../types";
import { figure, previousName, tableOf } from "./figures";

/**
 * FORMATS.md §5, across years (2021 format): 现行有效件数 ≈ last year's 现行有效件数
 * + 本年制发件数 − 本年废止件数, for 规章 and 行政规范性文件. Amendments make it
 * approximate, hence a warning, never an error.
 */

const TABLE = "active-一";
const ROWS = ["rules", "normative"];

const hasActiveColumn = (t: Table) => t.spec.columns.some((c) => c.id === "active");

export const activeCountContinuityRule = defineRule({
  id: "active-count-continuity",
  severity: "warning",
  category: "cross-year",
  description: localized(
    "现行有效件数 ≠ 上一年度现行有效件数 + 本年制发件数 − 本年废止件数（2021 格式）",
    "现行有效件数 ≠ last year's 现行有效件数 + issued − abolished (2021 format)",
  ),
  example: localized(
    "上年现行有效规范性文件 40 件，本年制发 5 件、废止 2 件，现行有效却填 30 件",
    "40 in force last year, 5 issued, 2 abolished, but 30 in force this year",
  ),
  basis: localized(
    "国办公开办函〔2021〕30号附件表二的“现行有效件数”是在上一年度的基础上加本年制发件数、减本年废止件数；修订可使其略有出入，故为警告。",
    "In table 二 of 国办公开办函〔2021〕30号 the count in force is last year's plus those issued minus those abolished; amendments can make it differ a little, hence a warning.",
  ),
  correct: localized("上年现行有效 40 件，本年制发 5 件、废止 2 件，现行有效填 43 件", "40 + 5 − 2 = 43 in force"),
  fix: "none",
  needsPrevious: true,
  check({ model, previous, report }) {
    if (!previous) return;
    const thisYear = tableOf(model, TABLE);
    const lastYear = tableOf(previous, TABLE);
    if (!thisYear || !lastYear || !hasActiveColumn(thisYear)) return;
    const name = previousName(previous);
    if (!hasActiveColumn(lastYear)) {
      report(formatNote(thisYear, name));
      return;
    }
    for (const rowId of ROWS) {
      const [active, issued, abolished, before] = [
        figure(thisYear, rowId, "active"),
        figure(thisYear, rowId, "issued"),
        figure(thisYear, rowId, "abolished"),
        figure(lastYear, rowId, "active"),
      ];
      if (!active || !issued || !abolished || !before) continue;
      const expected = before.value! + issued.value! - abolished.value!;
      if (active.value === expected) continue;
      const label = thisYear.rows.find((r) => r.spec.id === rowId)!.spec.label;
      report({
        range: active.contentRange,
        message: localized(
          `“${label}”现行有效 ${active.value} 件，但${name.zh}现行有效 ${before.value} 件 + 本年制发 ${issued.value} 件 − 本年废止 ${abolished.value} 件 = ${expected} 件（修订等情形可能造成差异，请核实）`,
          `“${label}”: ${active.value} in force, but ${name.en} had ${before.value} + ${issued.value} issued − ${abolished.value} abolished = ${expected} (amendments may explain a difference; please verify)`,
        ),
      });
    }
  },
});

/** Last year followed the 2019 format, whose table has no 现行有效件数: say what can still be compared. */
function formatNote(table: Table, name: Localized): Report {
  return {
    range: table.headingRange,
    severity: "info",
    message: localized(
      `${name.zh}采用 2019 格式，其“对外公开总数量”不是现行有效件数，无法核对本年现行有效件数的连续性；表三的上年结转仍与其核对`,
      `${name.en} follows the 2019 format, whose 对外公开总数量 is not a count of documents in force, so 现行有效件数 cannot be carried on; table 三's carry-over is still compared`,
    ),
  };
}
