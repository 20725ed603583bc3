import type { RawCell, TableLayout } from "../model";
import { isValueLike } from "./cells";
import { labelKind } from "./labels";
import { contentBounds, contentEnd, contentLength, contentStart, hasContent, isPadding, labelKey, trimPadding, type SourceLine } from "../text";
import { range, type Range } from "../types";

/**
 * Turns the table-like lines of a draft into rows of raw cells, whatever the
 * layout (FORMATS.md §7): tab-separated rows; `|` rows with or without outer
 * pipes; and the layouts that put one cell per line — a line that starts with
 * a tab (a blank line ends the row, a line without a tab continues the cell
 * above), `|` streams as web pages are copied to text (cells ending in ` |`,
 * cells alternating with lone `|` lines, rows opened by a `|` line, spacer
 * lines made only of pipes), and bare lines with blank lines between the
 * cells. In the one-cell-per-line layouts a row is where the official words
 * say it is: a row label starts a row (labels.ts), not the line breaks.
 */

/**
 * One cell of a grid row: its text and where it stands, as plain numbers.
 * Ranges (three objects each) are made only for the cells a table keeps
 * (rawCell): a long draft repeats tables whose rows are read and dropped.
 */
export interface GridCell {
  /** Cell text exactly as written (a wrapped cell: its lines joined). */
  raw: string;
  /** Where the cell starts… */
  line: number;
  start: number;
  /** …and ends: a wrapped cell of the one-cell-per-line layout ends on a later line. */
  endLine: number;
  end: number;
  /** Where its content (without padding) starts on `line` and ends on `endLine`. */
  contentStart: number;
  contentEnd: number;
  /** labelKey(raw), once asked for (cellKey): format detection, headers and row labels all compare it. */
  key: string | undefined;
  /** isValueLike(raw), once asked for (isValueCell): cutting rows, headers and row labels all ask it of the same cells. */
  valueLike: boolean | undefined;
}

export const cellKey = (c: GridCell): string => (c.key ??= labelKey(c.raw));
/** A cell on one line knows where its content stands in its text; a wrapped cell's text is joined, and is trimmed again. */
export const isValueCell = (c: GridCell): boolean =>
  (c.valueLike ??= c.line === c.endLine ? isValueLike(c.raw, c.contentStart - c.start, c.contentEnd - c.start) : isValueLike(c.raw));

/** The cell with its ranges, as the model keeps it. */
export function rawCell(c: GridCell): RawCell {
  return { raw: c.raw, range: range(c.line, c.start, c.endLine, c.end), contentRange: contentRangeOf(c) };
}

export const contentRangeOf = (c: GridCell): Range => range(c.line, c.contentStart, c.endLine, c.contentEnd);

/** The cell holds a character other than padding. */
export const isFilled = (c: GridCell): boolean => c.contentStart < c.contentEnd || (c.endLine !== c.line && hasContent(c.raw));

export interface GridRow {
  cells: GridCell[];
  firstLine: number;
  lastLine: number;
  layout: TableLayout;
  /** The last line of pipes alone that closes the row in a `|` stream (its spans): part of the row, no cell. */
  spacer?: GridCell;
}

export interface GridBlock {
  firstLine: number;
  lastLine: number;
  layout: TableLayout;
  rows: GridRow[];
}

const isBlank = (s: string) => !s.includes("\t") && !hasContent(s);
const isPiped = (s: string) => s.includes("|");
/** A line that is one cell of a one-cell-per-line table: a leading tab and no other. */
const isLoneCell = (s: string) => s.charCodeAt(0) === 9 && s.indexOf("\t", 1) < 0;

// The per-line patterns are constants: a regex literal in a function is a new RegExp object each time it runs.
const HTML_COMMENT = /^\s*<!--/;
const SENTENCE_STOP = /[。；]/;
const LEADING_PIPE = /^\s*\|/;
const TRAILING_PIPE = /\|\s*$/;

/** Lines that can be part of a table; prose indented with a tab is not. */
export function isTableLine(s: string): boolean {
  if (isPiped(s)) return !HTML_COMMENT.test(s);
  if (!s.includes("\t")) return false;
  if (isLoneCell(s)) return !isProse(s, 1);
  return true;
}

/** Long sentences are prose even when Word indents them with a tab. */
export function isProse(s: string, from = 0): boolean {
  const n = contentLength(s, from);
  return n > 60 || (n > 24 && SENTENCE_STOP.test(from ? s.slice(from) : s));
}

function cell(line: number, text: string, from: number, to: number): GridCell {
  const a = contentStart(text, from, to);
  const b = contentEnd(text, a, to);
  return { raw: text.slice(from, to), line, start: from, endLine: line, end: to, contentStart: a, contentEnd: b, key: undefined, valueLike: undefined };
}

/** Splits a line on a separator from `start`, keeping each cell's exact columns; the cells are appended to `cells`. */
function splitCells(line: number, text: string, sep: string, start = 0, cells: GridCell[] = []): GridCell[] {
  let from = start;
  for (let i = text.indexOf(sep, from); i >= 0; i = text.indexOf(sep, from)) {
    cells.push(cell(line, text, from, i));
    from = i + 1;
  }
  cells.push(cell(line, text, from, text.length));
  return cells;
}

/**
 * Cells of a `|` row. Whether a leading or trailing pipe is an outer pipe or
 * borders an empty cell cannot be told from one line, so the block decides:
 * `outer` when every one of its rows starts and ends with a pipe (Markdown tables).
 */
function pipeRowCells(line: number, text: string, outer: boolean): GridCell[] {
  const cells = splitCells(line, text, "|");
  if (outer && cells.length > 1 && !isFilled(cells[0]) && LEADING_PIPE.test(text)) cells.shift();
  if (outer && cells.length > 1 && !isFilled(cells[cells.length - 1]) && TRAILING_PIPE.test(text)) cells.pop();
  return cells;
}

const OUTER_PIPES = /^\s*\|.*\|\s*$/;
const hasOuterPipes = (s: string) => OUTER_PIPES.test(s);

const SEPARATOR_CELL = /^:?-{3,}:?$/;
/**
 * A Markdown rule line (`|---|:---:|`): every cell between pipes is dashes. Cell by cell, not one regex
 * over the line: optional padding on both sides of an optional pipe backtracks quadratically on a long run of spaces.
 */
function isPipeSeparator(s: string): boolean {
  let rules = 0;
  for (const cell of s.split("|")) {
    const text = trimPadding(cell);
    if (!text) continue;
    if (!SEPARATOR_CELL.test(text)) return false;
    rules++;
  }
  return rules > 0;
}

/**
 * How a `|` line reads: one cell and at most two pipes is a cell of a `|`
 * stream (`规章 |`, `| 代码`); text in several cells, or one cell among many
 * pipes (a row whose values are blank), is a `|` row; pipes alone say nothing.
 */
function pipeLineKind(s: string): "stream" | "row" | "spacer" {
  let pipes = 0;
  let filled = 0;
  let from = 0;
  for (let i = s.indexOf("|"); ; i = s.indexOf("|", from)) {
    const to = i < 0 ? s.length : i;
    if (contentStart(s, from, to) < to) filled++;
    if (i < 0) break;
    pipes++;
    from = i + 1;
  }
  if (filled === 0) return "spacer";
  return filled === 1 && pipes <= 2 ? "stream" : "row";
}

function chooseLayout(lines: SourceLine[], first: number, last: number): TableLayout {
  let piped = 0;
  let streamed = 0;
  let rowed = 0;
  let lone = 0;
  let tabbed = 0;
  for (let i = first; i <= last; i++) {
    const s = lines[i].text;
    if (isPiped(s)) {
      piped++;
      const kind = pipeLineKind(s);
      if (kind === "stream") streamed++;
      else if (kind === "row") rowed++;
    } else if (s.includes("\t")) {
      tabbed++;
      if (isLoneCell(s)) lone++;
    } else if (hasContent(s)) streamed++; // a cell between `|` lines
  }
  if (piped > tabbed) return streamed > rowed ? "pipe-per-line" : "pipes";
  return lone * 5 > tabbed * 3 ? "cell-per-line" : "tabs";
}

/** A cell of a one-cell-per-line layout, and whether a blank line (a row's end in the tab-led layout) stands before it. */
interface StreamCell {
  cell: GridCell;
  breakBefore: boolean;
  /** The cell is a line of pipes alone in a `|` stream: it closes a row and is no cell of it. */
  spacer?: boolean;
}

/** `prev` continued by the content of line `i` from `a` to `b` (a cell wrapped over lines: 本年新 / 制作数量). */
function wrapped(prev: GridCell, i: number, s: string, a: number, b: number): GridCell {
  return {
    raw: trimPadding(prev.raw) + s.slice(a, b),
    line: prev.line,
    start: prev.start,
    endLine: i,
    end: s.length,
    contentStart: prev.contentStart,
    contentEnd: b,
    key: undefined,
    valueLike: undefined,
  };
}

/**
 * Two pieces of text are one wrapped cell only when both are words and not
 * both official words on their own (本年新 / 制作数量 is one cell; 规章 /
 * 规范性文件 are two): a value never wraps, and never continues a label.
 */
const continuesCell = (prev: GridCell, next: string) =>
  isFilled(prev) && !isValueCell(prev) && !isValueLike(next) && !(labelKind(cellKey(prev)) && labelKind(labelKey(next)));

/** Cells of the tab-led layout: a line that starts with a tab is a cell, a line without one continues the cell above. */
function tabLedCells(lines: SourceLine[], first: number, last: number): StreamCell[] {
  const out: StreamCell[] = [];
  let breakBefore = false;
  for (let i = first; i <= last; i++) {
    const s = lines[i].text;
    if (isBlank(s)) {
      breakBefore = true;
      continue;
    }
    const prev = out[out.length - 1];
    if (s.charCodeAt(0) !== 9 && prev && !breakBefore) {
      const [a, b] = contentBounds(s);
      prev.cell = wrapped(prev.cell, i, s, a, b);
      continue;
    }
    // A tab-led line may still hold several cells (a row of the tab layout inside the block).
    const cells = splitCells(i, s, "\t", s.charCodeAt(0) === 9 ? 1 : 0);
    cells.forEach((cell, k) => out.push({ cell, breakBefore: k === 0 && breakBefore }));
    breakBefore = false;
  }
  return out;
}

/** One past the last character of s that is neither padding nor a pipe: where the line's last cell text ends (0 when it has none). */
function textEnd(s: string): number {
  let to = s.length;
  while (to > 0 && (isPadding(s.charCodeAt(to - 1)) || s.charCodeAt(to - 1) === PIPE)) to--;
  return to;
}

const PIPE = 0x7c;

/** The first text after line `i` (up to its first pipe) is an official table word: the first cell of a row. */
function rowBeginsAfter(lines: SourceLine[], i: number, last: number): boolean {
  for (let k = i + 1; k <= last; k++) {
    const s = lines[k].text;
    if (isBlank(s)) continue;
    const bar = s.indexOf("|");
    const text = bar < 0 ? s : s.slice(0, bar);
    return hasContent(text) && !isValueLike(text) && labelKind(labelKey(text)) !== undefined;
  }
  return false;
}

/**
 * Cells of a `|` stream: the block's text read as one run in which every pipe
 * ends a cell, whatever the line breaks — so ` |`-ended cells, cells between
 * lone `|` lines and `| `-led cells all come out as the same cells. A line of
 * pipes alone is no cell: two or more are a row's spans, and a lone pipe right
 * before a row's first word opens that row (an empty cell there could as well
 * be the row's opener, and would make a short row look whole). Text on lines
 * with no pipe between them is one wrapped cell when both are words, two
 * cells otherwise.
 */
function pipeStreamCells(lines: SourceLine[], first: number, last: number): StreamCell[] {
  const out: StreamCell[] = [];
  const push = (cell: GridCell) => out.push({ cell, breakBefore: false });
  let open: GridCell | undefined;
  let spaces: GridCell | undefined;
  for (let i = first; i <= last; i++) {
    const s = lines[i].text;
    const lastContent = textEnd(s);
    if (lastContent === 0 && s.indexOf("|") !== s.lastIndexOf("|")) {
      // A line of two or more pipes is a spacer (the spans of a row): it ends the open cell and is no cell itself.
      if (open) push(open);
      out.push({ cell: cell(i, s, 0, s.length), breakBefore: false, spacer: true });
      open = spaces = undefined;
      continue;
    }
    let from = 0;
    for (let bar = s.indexOf("|"); ; bar = s.indexOf("|", from)) {
      const to = bar < 0 ? s.length : bar;
      const a = contentStart(s, from, to);
      const b = contentEnd(s, a, to);
      if (a < b) {
        if (open && !continuesCell(open, s.slice(a, b))) {
          push(open);
          open = undefined;
        }
        open = open ? wrapped(open, i, s, a, b) : cell(i, s, from, to);
        spaces = undefined;
      } else if (to > from && !open && lastContent === 0) spaces = cell(i, s, from, to); // a line of no-break spaces: where an empty cell stands
      if (bar < 0) break;
      // A pipe ends the open cell, or is an empty cell of its own — but the pipes after a line's last cell are its spans.
      if (open || spaces || bar < lastContent || (lastContent === 0 && !rowBeginsAfter(lines, i, last))) push(open ?? spaces ?? cell(i, s, from, bar));
      open = spaces = undefined;
      from = bar + 1;
    }
  }
  if (open) push(open);
  return out;
}

/** Cells of bare lines: each line a cell, blank lines between cells; consecutive lines of words are one wrapped cell. */
function bareLineCells(lines: SourceLine[], first: number, last: number): StreamCell[] {
  const out: StreamCell[] = [];
  let afterBlank = false;
  for (let i = first; i <= last; i++) {
    const s = lines[i].text;
    if (s.length === 0) {
      afterBlank = true;
      continue;
    }
    const [a, b] = contentBounds(s);
    const prev = out[out.length - 1];
    if (prev && !afterBlank && a < b && continuesCell(prev.cell, s.slice(a, b))) prev.cell = wrapped(prev.cell, i, s, a, b);
    // A line of spaces alone (U+00A0, U+3000 as web pages write an empty cell) is an empty cell.
    else out.push({ cell: cell(i, s, 0, s.length), breakBefore: false });
    afterBlank = false;
  }
  return out;
}

type CellRole = "value" | "empty" | "row" | "header" | "text";

function roleOf(c: GridCell): CellRole {
  if (!isFilled(c)) return "empty";
  if (isValueCell(c)) return "value";
  return labelKind(cellKey(c)) ?? "text";
}

/**
 * Rows of a one-cell-per-line block, cut where the official words say: a row
 * label always starts a row (a group label such as （三）不予公开 is a row of
 * its own, before its first item; header words before it are the header's);
 * a header word starts one after a row label or values (the next sub-table's
 * caption), other text after values or a row's cells; values after header words alone start an unlabelled row (table
 * 四's figures). Blank lines end rows in the tab-led layout; a `|` stream's
 * spacer lines belong to the row before them.
 */
function segmentRows(cells: StreamCell[], layout: TableLayout): GridRow[] {
  const rows: GridRow[] = [];
  let cur: GridCell[] = [];
  let spacer: GridCell | undefined;
  let hasValue = false;
  let hasRowLabel = false;
  let hasLabel = false;
  /** A filled cell is in cur (roleOf calls every other cell empty). */
  let filled = false;
  const flush = () => {
    if (filled) {
      const lastLine = Math.max(cur[cur.length - 1].endLine, spacer?.line ?? 0);
      rows.push({ cells: cur, firstLine: cur[0].line, lastLine, layout, spacer });
    }
    cur = [];
    spacer = undefined;
    hasValue = hasRowLabel = hasLabel = filled = false;
    afterLabel = 0;
  };
  let afterLabel = 0;
  for (const { cell: c, breakBefore, spacer: spans } of cells) {
    if (spans) {
      if (filled) spacer = c;
      continue;
    }
    if (breakBefore) flush();
    const role = roleOf(c);
    if (role === "row" && (hasValue || hasLabel)) flush();
    else if (role === "header" && (hasValue || hasRowLabel)) flush();
    else if (role === "text" && (hasValue || (hasRowLabel && afterLabel > 0))) flush();
    else if (role === "value" && hasLabel && !hasRowLabel && !hasValue) flush();
    afterLabel = role === "row" || role === "header" || role === "text" ? 0 : afterLabel + 1;
    // Empty cells before a row's first label are spacers between rows: no row starts with them.
    if (role === "empty" && !filled && layout !== "cell-per-line") continue;
    cur.push(c);
    if (role !== "empty") filled = true;
    if (role === "value") hasValue = true;
    if (role === "row") hasRowLabel = true;
    if (role === "row" || role === "header" || role === "text") hasLabel = true;
  }
  flush();
  return rows;
}

function stackedRows(lines: SourceLine[], first: number, last: number, layout: TableLayout): GridRow[] {
  const cells =
    layout === "cell-per-line" ? tabLedCells(lines, first, last) : layout === "pipe-per-line" ? pipeStreamCells(lines, first, last) : bareLineCells(lines, first, last);
  return segmentRows(cells, layout);
}

function blockRows(lines: SourceLine[], first: number, last: number, layout: TableLayout): GridRow[] {
  if (layout === "cell-per-line" || layout === "pipe-per-line" || layout === "lines") return stackedRows(lines, first, last, layout);
  const rows: GridRow[] = [];
  let piped = 0;
  let outer = 0;
  for (let i = first; i <= last; i++) {
    if (isPiped(lines[i].text)) {
      piped++;
      if (hasOuterPipes(lines[i].text)) outer++;
    }
  }
  for (let i = first; i <= last; i++) {
    const s = lines[i].text;
    if (isBlank(s) || (layout === "pipes" && isPipeSeparator(s))) continue;
    const cells = layout === "pipes" && isPiped(s) ? pipeRowCells(i, s, outer === piped) : splitCells(i, s, "\t");
    rows.push({ cells, firstLine: i, lastLine: i, layout });
  }
  return rows;
}

/** A line that can be one cell of a flattened table: a value, an official table word, or a short line of words; never a sentence. */
const isShortCell = (s: string) => hasContent(s) && !isProse(s) && (contentLength(s) <= 30 || labelKind(labelKey(s)) !== undefined);

/** The next line after `j` that is not blank, or -1. */
function nextFilled(lines: SourceLine[], j: number, excluded: (line: number) => boolean): number {
  for (let k = j + 1; k < lines.length && !excluded(k); k++) if (!isBlank(lines[k].text)) return k;
  return -1;
}

/**
 * Finds the table blocks: runs of table lines, with the blank lines inside
 * them and the lines of a cell stream that carry no separator of their own
 * (a wrapped cell of the tab-led layout; a cell between lone `|` lines).
 * `excluded` marks lines already known to be headings. Then the tables made
 * of bare lines, among the lines left.
 */
export function findBlocks(lines: SourceLine[], excluded: (line: number) => boolean): GridBlock[] {
  const blocks: GridBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    if (excluded(i) || !isTableLine(lines[i].text)) {
      i++;
      continue;
    }
    const first = i;
    let last = i;
    let j = i + 1;
    while (j < lines.length && !excluded(j)) {
      const s = lines[j].text;
      if (isTableLine(s)) last = j;
      else if (isBlank(s)) {
        /* may be inside the table: decided by what follows */
      } else if (j === last + 1 && isLoneCell(lines[last].text) && contentLength(s) <= 30 && !isProse(s)) {
        last = j; // a wrapped cell: 本年新 / 制作数量
      } else if (isPiped(lines[last].text) && isShortCell(s) && isPiped(lines[nextFilled(lines, j, excluded)]?.text ?? "")) {
        last = j; // a cell between `|` lines
      } else break;
      j++;
    }
    const layout = chooseLayout(lines, first, last);
    blocks.push({ firstLine: first, lastLine: last, layout, rows: blockRows(lines, first, last, layout) });
    i = last + 1;
  }
  return mergeSorted(blocks, findBareBlocks(lines, excluded, blocks));
}

/** A bare block needs this many lines that name official table words: fewer is a list in the prose. */
const BARE_MIN_LABELS = 4;

/**
 * Tables whose cells stand on lines of their own with nothing but blank
 * lines between them (a web page copied as text): runs of short lines
 * outside the other blocks that start with an official table word and hold
 * enough of them. A run ends at a sentence, a heading or another block.
 */
function findBareBlocks(lines: SourceLine[], excluded: (line: number) => boolean, blocks: GridBlock[]): GridBlock[] {
  const taken = new Uint8Array(lines.length);
  for (const b of blocks) taken.fill(1, b.firstLine, b.lastLine + 1);
  const found: GridBlock[] = [];
  const isLabelLine = (s: string) => labelKind(labelKey(s)) !== undefined;
  let i = 0;
  while (i < lines.length) {
    const s = lines[i].text;
    if (taken[i] || excluded(i) || !isShortCell(s) || isValueLike(s) || !isLabelLine(s)) {
      i++;
      continue;
    }
    let last = i;
    let labels = 0;
    let j = i;
    for (; j < lines.length && !taken[j] && !excluded(j); j++) {
      const t = lines[j].text;
      if (!hasContent(t)) continue;
      if (!isShortCell(t) || t.includes("\t") || isPiped(t)) break;
      if (isValueLike(t) || isLabelLine(t)) last = j;
      if (isLabelLine(t) && !isValueLike(t)) labels++;
    }
    if (labels >= BARE_MIN_LABELS) {
      const rows = blockRows(lines, i, last, "lines");
      if (rows.length) found.push({ firstLine: i, lastLine: last, layout: "lines", rows });
      i = last + 1;
    } else i = Math.max(j, i + 1);
  }
  return found;
}

function mergeSorted(a: GridBlock[], b: GridBlock[]): GridBlock[] {
  return b.length ? [...a, ...b].sort((x, y) => x.firstLine - y.firstLine) : a;
}
