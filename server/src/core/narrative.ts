import { memoOn } from "./memo";
import type { Paragraph } from "./model";
import { chineseNumberValue } from "./text";

/**
 * Reading figures in the report's prose: counts with their units (件, 条,
 * 个, 次, 起 … in digits or Chinese numerals), sentences, and breakdowns of the
 * form 共N…，其中a…、b… with nested （其中…） lists. Everything here errs on
 * the side of silence: a narrative check fires only when the text is clear.
 */

export interface Count {
  value: number;
  unit: string;
  /** Offsets in the paragraph text: the number and the unit. */
  start: number;
  end: number;
  numberEnd: number;
}

// The lookbehinds start a number only where its run of digits starts: without them a long run with no
// unit after it is rescanned from each of its digits (quadratic; 40,000 zeros took seconds).
const DIGIT_COUNT = /(?<!\d)(\d+)\s*(人次|件|条|个|次|起|项|篇|家|份|期)/g;
const CN_COUNT = /(?<![零〇两一二三四五六七八九十百千])([零〇两一二三四五六七八九十百千]+)\s*(件|条|次|起|篇|份)/g;
/** 第二十条, 20个工作日, 3个月: numbers that are not counts. */
const NOT_A_COUNT_AFTER = /^(?:工作日|月|小时|方面|年|季度|百分点)/;
const DIGIT = /\d/;
/** 一条, 一次 inside ordinary words (一条龙, 一次性) are not counts. */
const ONE_OF = /^一[条次]/;
const WORD_AFTER_ONE = /[龙性]/;

export function findCounts(text: string): Count[] {
  const out: Count[] = [];
  const push = (m: RegExpExecArray, value: number | undefined) => {
    if (value === undefined) return;
    const before = text[m.index - 1];
    if (before === "第" || before === "." || (before !== undefined && DIGIT.test(before))) return;
    const end = m.index + m[0].length;
    if (NOT_A_COUNT_AFTER.test(text.slice(end, end + 3))) return;
    out.push({ value, unit: m[2], start: m.index, end, numberEnd: m.index + m[1].length });
  };
  for (const m of text.matchAll(DIGIT_COUNT)) push(m as RegExpExecArray, Number(m[1]));
  for (const m of text.matchAll(CN_COUNT)) {
    if (ONE_OF.test(m[0]) && WORD_AFTER_ONE.test(text[m.index + m[0].length] ?? "")) continue;
    push(m as RegExpExecArray, chineseNumberValue(m[1]));
  }
  return out.sort((a, b) => a.start - b.start);
}

const COUNTS = Symbol("counts");

/** findCounts of a paragraph, read once: three narrative rules read the same paragraphs. */
export const countsOf = (p: Paragraph): readonly Count[] => memoOn(COUNTS, p, (q) => findCounts(q.text));

/** The counts that start within [from, to) — counts are sorted, so this is a binary search, not a scan. */
export function countsIn(counts: readonly Count[], from: number, to: number): Count[] {
  let lo = 0;
  let hi = counts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (counts[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Count[] = [];
  for (let i = lo; i < counts.length && counts[i].start < to; i++) out.push(counts[i]);
  return out;
}

export interface Sentence {
  start: number;
  end: number;
}

const SENTENCE_ENDS = new Set([..."。！？；!?;"].map((c) => c.charCodeAt(0)));

/** Sentences end at 。！？ (and ；, which closes a list as surely). */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (SENTENCE_ENDS.has(text.charCodeAt(i))) {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

export interface Breakdown {
  total: Count;
  parts: Count[];
  /** Nested 其中 lists, each about one of the parts. */
  nested: Breakdown[];
  /** The list names every case (its last item is 其他/其余…), so a shortfall is a mistake. */
  exhaustive: boolean;
  /** Where the list ends. */
  end: number;
}

const AGGREGATE = /共|合计|总计|累计|均|全部|全年/;
const OPEN = "（(";
const CLOSE = "）)";

/** Parenthesised spans of the text (one level), with their offsets. */
function parenSpans(text: string, from: number, to: number): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let open = -1;
  for (let i = from; i < to; i++) {
    if (OPEN.includes(text[i])) {
      if (depth++ === 0) open = i;
    } else if (CLOSE.includes(text[i]) && depth > 0 && --depth === 0) spans.push([open, i + 1]);
  }
  return spans;
}

/** The total a 其中 at `q` breaks down: a 共N count nearest before it, else the last count before it. */
function totalBefore(text: string, counts: readonly Count[], q: number, from: number): Count | undefined {
  const before = countsIn(counts, from, q).filter((c) => c.end <= q);
  if (!before.length) return undefined;
  const marked = before.filter((c) => AGGREGATE.test(text.slice(Math.max(from, c.start - 16), c.start)));
  return marked.length ? marked[marked.length - 1] : before[before.length - 1];
}

/**
 * The parts of a list that starts at `from`: the counts of its comma-separated
 * items, up to the first item that starts a new aggregate (共…, 均…).
 */
function listParts(text: string, counts: readonly Count[], unit: string, from: number, to: number, skip: [number, number][]): { parts: Count[]; exhaustive: boolean } {
  const parts: Count[] = [];
  let exhaustive = false;
  let itemStart = from;
  const inSkip = (i: number) => skip.some(([a, b]) => i >= a && i < b);
  for (const c of countsIn(counts, from, to)) {
    if (c.end > to || inSkip(c.start)) continue;
    const item = text.slice(itemStart, c.start);
    const lastSep = Math.max(...["，", ",", "、", "；"].map((s) => item.lastIndexOf(s)));
    const words = item.slice(lastSep + 1);
    if (parts.length && AGGREGATE.test(words)) break;
    if (c.unit !== unit) continue;
    parts.push(c);
    exhaustive = /其他|其余|另有|剩余/.test(words);
    itemStart = c.end;
  }
  return { parts, exhaustive: exhaustive && parts.length >= 2 };
}

/** Every 共N…，其中a…、b… breakdown of a paragraph, nested lists included. */
export function findBreakdowns(text: string, counts: readonly Count[] = findCounts(text)): Breakdown[] {
  if (!text.includes("其中")) return [];
  const sents = sentences(text);
  const out: Breakdown[] = [];
  let q = text.indexOf("其中");
  for (const [index, sent] of sents.entries()) {
    while (q >= 0 && q < sent.start) q = text.indexOf("其中", q + 2);
    if (q < 0) break;
    if (q >= sent.end) continue;
    const spans = parenSpans(text, sent.start, sent.end);
    if (spans.some(([a, b]) => q >= a && q < b)) continue; // nested: read with its parent
    const atSentenceStart = /^[\s，,:：]*$/.test(text.slice(sent.start, q));
    const prev = sents[index - 1];
    const total = totalBefore(text, counts, q, atSentenceStart && prev ? prev.start : sent.start);
    if (!total) continue;
    const { parts, exhaustive } = listParts(text, counts, total.unit, q, sent.end, spans);
    if (!parts.length) continue;
    const nested: Breakdown[] = [];
    for (const [a, b] of spans) {
      const inner = text.slice(a, b);
      if (!/^[（(]\s*其中/.test(inner)) continue;
      const owner = [...parts].reverse().find((p) => p.end <= a && /^[\s]*$/.test(text.slice(p.end, a)));
      if (!owner) continue;
      const sub = listParts(text, counts, owner.unit, a, b, []);
      if (sub.parts.length) nested.push({ total: owner, parts: sub.parts, nested: [], exhaustive: sub.exhaustive, end: b });
    }
    out.push({ total, parts, nested, exhaustive, end: parts[parts.length - 1].end });
  }
  return out;
}
