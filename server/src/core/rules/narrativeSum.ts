import { countsOf, findBreakdowns, type Breakdown } from "../narrative";
import { lineRange, localized } from "../types";
import { defineRule, type Report } from "./types";

/**
 * 共N…，其中a…、b… (or 共计N条，包括：a…、b…): the parts never exceed N, and add up to N when the
 * list names every case. A part written 200余篇 counts as at least 200; where the sentence holds several
 * totals the list might break down, the parts are held against all of them together.
 */
export const narrativeSumMismatchRule = defineRule({
  id: "narrative-sum-mismatch",
  severity: "warning",
  category: "narrative",
  description: localized("正文“共 N…，其中 a…、b…”的分项之和超过总数，或在列举完整时小于总数", "In the text, the parts of “共N…，其中a…、b…” exceed N, or fall short of N in an exhaustive list"),
  example: localized("共答复申请 5 件，其中同意公开 5 件、信息不存在 1 件（5 + 1 = 6 > 5）", "5 answered, of which 5 granted and 1 not held (6 > 5)"),
  basis: localized(
    "《条例》第五十条要求报告主动公开、依申请公开等情况；正文中的数字应自洽：分项之和不超过总数，列举完整时等于总数。",
    "Article 50 of the Regulations asks for an account of the year's disclosure; the figures of the text hold together: the parts never exceed the total and add up to it when the list is complete.",
  ),
  correct: localized("共答复申请 6 件，其中同意公开 5 件、信息不存在 1 件", "6 answered, of which 5 granted and 1 not held"),
  fix: "none",
  check({ model, report }) {
    for (const p of model.paragraphs) {
      if (!p.text.includes("其中") && !p.text.includes("包括")) continue; // no breakdown: its counts need not be read
      for (const b of findBreakdowns(p.text, countsOf(p))) {
        judge(b, p.line, report);
        for (const n of b.nested) judge(n, p.line, report);
      }
    }
  },
});

function judge(b: Breakdown, line: number, report: (r: Report) => void): void {
  const sum = b.parts.reduce((a, c) => a + c.value, 0);
  const listed = b.parts.map((c) => `${c.value}${c.approx ? "余" : ""}`).join(" + ");
  const equals = b.parts.some((c) => c.approx) ? "≥" : "=";
  const range = lineRange(line, b.total.start, b.end);
  if (sum > b.ceiling) {
    report({
      range,
      severity: "error",
      message: localized(
        `分项之和 ${listed} ${equals} ${sum}${b.total.unit}，超过总数 ${b.total.value}${b.total.unit}`,
        `The parts ${listed} ${equals} ${sum} exceed the total ${b.total.value}`,
      ),
    });
  } else if (sum < b.total.value && b.exhaustive) {
    report({
      range,
      message: localized(
        `分项之和 ${listed} = ${sum}${b.total.unit}，少于总数 ${b.total.value}${b.total.unit}`,
        `The parts ${listed} = ${sum} fall short of the total ${b.total.value}`,
      ),
    });
  }
}
