import { localized } from "../../types";
import { defineRule } from "../types";
import { previousName } from "./figures";
import { passagesOf } from "./passages";
import { ShingleIndex } from "./similarity";

/**
 * The 2021 notice names 内容雷同 — the overview or the problems section copied
 * from an earlier year — as a failure. Compared: sections 一 and 五 of both years.
 */

const SECTIONS = [1, 5];
/** Shorter passages are stock phrases (subheadings, “本年度未收到申请”) that may recur honestly. */
const MIN_LENGTH = 40;
/** Nearly identical: a phrase or two changed in a paragraph of a hundred characters still counts. */
const THRESHOLD = 0.75;
const QUOTE_LENGTH = 40;

const shorten = (s: string) => (s.length > QUOTE_LENGTH ? `${s.slice(0, QUOTE_LENGTH)}…` : s);

export const copiedTextRule = defineRule({
  id: "copied-text",
  severity: "warning",
  category: "cross-year",
  description: localized(
    "“总体情况”或“存在的主要问题及改进情况”中的段落与上一年度报告相同或几乎相同（内容雷同）",
    "A paragraph of section 一 or 五 is identical or nearly identical to last year's",
  ),
  example: localized(
    "2021 年报告“存在的主要问题”一段与 2020 年报告逐字相同，只改了年份",
    "The 2021 problems paragraph repeats the 2020 one word for word, only the year changed",
  ),
  basis: localized(
    "国办公开办函〔2021〕30号要求年度报告内容完整具体，不与往年内容雷同；“总体情况”和“存在的主要问题及改进情况”应写本年度的情况，包括上一年度问题的改进情况。",
    "国办公开办函〔2021〕30号 asks that a report not repeat earlier years' text; sections 一 and 五 give this year's account, including how last year's problems were addressed.",
  ),
  correct: localized("2021 年报告写本年新发现的问题，并说明 2020 年所列问题的改进情况", "The 2021 report names this year's problems and how the 2020 ones were addressed"),
  fix: "none",
  needsPrevious: true,
  check({ model, previous, report }) {
    if (!previous) return;
    const before = passagesOf(previous, SECTIONS).filter((p) => p.key.length >= MIN_LENGTH);
    if (!before.length) return;
    const index = new ShingleIndex(before.map((p) => p.key));
    const name = previousName(previous);
    for (const p of passagesOf(model, SECTIONS)) {
      if (p.key.length < MIN_LENGTH) continue;
      const match = index.best(p.key);
      if (!match || match.similarity < THRESHOLD) continue;
      const source = before[match.index];
      const how =
        match.similarity === 1
          ? localized("相同", "is identical to")
          : localized(`几乎相同（相似度 ${Math.round(match.similarity * 100)}%）`, `is nearly identical (${Math.round(match.similarity * 100)}% similar) to`);
      const quote = shorten(source.text);
      report({
        range: p.range,
        message: localized(
          `本段与${name.zh}第 ${source.line + 1} 行的段落${how.zh}，内容雷同：“${quote}”`,
          `This paragraph ${how.en} the one on line ${source.line + 1} of ${name.en}: “${quote}”`,
        ),
      });
    }
  },
});
