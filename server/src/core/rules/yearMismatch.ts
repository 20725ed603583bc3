import type { ReportModel } from "../model";
import { sentences } from "../narrative";
import { mostCommonYear } from "../parser/meta";
import { lineRange, localized } from "../types";
import { defineRule } from "./types";

/**
 * The years agree: title year = statistics period = the year the body
 * reports, and the publication date lies after the report year's end.
 */
const DATE_LINE = /^\s*(?:.{0,30}?)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;
/** A date whose year has too many digits (至202020年12月31日): a typing slip in the year. */
const LONG_YEAR = /(?<!\d)(?:19|20)\d{3,6}(?=\s*年\s*\d{1,2}\s*月)/g;
/** What LONG_YEAR needs at least: most lines have no run of five digits and are not searched. */
const FIVE_DIGITS = /\d{5}/;
/** The report saying when it is published: 本报告于2024年1月15日之前…向社会公布. */
const PUBLISHED_ON = /本(?:年度)?报告[^。；]{0,20}?((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?[^。；]{0,30}?(?:公布|发布|公开)/;
const ANY_YEAR = /(?:19|20)\d{2}(?=\s*年)/g;
/** The words PUBLISHED_ON starts with: a paragraph without them has no sentence to split. */
const THIS_REPORT = /本(?:年度)?报告/;

export const yearMismatchRule = defineRule({
  id: "year-mismatch",
  severity: "warning",
  category: "narrative",
  description: localized("标题年份、统计期限年份、正文所述年份或发布日期互相矛盾", "The title year, the statistics period, the body's year or the publication date disagree"),
  example: localized("标题为 2021 年度报告，统计期限却写“2020年1月1日至2020年12月31日”", "A 2021 title with a 2020 statistics period"),
  basis: localized(
    "年度报告报告上一年度的工作，统计期限为该年 1 月 1 日至 12 月 31 日，并于次年 1 月 31 日（县级以上人民政府部门）或 3 月 31 日（本级人民政府）前公布（《条例》第四十九条）。",
    "A report covers the calendar year before, 1 January to 31 December, and is published by 31 January (departments) or 31 March (governments) of the next year (Article 49 of the Regulations).",
  ),
  correct: localized("标题为 2021 年度报告，统计期限“2021年1月1日至2021年12月31日”", "A 2021 title with the period 1 January–31 December 2021"),
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
    for (let i = 0; i < model.lines.length; i++) {
      const text = model.lines[i].text;
      if (!text.includes("年") || !FIVE_DIGITS.test(text)) continue;
      for (const m of text.matchAll(LONG_YEAR)) {
        report({
          range: lineRange(i, m.index!, m.index! + m[0].length),
          message: localized(`年份“${m[0]}”多写了数字`, `The year “${m[0]}” has too many digits`),
        });
      }
    }
    const publication = publicationSentence(model, year);
    if (publication) report(publication);
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

/**
 * A sentence of the report that publishes it on a date within the year it reports on
 * (last year's wording kept). Silent when the sentence names another year too: it
 * may speak of last year's report.
 */
function publicationSentence(model: ReportModel, year: number) {
  for (const p of model.paragraphs) {
    if (!THIS_REPORT.test(p.text)) continue;
    for (const s of sentences(p.text)) {
      const text = p.text.slice(s.start, s.end);
      const m = PUBLISHED_ON.exec(text);
      if (!m || Number(m[1]) > year) continue;
      if ((text.match(ANY_YEAR) ?? []).some((y) => y !== m[1])) continue;
      const at = s.start + m.index + m[0].indexOf(m[1]);
      return {
        range: lineRange(p.line, at, at + m[1].length),
        message: localized(
          `正文称本报告于 ${m[1]} 年公布，早于报告年度（${year}年）结束`,
          `The text publishes the report in ${m[1]}, before the report year ${year} ends`,
        ),
      };
    }
  }
  return undefined;
}

function countYear(model: { lines: { text: string }[] }, lines: number[], year: number): number {
  const re = new RegExp(`${year}\\s*年`, "g");
  return lines.reduce((n, i) => n + (model.lines[i].text.match(re)?.length ?? 0), 0);
}

/** The date standing alone on one of the last lines: the publication date. */
export function lastDateLine(model: { lines: { text: string }[] }) {
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
