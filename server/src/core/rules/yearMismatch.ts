import { mostCommonYear } from "../parser/meta";
import { lineRange, localized } from "../types";
import { defineRule } from "./types";

/**
 * The years agree: title year = statistics period = the year the body
 * reports, and the publication date lies after the report year's end.
 */
const DATE_LINE = /^\s*(?:.{0,30}?)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;

export const yearMismatchRule = defineRule({
  id: "year-mismatch",
  severity: "warning",
  category: "narrative",
  description: localized("标题年份、统计期限年份、正文所述年份或发布日期互相矛盾", "The title year, the statistics period, the body's year or the publication date disagree"),
  example: localized("标题为 2021 年度报告，统计期限却写“2020年1月1日至2020年12月31日”", "A 2021 title with a 2020 statistics period"),
  fix: "none",
  check({ model, report }) {
    const titleYear = model.title?.year;
    const period = model.period;
    if (titleYear && period && (period.startYear !== titleYear.value || period.endYear !== titleYear.value)) {
      report({
        range: period.range,
        message: localized(
          `统计期限（${period.startYear}年）与标题年份（${titleYear.value}年）不一致`,
          `The statistics period (${period.startYear}) disagrees with the title year (${titleYear.value})`,
        ),
      });
    }
    const year = titleYear?.value ?? period?.startYear;
    if (year === undefined) return;
    // The body of section 一 must describe the report year, not last year's report copied over.
    const overview = model.paragraphs.filter((p) => p.section === 1).map((p) => p.line);
    const body = mostCommonYear(model.lines, overview);
    if (body && body.value !== year && countYear(model, overview, body.value) >= 3 && countYear(model, overview, year) === 0) {
      report({
        range: body.range,
        message: localized(`“总体情况”叙述的是 ${body.value} 年，报告年份为 ${year} 年`, `Section 一 describes ${body.value}, but the report is for ${year}`),
      });
    }
    const dateLine = lastDateLine(model);
    if (dateLine && dateLine.year <= year) {
      report({
        range: dateLine.range,
        message: localized(
          `发布日期 ${dateLine.text} 早于报告年度（${year}年）结束`,
          `The publication date ${dateLine.text} is before the end of the report year ${year}`,
        ),
      });
    }
  },
});

function countYear(model: { lines: { text: string }[] }, lines: number[], year: number): number {
  const re = new RegExp(`${year}\\s*年`, "g");
  return lines.reduce((n, i) => n + (model.lines[i].text.match(re)?.length ?? 0), 0);
}

/** The date standing alone on one of the last lines: the publication date. */
function lastDateLine(model: { lines: { text: string }[] }) {
  for (let i = model.lines.length - 1, seen = 0; i >= 0 && seen < 4; i--) {
    const text = model.lines[i].text;
    if (!text.trim()) continue;
    seen++;
    const m = DATE_LINE.exec(text);
    if (m && text.trim().length <= 40) {
      const at = text.indexOf(m[1]);
      return { year: Number(m[1]), text: text.slice(at).trim(), range: lineRange(i, at, text.trimEnd().length) };
    }
  }
  return undefined;
}
