import type { Paragraph, ReportModel } from "../model";
import { sentences } from "../narrative";
import { lineRange, localized, type Range } from "../types";
import { defineRule } from "./types";

/**
 * The introduction before section 一, as the published reports write it:
 * the basis, the statistics period, where the report can be read or
 * downloaded, whom to ask. Judged only where the report has such an
 * introduction (a paragraph before section 一 naming the 条例 or the report);
 * a report that starts with section 一 is left alone.
 */
const INTRODUCTION = /条例|本(?:年度)?报告|年度报告/;
const PERIOD_WORDS = /统计(?:期限|时限|时间|区间|周期|范围)|所列数据|数据统计/;
const FULL_YEAR = /1\s*月\s*1\s*日[^。；]{0,12}?12\s*月\s*31\s*日/;
const YEAR = /(?:19|20)\d{2}(?=\s*年)/g;
/** 可在某某网站（）下载 / 网站（ ）查阅: the address left out of its brackets. */
const EMPTY_ADDRESS = /(?:网站|网|平台|门户|网址)\s*([（(][\s\u3000]*[)）])/;
const WHERE_WORDS = /下载|查阅|阅览|浏览|公布|发布|访问|登录/;
const READ_AT = /下载|查阅|阅览|浏览/;
/** Any way to ask about the report, anywhere in it. */
const CONTACT = /疑问|联系|咨询|电话|邮箱|电子邮件|邮编|地址/;

function introduction(model: ReportModel): Paragraph[] {
  if (!model.sections.length) return [];
  const intro = model.paragraphs.filter((p) => p.section === 0);
  return intro.some((p) => INTRODUCTION.test(p.text)) ? intro : [];
}

/** The introduction's sentence on the statistics period, when it names only other years than the report's. */
function otherYearPeriod(model: ReportModel, intro: Paragraph[], year: number): { range: Range; years: string[] } | undefined {
  for (const p of intro) {
    // A period the parser read is year-mismatch's to compare with the title.
    if (model.period?.range.start.line === p.line) continue;
    for (const s of sentences(p.text)) {
      const text = p.text.slice(s.start, s.end);
      if (!PERIOD_WORDS.test(text)) continue;
      const years = [...text.matchAll(YEAR)];
      if (!years.length || years.some((y) => Number(y[0]) === year)) continue;
      const first = years[0].index!;
      return { range: lineRange(p.line, s.start + first, s.start + first + 4), years: [...new Set(years.map((y) => y[0]))] };
    }
  }
  return undefined;
}

export const preambleRule = defineRule({
  id: "preamble",
  severity: "info",
  category: "narrative",
  description: localized("引言缺少统计期限或年份不对、下载网址为空，或没有咨询联系方式", "The introduction lacks the statistics period or gives another year's, the download address is empty, or no contact is given"),
  example: localized("引言写“本报告电子版可在某某县人民政府网站（）下载”，括号内没有网址", "The introduction says the report can be downloaded from a website “（）” with no address"),
  basis: localized(
    "各地年度报告的引言通常写明编制依据、数据统计期限（报告年度 1 月 1 日至 12 月 31 日）、报告的查阅或下载网址及咨询联系方式；《条例》第五十条所列年度报告的内容以统计期限为准。",
    "Reports open by naming their basis, the statistics period (1 January to 31 December of the report year), where the report can be read or downloaded and whom to ask; the contents of Article 50 of the Regulations are counted over that period.",
  ),
  correct: localized(
    "“本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。本报告电子版可在某某县人民政府网站（www.example.gov.cn）下载。如对本报告有疑问，请与某某县某某局办公室联系（电话：0000-0000000）。”",
    "The period, the address and a telephone number, all written out",
  ),
  fix: "none",
  check({ model, report }) {
    for (const p of model.paragraphs) {
      const m = EMPTY_ADDRESS.exec(p.text);
      if (!m || !WHERE_WORDS.test(p.text)) continue;
      const at = m.index + m[0].length - m[1].length;
      report({
        range: lineRange(p.line, at, at + m[1].length),
        message: localized("报告的网址为空：括号内应写明查阅或下载的网址", "The address in the brackets is missing: write where the report can be read or downloaded"),
      });
    }
    const intro = introduction(model);
    if (!intro.length) return;
    const first = intro.find((p) => INTRODUCTION.test(p.text))!;
    const firstRange = lineRange(first.line, 0, first.text.trimEnd().length);
    const year = model.title?.year?.value ?? model.year?.value;
    const introText = intro.map((p) => p.text).join("\n");
    if (!model.period && !PERIOD_WORDS.test(introText) && !FULL_YEAR.test(introText))
      report({ range: firstRange, message: localized("引言未写明数据的统计期限", "The introduction does not state the statistics period") });
    else if (year !== undefined) {
      const other = otherYearPeriod(model, intro, year);
      if (other)
        report({
          range: other.range,
          message: localized(`引言所写统计期限为 ${other.years.join("、")} 年，报告年份为 ${year} 年`, `The introduction's statistics period is ${other.years.join(", ")}; the report is for ${year}`),
        });
    }
    // Only an introduction that says where to read the report is expected to say whom to ask too.
    if (READ_AT.test(introText) && !model.paragraphs.some((p) => CONTACT.test(p.text)))
      // Many published reports give none: a hint, not a finding a reviewer must act on.
      report({
        range: firstRange,
        severity: "hint",
        message: localized("报告未提供咨询联系方式（如“如对本报告有疑问，请联系…”）", "The report gives no contact for questions about it"),
      });
  },
});
