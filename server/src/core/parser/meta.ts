import type { ReportYear, StatisticsPeriod, Title } from "../model";
import { chineseNumberValue, DEBRIS, toHalfWidth, trimPadding, type SourceLine } from "../text";
import { lineRange, range } from "../types";

/** The title (one or two lines), the organ it names, the report year and the statistics period. */

const TITLE_WORDS = /(?:政府信息公开|政务公开|信息公开).*(?:年度报告|年报|工作报告)/;
const ORGAN_END = /(?:政府|局|委员会|委|办公室|办|厅|院|署|中心|办事处|管委会|管理委员会|镇|乡|街道|部|会|所|队|站|处|馆|室|司|公司|集团|银行|学校|大学|法院|检察院)$/;
const YEAR = /((?:19|20)\d{2}|[二][〇○零][一二三四五六七八九〇○零][〇○零一二三四五六七八九])\s*年/;

const clean = (s: string) => trimPadding(s.replace(DEBRIS, "").replace(/^\s*#{1,6}\s/, "").replace(/\*\*/g, ""));

function yearIn(line: number, text: string): { value: number; range: { start: { line: number; character: number }; end: { line: number; character: number } } } | undefined {
  const m = YEAR.exec(text);
  if (!m) return undefined;
  const value = /^\d/.test(m[1]) ? Number(m[1]) : chineseNumberValue(m[1]);
  if (!value) return undefined;
  return { value, range: lineRange(line, m.index, m.index + m[0].length) };
}

/**
 * Lines of the web page around a copied report, never its title: the breadcrumb
 * (当前位置：首页 > 政府信息公开 > 年报 > 2024), the reading modes and font sizes,
 * and the metadata table (索引号、发布机构 …).
 */
const PAGE_FURNITURE = /[>＞›»]|当前位置|您的位置|所在位置|长者版|无障碍|字号|索引号|发布机构|发文机关|发布日期|成文日期|主题分类|浏览次数|打印本页|关闭窗口/;
/** A title is a name, not a sentence: it carries no sentence or clause punctuation of either width, cites no document, and no label (标题：). */
const NOT_A_TITLE = /[。；;，,：:《》]/;

/**
 * Looks for the title among the lines before the first section heading. A title line
 * without a year gives way to one with a year below it: a web page's caption
 * (…政府信息公开年报) may stand above the report's own title.
 */
export function findTitle(lines: SourceLine[], before: number): Title | undefined {
  const limit = Math.min(before, lines.length, 40);
  let first: Title | undefined;
  for (let i = 0; i < limit; i++) {
    const title = titleAt(lines, i);
    if (!title) continue;
    if (title.year) return title;
    first ??= title;
  }
  return first;
}

/**
 * A title that runs on in its line, when the copy lost the line break: into the opening
 * sentence (…年度报告本报告根据…) or into the page's date and source (…年度报告 发布时间：…).
 */
const RUN_ON_TITLE = /^(.{4,60}?年度报告)(?=\s*(?:本(?:年度)?报告|根据|按照|依据|发布时间|发布日期|来源[：:]|浏览次数|点击))/;

function titleAt(lines: SourceLine[], i: number): Title | undefined {
  const whole = clean(lines[i].text);
  const runOn = RUN_ON_TITLE.exec(whole);
  const text = runOn ? runOn[1] : whole;
  if (!text || text.length > 80 || NOT_A_TITLE.test(text) || !TITLE_WORDS.test(text) || PAGE_FURNITURE.test(text) || text.includes("\t")) return undefined;
  const start = lines[i].text.indexOf(text.slice(0, 2));
  let first = i;
  let joined = text;
  // A title whose organ stands on the line above: 景芝镇人民政府 / 2020 年政府信息公开工作年度报告.
  const startsBare = /^(?:(?:19|20)\d{2}\s*年度?)?\s*(?:政府信息公开|政务公开|信息公开|工作年度报告|年度报告)/.test(text);
  if (startsBare) {
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      const prev = clean(lines[j].text);
      if (!prev) continue;
      if (prev.length <= 40 && ORGAN_END.test(prev) && !/[。，,：:；]/.test(prev)) {
        first = j;
        joined = prev + text;
      }
      break;
    }
  }
  const titleLines = first === i ? [i] : [first, i];
  const startChar = first === i ? Math.max(0, start) : Math.max(0, lines[first].text.indexOf(clean(lines[first].text).slice(0, 2)));
  const y = yearIn(i, lines[i].text) ?? (first !== i ? yearIn(first, lines[first].text) : undefined);
  return {
    text: joined.replace(/\s+/g, ""),
    range: range(first, startChar, i, runOn ? Math.max(0, start) + text.length : lines[i].text.length),
    lines: titleLines,
    year: y,
  };
}

/**
 * The opening of a report whose title is elsewhere (in the web page, or not yet
 * written) names what it is: 本年度报告根据…编制, 特向社会公布…年度报告.
 */
const SELF_NAMING = /^本(?:年度)?(?:报告|年报)|年度报告[^。]{0,30}?(?:编制|公布|发布)|(?:编制|公布|发布)[^。]{0,30}?年度报告/;
/** …and says it is about disclosure (the 条例 it follows, or the report's own name). */
const DISCLOSURE = /政府信息公开|政务公开/;

/** True when one of the first lines before the first section heading says the text is an annual disclosure report. */
export function namesItselfReport(lines: SourceLine[], before: number): boolean {
  for (let i = 0, seen = 0; i < Math.min(before, lines.length) && seen < 6; i++) {
    const text = clean(lines[i].text);
    if (!text) continue;
    seen++;
    if (SELF_NAMING.test(text) && DISCLOSURE.test(text)) return true;
  }
  return false;
}

/** The organ named by a title: what is left without the year and the report words. */
export function organOf(title: string): string | undefined {
  let t = title.replace(/\s+/g, "").replace(/^(?:19|20)\d{2}年度?/, "");
  t = t.replace(/(?:19|20)\d{2}年度?/, "");
  const m = /(政府信息公开|政务公开|信息公开)/.exec(t);
  if (!m) return undefined;
  let organ = t.slice(0, m.index);
  if (m[1] === "政府信息公开" && /人民$/.test(organ)) organ += "政府";
  else if (m[1] === "信息公开" && /人民政府$/.test(organ) === false && /人民$/.test(organ)) organ += "政府";
  return organ || undefined;
}

const PERIOD = /统计期限?(?:为|是|自|从)?[^0-9]{0,4}((?:19|20)\d{2})年\d{1,2}月\d{1,2}日(?:起)?\s*(?:至|到|—|-|～|~)\s*(?:((?:19|20)\d{2})年)?\d{1,2}月\d{1,2}日/;

export function findPeriod(lines: SourceLine[]): StatisticsPeriod | undefined {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (!text.includes("统计")) continue;
    const m = PERIOD.exec(toHalfWidth(text).replace(/[\s\u00a0\u3000]/g, ""));
    if (!m) continue;
    const startYear = Number(m[1]);
    return { startYear, endYear: m[2] ? Number(m[2]) : startYear, range: lineRange(i, 0, text.length) };
  }
  return undefined;
}

/** The year most often written in the given lines (2000–2099), with its first place. */
export function mostCommonYear(lines: SourceLine[], indexes: Iterable<number>): ReportYear | undefined {
  const counts = new Map<number, { n: number; line: number; col: number; len: number }>();
  const re = /((?:19|20)\d{2})\s*年/g;
  for (const i of indexes) {
    const text = lines[i].text;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const v = Number(m[1]);
      const c = counts.get(v);
      if (c) c.n++;
      else counts.set(v, { n: 1, line: i, col: m.index, len: m[0].length });
    }
  }
  let best: [number, { n: number; line: number; col: number; len: number }] | undefined;
  for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
  if (!best) return undefined;
  const [value, at] = best;
  return { value, source: "body", range: lineRange(at.line, at.col, at.col + at.len) };
}
