import { SECTIONS, type SectionSpec } from "../formats";
import type { Heading, Subheading, SubheadingStyle } from "../model";
import { chineseNumberValue, contentEnd, contentStart, DEBRIS, labelKey, trimPadding } from "../text";
import { lineRange } from "../types";

/**
 * Section headings (一、总体情况 …) and sub-headings （一） 1. 一是. A heading
 * is a short line of its own; Word debris and Markdown markers before it are
 * looked through, and its columns are kept exact.
 */

const MAX_HEADING = 40;

/** Blanks out debris and Markdown heading/bold markers with spaces, so columns stay right. */
function maskDecoration(text: string): string {
  // Nearly every line has none of the characters debris and markers start with.
  if (!DECORATION.test(text)) return text;
  const blank = (m: string) => " ".repeat(m.length);
  return text.replace(DEBRIS, blank).replace(MARKDOWN_HEADING, blank).replace(BOLD, "  ");
}

const MARKDOWN_HEADING = /^\s*#{1,6}\s/;
const BOLD = /\*\*/g;
const TITLE_STOP = /[。：:；;，,]/;

const DECORATION = /[[<&#*]/;

/** Every section's pattern in one: most lines (table cells, prose) are no title, and one test tells. */
const ANY_SECTION = new RegExp(SECTIONS.map((s) => `(?:${s.pattern.source})`).join("|"));
const TRAILING_STOPS = new Set([...":：。."].map((c) => c.charCodeAt(0)));

const NUMERALS = new Set([..."一二三四五六七八九十"].map((c) => c.charCodeAt(0)));
const NUMBERED = /^([一二三四五六七八九十]{1,2})\s*[、.．,，]\s*|^([一二三四五六七八九十]{1,2})\s+(?=\S)/;
/** 1、 总体情况: a section heading typed with an Arabic figure (a wrong numeral, for section-numbering). */
const ARABIC_NUMBERED = /^([1-6])\s*[、．.]\s*/;
const DIGIT_1 = 0x31;
const DIGIT_6 = 0x36;
const SENTENCE_ENDS = new Set([..."。！？"].map((c) => c.charCodeAt(0)));

/** Where the last sentence of a line ends, looking back no further than a heading's length; -1 if not there. */
function lastSentenceEnd(text: string): number {
  for (let i = text.length - 1; i >= Math.max(0, text.length - MAX_HEADING - 1); i--) if (SENTENCE_ENDS.has(text.charCodeAt(i))) return i;
  return -1;
}

/** Whether s[from, to) holds a CJK ideograph. */
function hasHan(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) >= 0x4e00 && s.charCodeAt(i) <= 0x9fff) return true;
  return false;
}

export interface HeadingCandidate extends Heading {
  spec?: SectionSpec;
}

/**
 * Reads a line as a section-level heading, or returns undefined. A heading may
 * close a line of prose (……特此说明。二、主动公开政府信息情况) when the web page
 * lost the line break: then it must name its section exactly.
 */
export function readHeading(line: number, text: string): HeadingCandidate | undefined {
  return readOwnLine(line, text) ?? readAtLineEnd(line, text);
}

function readAtLineEnd(line: number, text: string): HeadingCandidate | undefined {
  // A section's wording ends in a Chinese character: lines of prose (…。) and of figures are turned away here.
  const last = text.charCodeAt(text.length - 1);
  if (!(last >= 0x4e00) || SENTENCE_ENDS.has(last)) return undefined;
  const start = lastSentenceEnd(text) + 1;
  if (start === 0 || text.length - start > MAX_HEADING || !NUMERALS.has(text.charCodeAt(start))) return undefined;
  const tail = readOwnLine(line, " ".repeat(start) + text.slice(start));
  return tail?.spec && tail.numeral && tail.core === labelKey(tail.spec.title) ? { ...tail, range: lineRange(line, 0, text.length) } : undefined;
}

function readOwnLine(line: number, text: string): HeadingCandidate | undefined {
  const masked = maskDecoration(text);
  // Bounds first, without slices: most lines are prose or cells and are turned away here.
  const offset = contentStart(masked);
  const end = contentEnd(masked, offset);
  if (offset === end) return undefined;
  const tab = masked.indexOf("\t", offset);
  if (tab >= 0 && tab < end) return undefined;
  // NUMBERED starts with a numeral: a line that does not needs no match, and its title is its body.
  const numeralLed = NUMERALS.has(masked.charCodeAt(offset));
  if (end - offset > MAX_HEADING && !numeralLed) return undefined; // only a numbered heading runs long
  if (!hasHan(masked, offset, end)) return undefined; // a table's figures, one a line: every section's wording is Chinese
  const body = masked.slice(offset, end);
  const first = masked.charCodeAt(offset);
  const arabic = !numeralLed && first >= DIGIT_1 && first <= DIGIT_6 ? ARABIC_NUMBERED.exec(body) : null;
  const m = numeralLed ? NUMBERED.exec(body) : arabic;
  if (!m && body.length > MAX_HEADING) return undefined;
  const titleStart = offset + (m ? m[0].length : 0);
  let titleText = m ? trimPadding(masked.slice(titleStart)) : body;
  // A numbered heading may run on into its first sentence (一、总体情况。2020年… or 一、总体情况 2020年，…): it ends at the first stop, or at a space before it.
  const stop = titleText.search(TITLE_STOP);
  const runsOn = stop >= 0 && stop < titleText.length - 1;
  if (runsOn) {
    if (!m) return undefined;
    titleText = titleText.slice(0, stop);
    const space = titleText.search(/\s/);
    if (space > 0 && !ANY_SECTION.test(labelKey(titleText))) titleText = titleText.slice(0, space);
  }
  if (TRAILING_STOPS.has(titleText.charCodeAt(titleText.length - 1))) titleText = titleText.slice(0, -1);
  if (titleText === "" || titleText.length > MAX_HEADING) return undefined;
  const core = labelKey(titleText);
  const spec = ANY_SECTION.test(core) ? SECTIONS.find((s) => s.pattern.test(core)) : undefined;
  if (!spec && (!m || runsOn)) return undefined;
  // An Arabic figure is a section's numeral only on that section's own wording, at its own place (1、总体情况, not 1、主动公开情况 under 一).
  if (arabic && spec?.index !== Number(arabic[1])) return undefined;
  const numeralText = m ? (m[1] ?? m[2]) : undefined;
  const titleCol = masked.indexOf(titleText, titleStart);
  return {
    range: lineRange(line, 0, text.length),
    text: labelKey(runsOn ? body.slice(0, titleCol - offset + titleText.length) : body),
    numeral: numeralText
      ? { text: numeralText, value: (arabic ? Number(numeralText) : chineseNumberValue(numeralText)) ?? 0, range: lineRange(line, offset, offset + numeralText.length) }
      : undefined,
    titleRange: lineRange(line, titleCol, titleCol + titleText.length),
    core,
    spec,
  };
}

const SUBHEADING: [SubheadingStyle, RegExp][] = [
  ["paren", /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]/],
  ["arabic", /^(\d{1,2})\s*[.．、](?!\d)/],
  ["ordinal", /^([一二三四五六七八九十]{1,3})是/],
];

/** What a sub-heading starts with: a bracket, a digit or a numeral (SUBHEADING's first characters). */
const SUBHEADING_START = new Set([..."（(0123456789一二三四五六七八九十"].map((c) => c.charCodeAt(0)));

export function readSubheading(line: number, text: string): Subheading | undefined {
  const masked = maskDecoration(text);
  const body = trimPadding(masked);
  if (!body || !SUBHEADING_START.has(body.charCodeAt(0))) return undefined;
  const offset = masked.indexOf(body);
  for (const [style, re] of SUBHEADING) {
    const m = re.exec(body);
    if (!m) continue;
    const value = style === "arabic" ? Number(m[1]) : chineseNumberValue(m[1]);
    if (value === undefined || value === 0) return undefined;
    return {
      style,
      value,
      text: body,
      range: lineRange(line, offset, offset + body.length),
      numberRange: lineRange(line, offset, offset + m[0].length),
    };
  }
  return undefined;
}
