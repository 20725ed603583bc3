import { localized } from "../../types";
import { defineRule } from "../types";
import { figure, previousName, tableOf } from "./figures";

/**
 * FORMATS.md §5, across years: what last year's table 三 carried forward
 * (四、结转下年度继续办理) is what this year's carries over (二、上年结转), column by
 * column. Both rows exist in both formats, so a 2021 report continues a 2019-format one.
 */
export const carryoverMismatchRule = defineRule({
  id: "carryover-mismatch",
  severity: "error",
  category: "cross-year",
  description: localized(
    "表三“二、上年结转”与上一年度报告的“四、结转下年度继续办理”不一致",
    "Table 三: 二、上年结转 differs from last year's 四、结转下年度继续办理",
  ),
  example: localized(
    "2020 年报告结转下年度 3 件，2021 年报告上年结转却填 1 件",
    "The 2020 report carried 3 applications forward; the 2021 report says 1 was carried over",
  ),
  basis: localized(
    "表三“二、上年结转政府信息公开申请数量”即上一年度报告“四、结转下年度继续办理”的数字（国办公开办函〔2021〕30号、〔2019〕60号附件表三）。",
    "Row 二 of table 三 (applications carried over) is row 四 (carried forward) of last year's report (table 三 of 国办公开办函〔2021〕30号 / 〔2019〕60号).",
  ),
  correct: localized("2020 年报告结转下年度 3 件，2021 年报告上年结转填 3 件", "2020 carried 3 forward; 2021 reports 3 carried over"),
  fix: "suggested",
  needsPrevious: true,
  check({ model, previous, report }) {
    if (!previous) return;
    const thisYear = tableOf(model, "applications");
    const lastYear = tableOf(previous, "applications");
    if (!thisYear || !lastYear) return;
    const name = previousName(previous);
    for (const column of thisYear.spec.columns) {
      const carried = figure(thisYear, "carried", column.id);
      const forward = figure(lastYear, "forward", column.id);
      if (!carried || !forward || carried.value === forward.value) continue;
      const expected = String(forward.value);
      report({
        range: carried.contentRange,
        message: localized(
          `“${column.label}”列：上年结转 ${carried.value} 件，但${name.zh}的“结转下年度继续办理”为 ${expected} 件`,
          `Column “${column.label}”: ${carried.value} carried over, but ${name.en} carried ${expected} forward`,
        ),
        fixes: [
          {
            title: localized(`改为 ${expected}（${name.zh}的结转数）`, `Set to ${expected} (carried forward in ${name.en})`),
            edits: [{ range: carried.contentRange, newText: expected }],
            safe: false,
          },
        ],
      });
    }
  },
});
