import { KeyMemo } from "./memo";
/**
 * Text helpers shared by the parser and the rules: line splitting that keeps
 * every line's own terminator (so fixes can preserve CRLF), and the
 * normalisation used to compare labels written in many ways.
 */

export interface SourceLine {
  /** The line's text without its terminator. */
  text: string;
  /** "\n", "\r\n", "\r" or "" for the last line. */
  eol: string;
}

/** Splits on LF, CRLF and lone CR. A leading BOM is not part of line 0 (editors hide it too). */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const crlf = c === 13 && text.charCodeAt(i + 1) === 10;
      lines.push({ text: text.slice(start, i), eol: crlf ? "\r\n" : c === 13 ? "\r" : "\n" });
      if (crlf) i++;
      start = i + 1;
    }
  }
  lines.push({ text: text.slice(start), eol: "" });
  return lines;
}

/** The line ending the document uses (its first one), for text that fixes insert. */
export function eolOf(lines: SourceLine[]): string {
  return lines.find((l) => l.eol)?.eol ?? "\n";
}

/** Characters that pad cells and labels in Word exports: spaces of every width, zero-width marks. */
export const PADDING = /[\s\u00a0\u3000\u200b-\u200f\u2028\u2029\u202f\u2060\ufeff]/g;
/** A scan, not a /[…]+$/ regex: the regex retries from every padding character and is quadratic in a long run of them. */
export function trimPadding(s: string): string {
  const [a, b] = contentBounds(s);
  return s.slice(a, b);
}

/**
 * One code unit of PADDING, by comparisons (a regex test per character took a
 * fifth of parse on Chinese text, whose every cell starts and ends with a
 * non-ASCII character): ASCII \s, then \s beyond ASCII (U+00A0, U+1680,
 * U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF) and the
 * zero-width marks U+200B–U+200F and U+2060. test/unit/text.test.ts holds it
 * against the regex for every code unit.
 */
export function isPadding(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0x2000) return code === 0xa0 || code === 0x1680;
  if (code <= 0x200f) return true;
  return code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x2060 || code === 0x3000 || code === 0xfeff;
}

/** True when s holds a character other than padding (trimPadding(s) !== "", without the slice). */
export function hasContent(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isPadding(s.charCodeAt(i))) return true;
  return false;
}

/** The length of s[from…] without the padding at its ends (trimPadding(s.slice(from)).length, without the slices). */
export function contentLength(s: string, from = 0): number {
  const a = contentStart(s, from);
  return contentEnd(s, a) - a;
}

/** The offset of the first non-padding character of s[from, to), or `to` when there is none. */
export function contentStart(s: string, from = 0, to = s.length): number {
  while (from < to && isPadding(s.charCodeAt(from))) from++;
  return from;
}

/** One past the offset of the last non-padding character of s[from, to), or `from` when there is none. */
export function contentEnd(s: string, from = 0, to = s.length): number {
  while (to > from && isPadding(s.charCodeAt(to - 1))) to--;
  return to;
}

/** Offset of the first and one past the last non-padding character of s. */
export function contentBounds(s: string): [number, number] {
  const a = contentStart(s);
  return [a, contentEnd(s, a)];
}

/** Full-width ASCII (U+FF01–U+FF5E) to half-width. */
export function toHalfWidth(s: string): string {
  // Most text has no full-width ASCII: a scan answers without building a string.
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) < 0xff01 || s.charCodeAt(i) > 0xff5e)) i++;
  if (i === s.length) return s;
  return s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}
const FULL_WIDTH = /[\uff01-\uff5e]/g;

/** Word/HTML debris that may precede or sit inside text; see the conversion-artifact rule. */
// A bookmark name holds no bracket: stopping at the next "[" keeps a line of unclosed "[bookmark:" linear.
export const DEBRIS = /\[bookmark:[^[\]]*\]|<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>|&(?:nbsp|amp|lt|gt|quot|apos|ensp|emsp|#\d{1,6}|#x[0-9a-fA-F]{1,6});/g;

/** A character debris can start with. */
export const DEBRIS_START = /[[<&]/;

/**
 * Code units below U+3016 that one of labelKey's replacements acts on:
 * padding, the characters debris starts with, quotes, 、 and 〔〕 (above it:
 * U+FEFF and full-width ASCII). A table lookup per character: a regex test
 * of the same class cost twice as much, on every line and cell.
 */
const KEY_CHANGES = (() => {
  const table = new Uint8Array(0x3016);
  for (let c = 0; c < table.length; c++) if (isPadding(c)) table[c] = 1;
  for (const ch of "[<&“”\"'‘’「」『』、〔〕") table[ch.charCodeAt(0)] = 1;
  return table;
})();

/** True when labelKey would change s[from, to): most cells and labels are their own key. */
export function changesUnderLabelKey(s: string, from = 0, to = s.length): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x3016 ? KEY_CHANGES[c] === 1 : c === 0xfeff || (c >= 0xff01 && c <= 0xff5e)) return true;
  }
  return false;
}

/**
 * The key a label is compared by: no debris, no padding, half-width
 * punctuation, one kind of quote, numbering separators unified.
 */
export function labelKey(s: string): string {
  if (!changesUnderLabelKey(s)) return s;
  // Cells padded at their ends only (| 自然人 |) are their trimmed text: padding is the one change there.
  const [a, b] = contentBounds(s);
  if ((a > 0 || b < s.length) && !changesUnderLabelKey(s, a, b)) return s.slice(a, b);
  return NORMALISED.get(s);
}

/**
 * The official labels repeat in every report (（一）予以公开, 3.危及“三安全一稳定”):
 * their keys are looked up once built, not built again character by character.
 */
const NORMALISED = new KeyMemo<string>((s) => normaliseLabel(DEBRIS_START.test(s) ? s.replace(DEBRIS, "") : s));

/**
 * labelKey's character mapping in one pass (six regex replacements took a
 * tenth of parse: table labels are full of （）、 and padding): full-width
 * ASCII to half-width, then padding and quotes dropped, 、 and ． to ".",
 * 〔〕 to []. Unchanged runs are copied as slices.
 */
function normaliseLabel(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const half = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
    const mapped = isPadding(half) || QUOTES.has(half) ? "" : half === 0x3001 ? "." : half === 0x3014 ? "[" : half === 0x3015 ? "]" : undefined;
    if (mapped === undefined && half === code) continue;
    out += s.slice(from, i) + (mapped ?? String.fromCharCode(half));
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

const QUOTES = new Set([..."“”\"'‘’「」『』"].map((c) => c.charCodeAt(0)));

const NUMBERING = /^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}\.|\d{1,2}\.(?!\d))/;

/** labelKey without a leading numbering such as （三）, 一、 or 2. */
export function stripNumbering(key: string): string {
  return key.replace(NUMBERING, "");
}

/** labelKey without a trailing parenthesised remark such as （区分处理的，只计这一情形…）. */
export function stripRemark(key: string): string {
  return key.replace(/\([^()]*\)$/, "");
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, "○": 0, Ｏ: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** Two or more digit numerals and no unit: a year written digit by digit. */
const CN_DIGIT_RUN = /^[零〇○一二三四五六七八九]{2,}$/;

/** Reads Chinese numerals up to 9999 (十二, 二十, 一百零五, 两千) and digit-by-digit years (二〇二〇). */
export function chineseNumberValue(s: string): number | undefined {
  if (!s) return undefined;
  if (CN_DIGIT_RUN.test(s)) {
    let v = 0;
    for (const ch of s) v = v * 10 + CN_DIGITS[ch];
    return v;
  }
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else if (ch in CN_UNITS) {
      total += (digit < 0 ? 1 : digit) * CN_UNITS[ch];
      digit = -1;
    } else return undefined;
  }
  if (digit > 0) total += digit;
  return total;
}

export const SECTION_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
