import { sentences } from "../narrative";
import { lineRange, localized } from "../types";
import { cellValue } from "./figures";
import { defineRule } from "./types";
import { sectionHeading } from "./sectionText";

/**
 * Section 六 of a 2021-format report says what 信息处理费 was charged under
 * 国办函〔2020〕109号. Words that speak of the fee in any way count (未收取,
 * 不收费, 收取0元 …). A fee above 0 is charged on an application, so a report
 * whose table 三 has no application at all (new and carried over both 0)
 * cannot have charged one.
 */
const FEE_WORDS = /信息处理费|处理费|收费|收取(?:了)?(?:任何)?费用|费用/;
/** An amount charged: 收取信息处理费 200 元, 信息处理费共计0.12万元. */
const AMOUNT = /(?:信息处理费|处理费|收费|费用)[^。；，,]{0,12}?(\d+(?:\.\d+)?)\s*(万元|元)/;
const NEGATED = /未|没有|无|不|免/;

export const feeConsistencyRule = defineRule({
  id: "fee-consistency",
  severity: "info",
  category: "narrative",
  description: localized("未说明信息处理费收取情况，或所称收费与表三没有申请矛盾", "Section 六 says nothing of information-processing fees, or states a fee while table 三 has no application"),
  example: localized("表三本年新收、上年结转均为 0，第六部分却写“收取信息处理费 300 元”", "Table 三 has no application, yet section 六 states a fee of 300 yuan"),
  basis: localized(
    "国办公开办函〔2021〕30号要求在“其他需要报告的事项”中报告依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况；信息处理费只对依申请提供的信息收取。",
    "国办公开办函〔2021〕30号 asks section 六 to report the fees charged under 国办函〔2020〕109号; a fee is charged only for information provided on an application.",
  ),
  correct: localized("“本年度未收取信息处理费。”或与表三申请情况相符的收费金额", "“No information-processing fee was charged this year”, or an amount that fits table 三"),
  fix: "none",
  check({ model, report }) {
    if (model.format.used.id !== "2021") return;
    const other = sectionHeading(model, 6);
    if (!other) return;
    const paragraphs = model.paragraphs.filter((p) => p.section === 6);
    if (!paragraphs.some((p) => FEE_WORDS.test(p.text))) {
      report({
        range: other.range,
        message: localized("“其他需要报告的事项”未说明信息处理费收取情况", "Section 六 says nothing of information-processing fees"),
      });
      return;
    }
    const applications = ["new", "carried"].map((row) => cellValue(model, "applications", row, "total"));
    if (applications.some((v) => v !== 0)) return;
    for (const p of paragraphs) {
      for (const s of sentences(p.text)) {
        const text = p.text.slice(s.start, s.end);
        const m = AMOUNT.exec(text);
        if (!m || Number(m[1]) <= 0 || NEGATED.test(text.slice(0, m.index + m[0].length))) continue;
        const at = s.start + m.index + m[0].lastIndexOf(m[1]);
        report({
          range: lineRange(p.line, at, s.start + m.index + m[0].length),
          severity: "warning",
          message: localized(
            `正文称收取信息处理费 ${m[1]}${m[2]}，但表三本年新收和上年结转的申请均为 0`,
            `The text states a fee of ${m[1]} ${m[2] === "元" ? "yuan" : "10k yuan"}, but table 三 has no application, new or carried over`,
          ),
        });
      }
    }
  },
});
