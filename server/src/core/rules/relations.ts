import { checkRelations, type RelationCheck } from "../relations";
import { localized, type Localized } from "../types";
import { defineRule, type Rule } from "./types";

/** The four arithmetic rules of the tables (FORMATS.md §5), one generic check over the declared relations. */

const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);

function relationRule(id: string, description: Localized, example: Localized, describe: (c: RelationCheck) => Localized): Rule {
  return defineRule({
    id,
    severity: "error",
    category: "table",
    description,
    example,
    fix: "suggested",
    check({ model, report }) {
      for (const table of model.tables)
        for (const c of checkRelations(table)) {
          if (c.relation.rule !== id || c.holds) continue;
          const fixes =
            c.expected >= 0
              ? [
                  {
                    title: localized(`将“${c.target.label}”改为 ${fmt(c.expected)}`, `Set “${c.target.label}” to ${fmt(c.expected)}`),
                    edits: [{ range: c.target.cell.contentRange, newText: fmt(c.expected) }],
                    safe: false,
                  },
                ]
              : [];
          report({ range: c.target.cell.contentRange, message: describe(c), fixes });
        }
    },
  });
}

const parts = (c: RelationCheck, side: "left" | "right") =>
  c[side].map((t) => `${t.label} ${fmt(t.cell.value!)}`).join(" + ");

export const totalRowMismatchRule = relationRule(
  "total-row-mismatch",
  localized("表三：总计 ≠ 自然人 + 法人或其他组织各列之和", "Table 三: 总计 ≠ natural persons + the five organisation columns"),
  localized("“一、本年新收…”：自然人 3 + 商业企业 2 = 5，总计却填 6", "Row 一: 3 + 2 = 5 but 总计 says 6"),
  (c) =>
    localized(
      `“${c.along}”：总计为 ${fmt(c.target.cell.value!)}，但各列之和为 ${fmt(c.rightSum)}（${parts(c, "right")}）`,
      `“${c.along}”: 总计 is ${fmt(c.target.cell.value!)} but the columns add up to ${fmt(c.rightSum)} (${parts(c, "right")})`,
    ),
);

export const totalColumnMismatchRule = relationRule(
  "total-column-mismatch",
  localized("表三：（七）总计 ≠ （一）至（六）各项之和", "Table 三: （七）总计 ≠ the sum of the outcome rows"),
  localized("自然人一列：予以公开 4 + 无法提供 1 = 5，（七）总计却填 4", "自然人: 4 + 1 = 5 but （七）总计 says 4"),
  (c) =>
    localized(
      `“${c.along}”列：（七）总计为 ${fmt(c.target.cell.value!)}，但各项办理结果之和为 ${fmt(c.rightSum)}`,
      `Column “${c.along}”: （七）总计 is ${fmt(c.target.cell.value!)} but the outcomes add up to ${fmt(c.rightSum)}`,
    ),
);

export const balanceMismatchRule = relationRule(
  "balance-mismatch",
  localized("表三：第一项加第二项之和 ≠ 第三项加第四项之和", "Table 三: items one plus two ≠ items three plus four"),
  localized("新收 5 + 上年结转 1 = 6，但办结 4 + 结转下年度 1 = 5", "5 new + 1 carried = 6, but 4 handled + 1 carried forward = 5"),
  (c) => {
    const [n, carried] = c.left;
    const [done, forward] = c.right;
    return localized(
      `“${c.along}”列不平衡：新收 ${fmt(n.cell.value!)} + 上年结转 ${fmt(carried.cell.value!)} = ${fmt(c.leftSum)}，而办理结果总计 ${fmt(done.cell.value!)} + 结转下年度 ${fmt(forward.cell.value!)} = ${fmt(c.rightSum)}`,
      `Column “${c.along}” does not balance: new ${fmt(n.cell.value!)} + carried ${fmt(carried.cell.value!)} = ${fmt(c.leftSum)}, but handled ${fmt(done.cell.value!)} + carried forward ${fmt(forward.cell.value!)} = ${fmt(c.rightSum)}`,
    );
  },
);

export const reviewTotalMismatchRule = relationRule(
  "review-total-mismatch",
  localized("表四：总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结", "Table 四: 总计 ≠ upheld + corrected + other + pending"),
  localized("行政复议：维持 1 + 纠正 1 = 2，总计却填 1", "Reconsideration: 1 + 1 = 2 but 总计 says 1"),
  (c) =>
    localized(
      `${c.relation.description.zh.split("：")[0]}：总计为 ${fmt(c.target.cell.value!)}，但 ${parts(c, "right")} = ${fmt(c.rightSum)}`,
      `${c.relation.description.en.split(":")[0]}: total is ${fmt(c.target.cell.value!)} but ${parts(c, "right")} = ${fmt(c.rightSum)}`,
    ),
);
