import type { ReportModel, Table } from "../model";
import { comparePositions } from "../positions";
import { checkRelations, type RelationCheck } from "../relations";
import { localized, range, type Localized, type Range } from "../types";
import { statedForRow, type StatedCount } from "./narrativeTable";
import { defineRule, type Fix, type Rule } from "./types";

/**
 * The four arithmetic rules of the tables (FORMATS.md §5), one generic check
 * over the declared relations. When a relation fails, any of its cells may be
 * the wrong one: the quick fixes are alternatives, each saying what it
 * implies, and none is preferred.
 */

const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);

/** How the quick fixes of a rule name the cells: the target, what it should equal, the other cells, and the row or group checked. */
interface Wording {
  target(c: RelationCheck): Localized;
  sum: Localized;
  others: Localized;
  subject(c: RelationCheck): Localized;
}

/** The other cells of the relation, as one range to select (they may span lines in a one-cell-per-line table). */
function othersRange(c: RelationCheck): Range {
  const ranges = [...c.left, ...c.right].filter((t) => t !== c.target).map((t) => t.cell.contentRange);
  const start = ranges.reduce((a, r) => (comparePositions(r.start, a) < 0 ? r.start : a), ranges[0].start);
  const end = ranges.reduce((a, r) => (comparePositions(r.end, a) > 0 ? r.end : a), ranges[0].end);
  return range(start.line, start.character, end.line, end.character);
}

/** The count the text states for the row (each-row relations on a row's total only). */
function statedFor(model: ReportModel, table: Table, c: RelationCheck): StatedCount | undefined {
  if (c.relation.each !== "row") return undefined;
  const row = table.rows.find((r) => r.cells.includes(c.target.cell));
  return row && statedForRow(model, table.spec.id, row.spec.id, c.target.cell.column.id);
}

function alternatives(c: RelationCheck, words: Wording, stated: StatedCount | undefined): Fix[] {
  const target = words.target(c);
  const current = fmt(c.target.cell.value!);
  const e = fmt(c.expected);
  const fixes: Fix[] = [];
  if (c.expected >= 0) {
    const consequence = !stated
      ? localized("", "")
      : stated.value === c.expected
        ? localized(`（与正文 ${stated.value} ${stated.unit}一致）`, ` (as the text says)`)
        : localized(`（正文写作 ${stated.value} ${stated.unit}，需一并核对）`, ` (the text says ${stated.value}: check it too)`);
    fixes.push({
      title: localized(`将${target.zh}改为${words.sum.zh} ${e}${consequence.zh}`, `Set ${target.en} to ${words.sum.en} ${e}${consequence.en}`),
      edits: [{ range: c.target.cell.contentRange, newText: e }],
      safe: false,
      uncertain: true,
    });
  }
  const subject = words.subject(c);
  const check =
    stated && stated.value !== c.expected
      ? localized(
          `${subject.zh}与正文 ${stated.value} ${stated.unit}一致时，请核对${words.others.zh}`,
          `If ${subject.en} agrees with the text's ${stated.value}, check ${words.others.en}`,
        )
      : localized(`若${target.zh} ${current} 无误，请核对${words.others.zh}`, `If ${target.en} ${current} is right, check ${words.others.en}`);
  fixes.push({ title: check, edits: [], safe: false, uncertain: true, reveal: othersRange(c) });
  return fixes;
}

type RuleText = Pick<Rule, "id" | "description" | "example" | "basis" | "correct">;

function relationRule({ id, ...text }: RuleText, describe: (c: RelationCheck) => Localized, words: Wording): Rule {
  return defineRule({
    id,
    severity: "error",
    category: "table",
    ...text,
    fix: "suggested",
    check({ model, report }) {
      for (const table of model.tables)
        for (const c of checkRelations(table)) {
          if (c.relation.rule !== id || c.holds) continue;
          const stated = statedFor(model, table, c);
          const said = describe(c);
          const message = stated
            ? localized(`${said.zh}；正文写作 ${stated.value}${stated.unit}`, `${said.en}; the text says ${stated.value}`)
            : said;
          report({ range: c.target.cell.contentRange, message, fixes: alternatives(c, words, stated) });
        }
    },
  });
}

const parts = (c: RelationCheck, side: "left" | "right") =>
  c[side].map((t) => `${t.label} ${fmt(t.cell.value!)}`).join(" + ");

const fixed = (zh: string, en: string) => () => localized(zh, en);
/** The group of table 四 a relation is about (行政复议, 未经复议直接起诉, 复议后起诉). */
const group = (c: RelationCheck) => localized(c.relation.description.zh.split("：")[0], c.relation.description.en.split(":")[0]);

export const totalRowMismatchRule = relationRule(
  {
    id: "total-row-mismatch",
    description: localized("表三：总计 ≠ 自然人 + 法人或其他组织各列之和", "Table 三: 总计 ≠ natural persons + the five organisation columns"),
    example: localized("“一、本年新收…”：自然人 3 + 商业企业 2 = 5，总计却填 6", "Row 一: 3 + 2 = 5 but 总计 says 6"),
    basis: localized(
      "国办公开办函〔2021〕30号（〔2019〕60号）附件的表三中，“总计”列是自然人与法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）各列之和。",
      "In table 三 of 国办公开办函〔2021〕30号 (〔2019〕60号) the 总计 column is the sum of 自然人 and the five organisation columns.",
    ),
    correct: localized("自然人 3 + 商业企业 2 = 5，总计填 5", "3 + 2 = 5 and 总计 says 5"),
  },
  (c) =>
    localized(
      `“${c.along}”：总计为 ${fmt(c.target.cell.value!)}，但各列之和为 ${fmt(c.rightSum)}（${parts(c, "right")}）`,
      `“${c.along}”: 总计 is ${fmt(c.target.cell.value!)} but the columns add up to ${fmt(c.rightSum)} (${parts(c, "right")})`,
    ),
  { target: fixed("总计", "总计"), sum: localized("各列之和", "the columns' sum,"), others: localized("各列", "the columns"), subject: fixed("这一行", "this row") },
);

export const totalColumnMismatchRule = relationRule(
  {
    id: "total-column-mismatch",
    description: localized("表三：（七）总计 ≠ （一）至（六）各项之和", "Table 三: （七）总计 ≠ the sum of the outcome rows"),
    example: localized("自然人一列：予以公开 4 + 无法提供 1 = 5，（七）总计却填 4", "自然人: 4 + 1 = 5 but （七）总计 says 4"),
    basis: localized(
      "国办公开办函〔2021〕30号（〔2019〕60号）附件的表三中，“（七）总计”是（一）予以公开至（六）其他处理各项办理结果之和。",
      "In table 三 of 国办公开办函〔2021〕30号 (〔2019〕60号) （七）总计 is the sum of the outcomes （一） to （六）.",
    ),
    correct: localized("予以公开 4 + 无法提供 1 = 5，（七）总计填 5", "4 + 1 = 5 and （七）总计 says 5"),
  },
  (c) =>
    localized(
      `“${c.along}”列：（七）总计为 ${fmt(c.target.cell.value!)}，但各项办理结果之和为 ${fmt(c.rightSum)}`,
      `Column “${c.along}”: （七）总计 is ${fmt(c.target.cell.value!)} but the outcomes add up to ${fmt(c.rightSum)}`,
    ),
  {
    target: fixed("（七）总计", "（七）总计"),
    sum: localized("各项办理结果之和", "the outcomes' sum,"),
    others: localized("（一）至（六）各项", "the outcomes （一）–（六）"),
    subject: fixed("这一列", "this column"),
  },
);

export const balanceMismatchRule = relationRule(
  {
    id: "balance-mismatch",
    description: localized("表三：第一项加第二项之和 ≠ 第三项加第四项之和", "Table 三: items one plus two ≠ items three plus four"),
    example: localized("新收 5 + 上年结转 1 = 6，但办结 4 + 结转下年度 1 = 5", "5 new + 1 carried = 6, but 4 handled + 1 carried forward = 5"),
    basis: localized(
      "国办公开办函〔2021〕30号（〔2019〕60号）附件表三的表头注明：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”，即新收加上年结转等于办理结果总计加结转下年度。",
      "The header of table 三 in 国办公开办函〔2021〕30号 (〔2019〕60号) states the relation: item one plus item two equals item three plus item four (new + carried = handled + carried forward).",
    ),
    correct: localized("新收 5 + 上年结转 1 = 办结 5 + 结转下年度 1", "5 new + 1 carried = 5 handled + 1 carried forward"),
  },
  (c) => {
    const [n, carried] = c.left;
    const [done, forward] = c.right;
    return localized(
      `“${c.along}”列不平衡：新收 ${fmt(n.cell.value!)} + 上年结转 ${fmt(carried.cell.value!)} = ${fmt(c.leftSum)}，而办理结果总计 ${fmt(done.cell.value!)} + 结转下年度 ${fmt(forward.cell.value!)} = ${fmt(c.rightSum)}`,
      `Column “${c.along}” does not balance: new ${fmt(n.cell.value!)} + carried ${fmt(carried.cell.value!)} = ${fmt(c.leftSum)}, but handled ${fmt(done.cell.value!)} + carried forward ${fmt(forward.cell.value!)} = ${fmt(c.rightSum)}`,
    );
  },
  {
    target: fixed("“结转下年度继续办理”", "“结转下年度继续办理”"),
    sum: localized("新收加上年结转减办理结果总计", "new + carried − handled,"),
    others: localized("新收、上年结转和办理结果总计", "new, carried and handled"),
    subject: fixed("这一列", "this column"),
  },
);

export const reviewTotalMismatchRule = relationRule(
  {
    id: "review-total-mismatch",
    description: localized("表四：总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结", "Table 四: 总计 ≠ upheld + corrected + other + pending"),
    example: localized("行政复议：维持 1 + 纠正 1 = 2，总计却填 1", "Reconsideration: 1 + 1 = 2 but 总计 says 1"),
    basis: localized(
      "国办公开办函〔2021〕30号（〔2019〕60号）附件的表四中，行政复议、未经复议直接起诉、复议后起诉各自的“总计”是结果维持、结果纠正、其他结果、尚未审结之和。",
      "In table 四 of 国办公开办函〔2021〕30号 (〔2019〕60号) each 总计 (reconsideration, direct suit, suit after reconsideration) is upheld + corrected + other + pending.",
    ),
    correct: localized("行政复议：维持 1 + 纠正 1 = 2，总计填 2", "Reconsideration: 1 + 1 = 2 and 总计 says 2"),
  },
  (c) =>
    localized(
      `${c.relation.description.zh.split("：")[0]}：总计为 ${fmt(c.target.cell.value!)}，但 ${parts(c, "right")} = ${fmt(c.rightSum)}`,
      `${c.relation.description.en.split(":")[0]}: total is ${fmt(c.target.cell.value!)} but ${parts(c, "right")} = ${fmt(c.rightSum)}`,
    ),
  {
    target: (c) => localized(`${group(c).zh}总计`, `the ${group(c).en} total`),
    sum: localized("各项结果之和", "the outcomes' sum,"),
    others: localized("结果维持、结果纠正、其他结果和尚未审结", "upheld, corrected, other and pending"),
    subject: group,
  },
);
