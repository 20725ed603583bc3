import type { ReportModel } from "../model";
import { lineRange, localized, type Localized, type Range } from "../types";
import { defineRule } from "./types";
import { lastDateLine } from "./yearMismatch";

/**
 * The report is dated after its deadline (《条例》第四十九条): a county-or-higher
 * government's own report by 31 March of the next year, a department's by 31
 * January (and, by the practice of most provinces, a township's or
 * sub-district's). The organ's level is read from the title; an organ whose
 * level the title leaves in doubt (a 管委会, a 中心 …) gets no finding unless
 * `.govreportrc.json` names the deadline. A date in another year than the
 * next is year-mismatch's or a typing slip: no finding here.
 */
interface Deadline {
  month: number;
  day: number;
  who: Localized;
}

const GOVERNMENT: Deadline = { month: 3, day: 31, who: localized("县级以上人民政府的年度报告", "a county-or-higher government's report") };
const DEPARTMENT: Deadline = { month: 1, day: 31, who: localized("政府部门的年度报告", "a department's report") };
const TOWNSHIP: Deadline = { month: 1, day: 31, who: localized("乡镇、街道的年度报告，按多数省份的规定", "a township's or sub-district's report (most provinces' rule)") };

/** First match decides; a 管委会 may report as a government or as a department: no deadline of its own. */
const LEVELS: { re: RegExp; deadline?: Deadline }[] = [
  { re: /(?:镇|乡)(?:人民)?政府$|街道(?:办事处)?$/, deadline: TOWNSHIP },
  { re: /(?:省|自治区|市|州|盟|县|区|旗)(?:人民)?政府$/, deadline: GOVERNMENT },
  { re: /(?:管委会|管理委员会)$/ },
  { re: /(?:局|厅|委员会|委|办公室|办公厅|办)$/, deadline: DEPARTMENT },
];

function statutoryDeadline(organ: string | undefined): Deadline | undefined {
  if (!organ) return undefined;
  return LEVELS.find((l) => l.re.test(organ))?.deadline;
}

function configuredDeadline(value: string | undefined): Deadline | undefined {
  if (!value) return undefined;
  const [month, day] = value.split("-").map(Number);
  return { month, day, who: localized(".govreportrc.json 所定期限", "the deadline set in .govreportrc.json") };
}

/**
 * 本报告于2023年2月3日在…发布: a publication date the report states. A web
 * page's 发布时间 is left alone: a page is often reposted or updated later.
 */
const STATED_DATE = /本(?:年度)?报告于\s*(((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)[^。；]{0,30}?(?:公布|发布|公开)/;
const DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

interface PublicationDate {
  year: number;
  month: number;
  day: number;
  range: Range;
}

function publicationDate(model: ReportModel): PublicationDate | undefined {
  const line = lastDateLine(model);
  if (line) {
    const m = DATE.exec(line.text)!;
    return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), range: line.range };
  }
  for (const p of model.paragraphs) {
    const m = STATED_DATE.exec(p.text);
    if (!m) continue;
    const at = m.index + m[0].indexOf(m[1]);
    return { year: Number(m[2]), month: Number(m[3]), day: Number(m[4]), range: lineRange(p.line, at, at + m[1].length) };
  }
  return undefined;
}

export const publicationDeadlineRule = defineRule({
  id: "publication-deadline",
  severity: "warning",
  category: "narrative",
  description: localized("报告落款或所述发布日期晚于法定公布期限", "The report's date is after its publication deadline"),
  example: localized("某县教育局 2022 年度报告落款“2023年3月15日”（部门报告应于 2023年1月31日前公布）", "A county department's 2022 report dated 15 March 2023 (due by 31 January)"),
  basis: localized(
    "《条例》第四十九条：县级以上人民政府部门应当在每年 1 月 31 日前公布本机关上一年度的年度报告，县级以上地方人民政府的年度报告在每年 3 月 31 日前公布；多数省份要求乡镇、街道与部门同样在 1 月 31 日前公布。地方规定更早的，可在 .govreportrc.json 中以 \"deadline\": \"MM-DD\" 设定。",
    "Article 49 of the Regulations: a county-or-higher department publishes its report on the year before by 31 January, a county-or-higher government's report is published by 31 March; most provinces hold townships and sub-districts to 31 January. A stricter local deadline is set in .govreportrc.json as \"deadline\": \"MM-DD\".",
  ),
  correct: localized("某县教育局 2022 年度报告落款“2023年1月20日”", "The department's 2022 report dated 20 January 2023"),
  fix: "none",
  check({ model, config, report }) {
    const year = model.title?.year?.value ?? model.year?.value;
    if (year === undefined) return;
    const deadline = configuredDeadline(config?.deadline) ?? statutoryDeadline(model.organ);
    if (!deadline) return;
    const date = publicationDate(model);
    if (!date || date.year !== year + 1) return;
    if (date.month < deadline.month || (date.month === deadline.month && date.day <= deadline.day)) return;
    const due = `${year + 1}年${deadline.month}月${deadline.day}日`;
    report({
      range: date.range,
      message: localized(
        `发布日期 ${date.year}年${date.month}月${date.day}日 晚于公布期限 ${due}（${deadline.who.zh}）`,
        `Dated ${date.year}-${date.month}-${date.day}, after the deadline ${year + 1}-${deadline.month}-${deadline.day} (${deadline.who.en})`,
      ),
    });
  },
});
