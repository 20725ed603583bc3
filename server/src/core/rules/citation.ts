import { formatForYear, FORMATS } from "../formats";
import { lineRange, localized } from "../types";
import { defineRule } from "./types";

/**
 * Cited document numbers are the real ones: the format notices are
 * 国办公开办函〔2019〕60号 and 国办公开办函〔2021〕30号 (not 国办发…, 国办函…),
 * each with its own name, a report for 2021 or later cites the 2021 notice,
 * and a document number writes its year in 〔〕, not 【】 or [].
 */
const NOTICE = /国办(?:公开办)?(?:发|函|发函)?\s*[〔[（(【]\s*(2019|2021)\s*[〕\]）)】]\s*(60|30)\s*号/g;
/** Any document number whose year stands in 【】 or []: GB/T 9704 writes it in 〔〕. */
const SQUARE_YEAR = /[\u4e00-\u9fa5]\s*([【[]\s*((?:19|20)\d{2})\s*[】\]])\s*\d{1,4}\s*号/g;
/** What a line must hold for NOTICE, SQUARE_YEAR or TRIAL_FORMAT to match. */
const CITES = /国办|[【[]|年度报告格式/;
/** The name of a format notice just before its number: the 2019 one is the format （试行）. */
const NOTICE_NAME = /年度报告格式\s*([（(]\s*试行\s*[）)])?\s*[〉>》]?\s*的通知\s*》?\s*[（(]?\s*$/;

export const citationNumberRule = defineRule({
  id: "citation-number",
  severity: "warning",
  category: "narrative",
  description: localized(
    "引用的文号不正确或写法不规范（如“国办发〔2021〕30号”应为“国办公开办函〔2021〕30号”，年份应写在“〔〕”中）",
    "A cited document number is wrong or written irregularly (the year belongs in 〔〕)",
  ),
  example: localized("“国办发〔2021〕30号”→“国办公开办函〔2021〕30号”", "国办发〔2021〕30号 → 国办公开办函〔2021〕30号"),
  basis: localized(
    "2021 年度起的格式文号为国办公开办函〔2021〕30号，2019、2020 年度为国办公开办函〔2019〕60号；年份写在六角括号“〔〕”中。",
    "The format is 国办公开办函〔2021〕30号 from 2021 and 国办公开办函〔2019〕60号 for 2019–2020; the year stands in 〔〕.",
  ),
  correct: localized("国办公开办函〔2021〕30号", "国办公开办函〔2021〕30号"),
  fix: "suggested",
  check({ model, report }) {
    const year = model.year?.value;
    const required = year !== undefined ? formatForYear(year) : undefined;
    // The lines that name a notice, a format or a bracketed year, in one pass: nearly all lines name none.
    const cited: number[] = [];
    for (let i = 0; i < model.lines.length; i++) if (CITES.test(model.lines[i].text)) cited.push(i);
    // A report may name the 2019 notice beside the one it follows (its history); only a report that cites no other is wrong.
    const citesRequired = required !== undefined && cited.some((i) => model.lines[i].text.includes(required.notice));
    if (required?.id === "2021" && !citesRequired) {
      const trial = trialFormatNamedAlone(model.lines, cited);
      if (trial)
        report({
          range: trial,
          message: localized(
            `${year} 年的报告应依据 ${required.notice} 印发的格式，而不是格式（试行）`,
            `A ${year} report follows the format of ${required.notice}, not the trial format`,
          ),
        });
    }
    cited.forEach((i) => {
      const l = model.lines[i];
      const notices = l.text.includes("国办") ? [...l.text.matchAll(NOTICE)] : [];
      for (const m of notices) {
        const notice = FORMATS.find((f) => f.notice.includes(`〔${m[1]}〕${m[2]}号`));
        if (!notice) continue; // 〔2019〕30号 and the like are other documents
        const range = lineRange(i, m.index!, m.index! + m[0].length);
        const named = namedNotice(l.text.slice(Math.max(0, m.index! - 40), m.index!));
        // A name that disagrees with its number: unless the name is the notice the year requires, which the year's finding below gives.
        if (named && named !== notice && named !== required) {
          report({
            range,
            message: localized(
              `通知名称与文号不符：印发“年度报告格式${named.id === "2019" ? "（试行）" : ""}”的通知，文号是 ${named.notice}`,
              `The notice named and its number disagree: that notice is ${named.notice}`,
            ),
          });
          continue;
        }
        const wrongForYear = required && notice.firstYear < required.firstYear && !citesRequired;
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
      if (!l.text.includes("【") && !l.text.includes("[")) return;
      for (const m of l.text.matchAll(SQUARE_YEAR)) {
        const at = m.index! + m[0].indexOf(m[1]);
        if (notices.some((n) => at >= n.index! && at < n.index! + n[0].length)) continue; // reported above with the whole number
        const range = lineRange(i, at, at + m[1].length);
        const want = `〔${m[2]}〕`;
        report({
          range,
          message: localized(`文号中的年份应使用六角括号：“${want}”，而不是“${m[1]}”`, `A document number writes its year in 〔〕: “${want}”, not “${m[1]}”`),
          fixes: [{ title: localized(`改为“${want}”`, `Write “${want}”`), edits: [{ range, newText: want }], safe: false }],
        });
      }
    });
  },
});

const TRIAL_FORMAT = /年度报告格式\s*[（(]\s*试行\s*[）)]/;
/** A document number after a notice's name. */
const NOTICE_AFTER = /国办/;
/** The 2021 format named: 年度报告格式 without （试行）. */
const REVISED_FORMAT = /年度报告格式(?!\s*[（(]\s*试行)/;

/**
 * Where the 2019 notice is named without a number (《…年度报告格式（试行）〉的通知》要求), in a
 * text that nowhere names the 2021 format: the basis of a report that follows last year's wording.
 * `cited`: the lines that can name a format (CITES).
 */
function trialFormatNamedAlone(lines: { text: string }[], cited: number[]) {
  let found;
  for (const i of cited) {
    const text = lines[i].text;
    if (!text.includes("年度报告格式")) continue;
    if (REVISED_FORMAT.test(text)) return undefined;
    const m = TRIAL_FORMAT.exec(text);
    if (!m || found) continue;
    if (NOTICE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue; // its number is judged with the number
    found = lineRange(i, m.index, m.index + m[0].length);
  }
  return found;
}

/** The format notice named right before a number (《…年度报告格式（试行）〉的通知》（), if any. */
function namedNotice(before: string) {
  const m = NOTICE_NAME.exec(before);
  if (!m) return undefined;
  return FORMATS.find((f) => f.id === (m[1] ? "2019" : "2021"));
}
