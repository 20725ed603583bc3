import type { RawCell, TableLayout } from "../model";
import { contentBounds, contentEnd, contentLength, contentStart, hasContent, labelKey, trimPadding, type SourceLine } from "../text";
import { range, type Range } from "../types";

/**
 * Turns the table-like lines of a draft into rows of raw cells, whatever the
 * layout (FORMATS.md §7): tab-separated rows, one cell per line (a line that
 * starts with a tab is a cell, a blank line ends the row, a line without a tab
 * continues the cell above), `|` rows with or without outer pipes, and one
 * cell per line ending in ` |`.
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
}

export const cellKey = (c: GridCell): string => (c.key ??= labelKey(c.raw));

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
const ONE_TRAILING_PIPE = /^[^|]*\|\s*$/;

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
  return { raw: text.slice(from, to), line, start: from, endLine: line, end: to, contentStart: a, contentEnd: b, key: undefined };
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

const PIPE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const isPipeSeparator = (s: string) => PIPE_SEPARATOR.test(s);

function chooseLayout(lines: SourceLine[], first: number, last: number): TableLayout {
  let piped = 0;
  let pipeEnded = 0;
  let lone = 0;
  let tabbed = 0;
  for (let i = first; i <= last; i++) {
    const s = lines[i].text;
    if (isPiped(s)) {
      piped++;
      if (ONE_TRAILING_PIPE.test(s)) pipeEnded++;
    } else if (s.includes("\t")) {
      tabbed++;
      if (isLoneCell(s)) lone++;
    }
  }
  if (piped > tabbed) return pipeEnded * 2 > piped ? "pipe-per-line" : "pipes";
  return lone * 5 > tabbed * 3 ? "cell-per-line" : "tabs";
}

/** Rows of a block whose rows are one cell per line, separated by blank lines. */
function stackedRows(lines: SourceLine[], first: number, last: number, layout: TableLayout): GridRow[] {
  const rows: GridRow[] = [];
  let cur: GridRow | undefined;
  const flush = () => {
    if (cur && cur.cells.length) rows.push(cur);
    cur = undefined;
  };
  for (let i = first; i <= last; i++) {
    const s = lines[i].text;
    if (isBlank(s)) {
      flush();
      continue;
    }
    const startsCell = layout === "cell-per-line" ? s.charCodeAt(0) === 9 : TRAILING_PIPE.test(s);
    if (startsCell || !cur || !cur.cells.length) {
      cur ??= { cells: [], firstLine: i, lastLine: i, layout };
      if (layout === "cell-per-line") {
        // A tab-led line may still hold several cells (a row of the tab layout inside the block).
        splitCells(i, s, "\t", s.charCodeAt(0) === 9 ? 1 : 0, cur.cells);
      } else {
        const bar = s.lastIndexOf("|");
        cur.cells.push(cell(i, s, 0, bar >= 0 ? bar : s.length));
      }
    } else {
      // Continuation of the cell above: the cell now spans lines.
      const prev = cur.cells[cur.cells.length - 1];
      const [a, b] = contentBounds(s);
      cur.cells[cur.cells.length - 1] = {
        raw: trimPadding(prev.raw) + s.slice(a, b),
        line: prev.line,
        start: prev.start,
        endLine: i,
        end: s.length,
        contentStart: prev.contentStart,
        contentEnd: b,
        key: undefined,
      };
    }
    cur.lastLine = i;
  }
  flush();
  return rows;
}

function blockRows(lines: SourceLine[], first: number, last: number, layout: TableLayout): GridRow[] {
  if (layout === "cell-per-line" || layout === "pipe-per-line") return stackedRows(lines, first, last, layout);
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

/**
 * Finds the table blocks: runs of table lines, with the blank lines inside
 * them and, in the one-cell-per-line layout, the continuation lines.
 * `excluded` marks lines already known to be headings.
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
      } else break;
      j++;
    }
    const layout = chooseLayout(lines, first, last);
    blocks.push({ firstLine: first, lastLine: last, layout, rows: blockRows(lines, first, last, layout) });
    i = last + 1;
  }
  return blocks;
}
