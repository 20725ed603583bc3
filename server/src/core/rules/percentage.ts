import { countsIn, countsOf, findBreakdowns, sentences, type Breakdown, type Count } from "../narrative";
import { lineRange, localized } from "../types";
import { defineRule } from "./types";

/**
 * A percentage printed beside two counts recomputes: 258/805 is 32.0%, not
 * 33.9%. Read only where the sentence is unambiguous: "占…P%" after a part
 * of a 共N/其中 total (stated in the sentence or the one before it; the base is
 * the total the part belongs to, not the first larger number), "占…P%" in a
 * sentence with exactly two counts, or a "…率P%" in a sentence with exactly two counts.
 */
const PERCENT = /(\d+(?:\.(\d+))?)\s*[%％]/g;
/** Between a count and its share only 占 and the whole's name: 86条，占6.8% or 86条，占全部信息的6.8% (政策文件占… names another part). */
const SHARE_OF_PART = /^[\s，,]*(?:约|共)?占[^，,。；;、]{0,12}$/;

export const percentageMismatchRule = defineRule({
  id: "percentage-mismatch",
  severity: "warning",
  category: "narrative",
  description: localized("正文中的百分比与前后件数算出的不符", "A percentage printed beside two counts does not recompute"),
  example: localized("主动公开 805 条，其中政策解读 258 条，占 33.9%（应为 32.0%）", "258 of 805 printed as 33.9% (it is 32.0%)"),
  basis: localized(
    "正文中的百分比是其所述两个件数之比（如政策解读占主动公开信息的比例），按所印位数四舍五入，与所述件数和国办公开办函〔2021〕30号附件统计表中的数字一致。",
    "A percentage in the text is the ratio of the counts it names, rounded to the digits printed, consistent with those counts and the tables of 国办公开办函〔2021〕30号.",
  ),
  correct: localized("主动公开 805 条，其中政策解读 258 条，占 32.0%", "258 of 805 printed as 32.0%"),
  fix: "none",
  check({ model, report }) {
    for (const p of model.paragraphs) {
      if (!/[%％]/.test(p.text)) continue;
      const counts = countsOf(p);
      const breakdowns = findBreakdowns(p.text, counts);
      for (const sent of sentences(p.text)) {
        const inSentence = countsIn(counts, sent.start, sent.end);
        for (const m of p.text.slice(sent.start, sent.end).matchAll(PERCENT)) {
          const at = sent.start + m.index!;
          const before = inSentence.filter((c) => c.end <= at);
          const lead = p.text.slice(before.length ? before[before.length - 1].end : sent.start, at);
          let part: Count | undefined;
          let whole: Count | undefined;
          if (SHARE_OF_PART.test(lead) && before.length >= 1) {
            part = before[before.length - 1];
            whole = wholeOf(part, breakdowns) ?? onlyOtherCount(before, part);
          } else if (/率/.test(lead) && inSentence.length === 2 && before.length === 2 && before[0].unit === before[1].unit) {
            [whole, part] = before;
          }
          if (!part || !whole || whole.approx || whole.value === 0 || part.value > whole.value) continue;
          const decimals = m[2]?.length ?? 0;
          const printed = Number(m[1]);
          const computed = Math.round((part.value / whole.value) * 100 * 10 ** decimals) / 10 ** decimals;
          if (Math.abs(computed - printed) < 1e-9) continue;
          report({
            range: lineRange(p.line, at, at + m[0].length),
            message: localized(
              `${part.value} / ${whole.value} = ${computed.toFixed(decimals)}%，正文写作 ${m[0]}`,
              `${part.value} / ${whole.value} is ${computed.toFixed(decimals)}%, not ${m[0]}`,
            ),
          });
        }
      }
    }
  },
});

/** The total of the breakdown (or nested breakdown) the count is a part of. */
function wholeOf(part: Count, breakdowns: Breakdown[]): Count | undefined {
  for (const b of breakdowns) {
    for (const n of b.nested) if (n.parts.includes(part)) return n.total;
    if (b.parts.includes(part)) return b.total;
  }
  return undefined;
}

/** The whole in a sentence that holds just two counts of one unit, the larger first. */
function onlyOtherCount(before: Count[], part: Count): Count | undefined {
  if (before.length !== 2 || before[0].unit !== part.unit || before[0].value < part.value) return undefined;
  return before[0];
}
