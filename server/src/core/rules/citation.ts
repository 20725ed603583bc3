import { formatForYear, FORMATS } from "../formats";
import { lineRange, localized } from "../types";
import { defineRule } from "./types";

/**
 * Cited document numbers are the real ones: the format notices are
 * 国办公开办函〔2019〕60号 and 国办公开办函〔2021〕30号 (not 国办发…, 国办函…),
 * and a report for 2021 or later cites the 2021 notice.
 */
const NOTICE = /国办(?:公开办)?(?:发|函|发函)?\s*[〔[（(【]\s*(2019|2021)\s*[〕\]）)】]\s*(60|30)\s*号/g;

export const citationNumberRule = defineRule({
  id: "citation-number",
  severity: "warning",
  category: "narrative",
  description: localized("引用的文号不正确（如“国办发〔2021〕30号”应为“国办公开办函〔2021〕30号”）", "A cited document number is wrong"),
  example: localized("“国办发〔2021〕30号”→“国办公开办函〔2021〕30号”", "国办发〔2021〕30号 → 国办公开办函〔2021〕30号"),
  fix: "suggested",
  check({ model, report }) {
    const year = model.year?.value;
    const required = year !== undefined ? formatForYear(year) : undefined;
    model.lines.forEach((l, i) => {
      if (!l.text.includes("国办")) return;
      for (const m of l.text.matchAll(NOTICE)) {
        const notice = FORMATS.find((f) => f.notice.includes(`〔${m[1]}〕${m[2]}号`));
        if (!notice) continue; // 〔2019〕30号 and the like are other documents
        const range = lineRange(i, m.index!, m.index! + m[0].length);
        const wrongForYear = required && notice.firstYear < required.firstYear;
        const want = wrongForYear ? required.notice : notice.notice;
        if (m[0] === want) continue;
        report({
          range,
          message: wrongForYear
            ? localized(`${year} 年的报告应依据 ${want}，而不是 ${m[0]}`, `A ${year} report follows ${want}, not ${m[0]}`)
            : localized(`文号应为“${want}”`, `The document number is “${want}”`),
          fixes: [{ title: localized(`改为“${want}”`, `Write “${want}”`), edits: [{ range, newText: want }], safe: false }],
        });
      }
    });
  },
});
