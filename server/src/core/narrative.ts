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
  /** Written 200余篇 or 30多件: at least the value. */
  approx?: boolean;
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

/** Sentences end at 。！？ (and ；, which closes a list as surely), or at the given characters. */
export function sentences(text: string, ends: ReadonlySet<number> = SENTENCE_ENDS): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (ends.has(text.charCodeAt(i))) {
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
  /**
   * The list names every case (its last item is 其他/其余…, or a catch-all 等其他…共计N), every item is
   * in the total's unit and exact, and no other total before it adds up to the parts: a shortfall is a mistake.
   */
  exhaustive: boolean;
  /** The most the parts may add up to: the total, or, after several totals, the largest with what was carried over besides it. */
  ceiling: number;
  /** Where the list ends. */
  end: number;
}

const AGGREGATE = /共|合计|总计|累计|均|全部|全年/;
/** What opens a breakdown: 其中, 包括 (共计N条，包括：a…、b…). */
const MARKER = /其中|包括/g;
const HAS_MARKER = /其中|包括/;
/** A count that says how much something changed (较上年增加56条) is no total. */
const CHANGE = /增加|增长|减少|下降|同比|较上年|比上年|环比/;
/** The last item of an exhaustive list. */
const CATCH_ALL = /其他|其余|另有|剩余/;
const OPEN = "（(";
const CLOSE = "）)";
const ITEM_SEPARATORS = ["，", ",", "、", "；", ";", "：", ":"];
/** 200余篇, 30多件: at least the number. */
const APPROX_COUNT = /(?<!\d)(\d+)\s*[余多]\s*(人次|件|条|个|次|起|项|篇|家|份|期)/g;

/** 条 and 篇 both count published items; other units count other things. */
const ITEM_UNITS = new Set(["条", "篇"]);
const sameKind = (a: string, b: string) => a === b || (ITEM_UNITS.has(a) && ITEM_UNITS.has(b));

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

const within = (spans: [number, number][], i: number) => spans.some(([a, b]) => i >= a && i < b);

/** The counts with 余/多 added (at least their number), in order: only breakdowns read them, as lower bounds. */
function withApproximate(text: string, counts: readonly Count[]): Count[] {
  const approx: Count[] = [];
  for (const m of text.matchAll(APPROX_COUNT)) {
    if (text[m.index - 1] === "第") continue;
    approx.push({ value: Number(m[1]), unit: m[2], start: m.index, end: m.index + m[0].length, numberEnd: m.index + m[1].length, approx: true });
  }
  return approx.length ? [...counts, ...approx].sort((a, b) => a.start - b.start) : [...counts];
}

/**
 * The totals a marker at `q` may break down: the counts before it (outside brackets, not a change
 * such as 增加56条) in the unit of the last one. The one it belongs to is a 共N count, else the last.
 */
function totalsBefore(text: string, counts: readonly Count[], q: number, from: number, spans: [number, number][]) {
  const before = countsIn(counts, from, q).filter((c) => c.end <= q && !within(spans, c.start) && !CHANGE.test(text.slice(Math.max(from, c.start - 8), c.start)));
  if (!before.length) return undefined;
  const unit = before[before.length - 1].unit;
  const candidates = before.filter((c) => sameKind(c.unit, unit));
  const marked = candidates.filter((c) => AGGREGATE.test(text.slice(Math.max(from, c.start - 16), c.start)));
  return { total: marked.length ? marked[marked.length - 1] : candidates[candidates.length - 1], candidates };
}

/**
 * The parts of a list that starts at `from`: the counts of its items, up to the first item that
 * starts a new aggregate (共…, 均…) — unless that item is the catch-all (等其他信息共计N条), the last part.
 */
function listParts(text: string, counts: readonly Count[], unit: string, from: number, to: number, skip: [number, number][]) {
  const parts: Count[] = [];
  let exhaustive = false;
  let foreign = false;
  let itemStart = from;
  for (const c of countsIn(counts, from, to)) {
    if (c.end > to || within(skip, c.start)) continue;
    const item = text.slice(itemStart, c.start);
    const words = item.slice(Math.max(...ITEM_SEPARATORS.map((s) => item.lastIndexOf(s))) + 1);
    const catchAll = CATCH_ALL.test(words);
    if (parts.length && AGGREGATE.test(words) && !catchAll) break;
    itemStart = c.end;
    if (!sameKind(c.unit, unit)) {
      foreign = true;
      continue;
    }
    parts.push(c);
    exhaustive = catchAll;
    if (catchAll && AGGREGATE.test(words)) break;
  }
  const exact = parts.every((p) => !p.approx);
  return { parts, exhaustive: exhaustive && parts.length >= 2 && !foreign && exact };
}

/** A count carried over (上年结转2件) adds to the year's total: a list after both may break down their sum. */
const CARRIED = /结转|上年|另有/;

/** The most a list after several totals may add up to: the largest, plus what was carried over besides it. */
function ceilingOf(text: string, candidates: Count[]): number {
  const largest = candidates.reduce((a, c) => (c.value > a.value ? c : a));
  const carried = candidates.filter((c) => c !== largest && CARRIED.test(text.slice(Math.max(0, c.start - 8), c.start)));
  return carried.reduce((a, c) => a + c.value, largest.value);
}

/** Where a list's sentence ends: ；and ; separate a list's parts, they do not end it. */
const LIST_ENDS = new Set([..."。！？!?"].map((c) => c.charCodeAt(0)));

/** Every 共N…，其中a…、b… (or 包括：a…、b…) breakdown of a paragraph, nested lists included. */
export function findBreakdowns(text: string, exactCounts: readonly Count[] = findCounts(text)): Breakdown[] {
  if (!HAS_MARKER.test(text)) return [];
  const counts = withApproximate(text, exactCounts);
  const sents = sentences(text, LIST_ENDS);
  const out: Breakdown[] = [];
  for (const [index, sent] of sents.entries()) {
    const spans = parenSpans(text, sent.start, sent.end);
    const markers = [...text.slice(sent.start, sent.end).matchAll(MARKER)].map((m) => sent.start + m.index).filter((q) => !within(spans, q)); // nested: read with its parent
    for (const [k, q] of markers.entries()) {
      const atSentenceStart = /^[\s，,:：]*$/.test(text.slice(sent.start, q));
      const prev = sents[index - 1];
      const found = totalsBefore(text, counts, q, atSentenceStart && prev ? prev.start : sent.start, spans);
      if (!found) continue;
      const { total, candidates } = found;
      const listEnd = markers[k + 1] ?? sent.end;
      const { parts, exhaustive } = listParts(text, counts, total.unit, q, listEnd, spans);
      if (!parts.length) continue;
      const sum = parts.reduce((a, c) => a + c.value, 0);
      const several = candidates.length > 1;
      const nested: Breakdown[] = [];
      for (const [a, b] of spans) {
        if (a < q || a >= listEnd || !/^[（(]\s*(?:其中|包括)/.test(text.slice(a, b))) continue;
        const owner = [...parts].reverse().find((p) => p.end <= a && /^\s*$/.test(text.slice(p.end, a)));
        if (!owner) continue;
        const sub = listParts(text, counts, owner.unit, a, b, []);
        if (!sub.parts.length) continue;
        nested.push({ total: owner, parts: sub.parts, nested: [], exhaustive: sub.exhaustive && !owner.approx, ceiling: owner.approx ? Infinity : owner.value, end: b });
      }
      out.push({
        total,
        parts,
        nested,
        exhaustive: exhaustive && !total.approx && !(several && candidates.some((c) => c.value === sum)),
        ceiling: total.approx ? Infinity : several ? ceilingOf(text, candidates) : total.value,
        end: parts[parts.length - 1].end,
      });
    }
  }
  return out;
}
