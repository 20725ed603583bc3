import { formatById, type ColumnSpec, type FormatId, type FormatSpec, type RowSpec, type TableSpec } from "../formats";
import type { Cell, Placement, RawCell, Row, Table, TableLayout, UnreadableTable } from "../model";
import { KeyMemo } from "../memo";
import { hasContent, labelKey, stripNumbering, stripRemark, trimPadding, type SourceLine } from "../text";
import { range, type Range } from "../types";
import { isValueLike, readCell } from "./cells";
import { labelKind } from "./labels";
import { cellKey, contentRangeOf, isFilled, isValueCell, rawCell, type GridBlock, type GridCell, type GridRow } from "./grid";

/**
 * Matches raw grid rows to the official tables of a format: header rows by
 * their column labels, data rows by their (normalised) row labels, and each
 * value to its template column. Values are placed only when their columns are
 * certain; otherwise the row says how many values it has and why they could
 * not be placed.
 */

interface RowEntry {
  table: TableSpec;
  row: RowSpec;
  full: string;
  core: string;
}

/** A table's header labels as keys: each column's label and aliases. */
interface HeaderKeys {
  columns: { column: ColumnSpec; keys: string[]; uniqueLabel: boolean }[];
  /** Per header key: whether it names a column, and the column when it names exactly one with a label of its own. */
  hits: KeyMemo<{ matched: boolean; column?: string }>;
}

interface LabelIndex {
  entries: RowEntry[];
  /** Every table's markers in the format's table order: the first a header key holds names its table. */
  markers: { key: string; table: TableSpec }[];
  byFull: Map<string, RowEntry[]>;
  byCore: Map<string, RowEntry[]>;
  captions: Map<string, TableSpec>;
  headers: Map<TableSpec, HeaderKeys>;
  /** Row matches per current table (matchRowKey). */
  rowMatches: Map<TableSpec | undefined, KeyMemo<RowEntry | undefined>>;
}

const coreKey = (key: string) => stripRemark(stripNumbering(key));

const indexes = new WeakMap<FormatSpec, LabelIndex>();

/** Label matchers are built once per format. */
function labelIndex(format: FormatSpec): LabelIndex {
  let index = indexes.get(format);
  if (index) return index;
  index = { entries: [], markers: [], byFull: new Map(), byCore: new Map(), captions: new Map(), headers: new Map(), rowMatches: new Map() };
  const add = (map: Map<string, RowEntry[]>, key: string, e: RowEntry) => map.set(key, [...(map.get(key) ?? []), e]);
  for (const table of format.tables) {
    if (table.caption) index.captions.set(labelKey(table.caption), table);
    for (const m of table.markers) index.markers.push({ key: labelKey(m), table });
    const columns = table.columns.map((column) => ({
      column,
      keys: [column.label, ...(column.aliases ?? [])].map(labelKey),
      uniqueLabel: table.columns.filter((c) => c.label === column.label).length === 1,
    }));
    index.headers.set(table, { columns, hits: new KeyMemo((key) => columnHit(columns, key)) });
    for (const row of table.rows) {
      for (const label of [row.label, ...(row.aliases ?? [])]) {
        const full = labelKey(label);
        const e: RowEntry = { table, row, full, core: coreKey(full) };
        index.entries.push(e);
        add(index.byFull, full, e);
        add(index.byCore, e.core, e);
      }
    }
  }
  indexes.set(format, index);
  return index;
}

const prefer = (list: RowEntry[] | undefined, current?: TableSpec) =>
  list && (list.find((e) => e.table === current) ?? (list.length === 1 || !current ? list[0] : undefined));

function matchRowKey(key: string, format: FormatSpec, current?: TableSpec): RowEntry | undefined {
  if (!key) return undefined;
  const index = labelIndex(format);
  let memo = index.rowMatches.get(current);
  if (!memo) index.rowMatches.set(current, (memo = new KeyMemo((k) => findRow(index, k, current))));
  return memo.get(key);
}

function findRow(index: LabelIndex, key: string, current?: TableSpec): RowEntry | undefined {
  const core = coreKey(key);
  const exact = prefer(index.byFull.get(key), current) ?? prefer(index.byCore.get(core), current);
  if (exact) return exact;
  if (core.length < 4) return undefined;
  // A cut label (本年新 for 本年新制作数量) matches; a longer text that merely starts with a label
  // (行政许可证办理情况 in a list of documents) does not.
  const near = index.entries.filter((e) => e.core.startsWith(core));
  return prefer(near, current);
}

/** Whether a header key names a column of the table, and which one when it names exactly one that has a label of its own. */
function columnHit(columns: HeaderKeys["columns"], key: string): { matched: boolean; column?: string } {
  const hits = columns.filter((c) => c.keys.some((lk) => key === lk || (key.length >= 2 && lk.startsWith(key)) || key.startsWith(lk)));
  return { matched: hits.length > 0, column: hits.length === 1 && hits[0].uniqueLabel ? hits[0].column.id : undefined };
}

const CAPTION = /第二十条第\(([一二三四五六七八九十]+)\)项/;

/** Which table a header row belongs to, and the grid positions of the columns it names. */
function readHeader(cells: GridCell[], format: FormatSpec, current?: TableSpec): { table?: TableSpec; positions: Map<string, number> } | undefined {
  // Most rows hold values: they are no header, and need no label keys.
  // (A filled value-like cell has a non-empty key: labelKey drops none of the characters a value starts with.)
  for (let i = 0; i < cells.length; i++) if (isFilled(cells[i]) && isValueCell(cells[i])) return undefined;
  const keys = cells.map(cellKey);
  const index = labelIndex(format);
  let table: TableSpec | undefined;
  for (const key of keys) {
    if (!key) continue;
    const caption = CAPTION.exec(key);
    if (caption) {
      table = index.captions.get(labelKey(`第二十条第（${caption[1]}）项`)) ?? table;
      if (!table) return { positions: new Map() };
      continue;
    }
    table ??= index.markers.find((m) => key.includes(m.key))?.table;
  }
  const target = table ?? current;
  if (!target) return undefined;
  const positions = new Map<string, number>();
  let matched = 0;
  const header = index.headers.get(target)!;
  keys.forEach((key, i) => {
    if (!key) return;
    const hit = header.hits.get(key);
    if (hit.matched) matched++;
    if (hit.column) positions.set(hit.column, i);
  });
  if (!table && matched === 0) return undefined;
  return { table: target, positions };
}

interface TableState {
  table: Table;
  /** The template rows read so far: a row's second occurrence is not read again. */
  read: Set<RowSpec>;
  /** Column → cell index from header rows, when all header rows agree on the width. */
  grid: Map<string, number>;
  gridWidth?: number;
  gridBroken: boolean;
}

/**
 * Built field by field: spreading the raw cell and the reading into one
 * literal takes V8's slow path, and this runs for every value. The cell
 * shares its ranges with the row's raw cell (ranges are never changed).
 */
function toCell(raw: RawCell, column: TableSpec["columns"][number]): Cell {
  const { range: whole, contentRange: content } = raw;
  // On one line, the content's place in the text is known from its ranges: not trimmed again.
  const r =
    whole.start.line === whole.end.line
      ? readCell(raw.raw, column.kind, content.start.character - whole.start.character, content.end.character - whole.start.character)
      : readCell(raw.raw, column.kind);
  const cell: Cell = { raw: raw.raw, range: raw.range, contentRange: raw.contentRange, column, status: r.status };
  // The reading's own fields, and only those it has, as the spread copied them.
  if ("value" in r) cell.value = r.value;
  if ("canonical" in r) cell.canonical = r.canonical;
  if ("noneMarker" in r) cell.noneMarker = r.noneMarker;
  if ("problem" in r) cell.problem = r.problem;
  return cell;
}

/**
 * Places a row's values in the template's columns. `values` are the cells
 * after the row label; `offset` is the index of the first of them in the row.
 */
function place(
  state: TableState,
  values: GridCell[],
  raws: RawCell[],
  offset: number,
  rowWidth: number,
  layout: TableLayout,
  labelEnd: Range | undefined,
  spansLabel: boolean,
): { cells: (Cell | undefined)[]; placement: Placement; valueCount: number } {
  const columns = state.table.spec.columns;
  const n = columns.length;
  if (!values.length && layout === "lines" && labelEnd) {
    // Bare lines write no blank cell at all: a label with nothing after it is a row of blank cells, unwritten.
    const at = range(labelEnd.end.line, labelEnd.end.character, labelEnd.end.line, labelEnd.end.character);
    return { cells: columns.map((column) => ({ raw: "", range: at, contentRange: at, column, status: "empty", implied: true })), placement: "placed", valueCount: 0 };
  }
  const filled: number[] = [];
  values.forEach((c, i) => isFilled(c) && filled.push(i));
  /** The cells at these indexes of `values`, one per column. */
  const at = (idx: number[]) => ({ cells: idx.map((v, i) => toCell(raws[v], columns[i])), placement: "placed" as Placement, valueCount: filled.length });
  const firstN = () => Array.from({ length: n }, (_, i) => i);
  if (filled.length > n) return { cells: new Array(n).fill(undefined), placement: "too-many", valueCount: filled.length };
  if (filled.length === n) return at(filled);
  // n cells whose first is blank, after a label that spans both label columns (一、本年新收…) in a layout that
  // writes the span's cell: the blank may be that cell (one value is missing) or the first column's — the count proves neither.
  if (values.length === n && !(spansLabel && !isFilled(values[0]))) return at(firstN());
  const grid = state.grid;
  if (!state.gridBroken && state.gridWidth === rowWidth && grid.size === n) {
    const idx = columns.map((c) => grid.get(c.id)! - offset);
    if (idx.every((i) => i >= 0 && i < values.length) && filled.every((f) => idx.includes(f))) return at(idx);
  }
  if (values.length > n && !values.slice(n).some(isFilled)) {
    // Surplus cells that are all empty trail the row (tabs Word leaves at the line's end): the
    // first cells are the columns. Filling one blank cell then leaves the row placed as before.
    return at(firstN());
  }
  return { cells: new Array(n).fill(undefined), placement: "too-few", valueCount: filled.length };
}

/**
 * Layouts copied from a web page, which write no cell for what a span covers:
 * a blank after a label that spans both label columns is the first column's
 * cell, not the span's.
 */
const DROPS_SPANNED_CELLS = new Set<TableLayout>(["pipe-per-line", "lines"]);

/** The tables of one format as read, and their rows that hold text among their values (only those can hold another row's label). */
interface Reading {
  tables: Table[];
  textInValues: Map<Row, GridCell[]>;
}

/** Reads every table of one format out of the grid blocks. */
function readIn(blocks: GridBlock[], format: FormatSpec): Reading {
  const textInValues = new Map<Row, GridCell[]>();
  const states = new Map<string, TableState>();
  const order: TableState[] = [];
  let current: TableState | undefined;

  const stateFor = (spec: TableSpec, row: GridRow): TableState => {
    let s = states.get(spec.id);
    if (!s) {
      const first = range(row.firstLine, 0, row.firstLine, 0);
      s = {
        table: { spec, format: format.id, formatEvident: false, layout: row.layout, range: first, headingRange: first, rows: [], missingRows: [] },
        read: new Set(),
        grid: new Map(),
        gridBroken: false,
      };
      const firstCell = row.cells.find(isFilled) ?? row.cells[0];
      s.table.headingRange = firstCell ? contentRangeOf(firstCell) : first;
      states.set(spec.id, s);
      order.push(s);
    }
    // The table reaches to the row's last cell, or past it to the row's spacer line.
    const lastCell = row.cells[row.cells.length - 1];
    const end = row.spacer && row.spacer.line > (lastCell?.endLine ?? -1) ? row.spacer : lastCell;
    s.table.range = { start: s.table.range.start, end: end ? { line: end.endLine, character: end.end } : s.table.range.end };
    return s;
  };

  for (const block of blocks) {
    for (const row of block.rows) {
      const header = readHeader(row.cells, format, current?.table.spec);
      if (header) {
        if (!header.table) {
          current = undefined; // a caption of a table this format does not have
          continue;
        }
        current = stateFor(header.table, row);
        if (header.positions.size) {
          const width = row.cells.length;
          if (current.gridWidth !== undefined && current.gridWidth !== width) current.gridBroken = true;
          current.gridWidth = width;
          for (const [id, i] of header.positions) current.grid.set(id, i);
        }
        continue;
      }
      // The row label is the rightmost text cell that names a template row.
      let labelAt = -1;
      let entry: RowEntry | undefined;
      for (let i = row.cells.length - 1; i >= 0 && !entry; i--) {
        const c = row.cells[i];
        if (!isFilled(c) || isValueCell(c)) continue;
        entry = matchRowKey(cellKey(c), format, current?.table.spec);
        if (entry) labelAt = i;
      }
      let spec: RowSpec | undefined;
      if (entry) {
        current = stateFor(entry.table, row);
        spec = entry.row;
      } else if (current?.table.spec.unlabeledRow && row.cells.every((c) => !isFilled(c) || isValueCell(c))) {
        spec = current.table.spec.rows.find((r) => r.id === current!.table.spec.unlabeledRow);
        stateFor(current.table.spec, row);
      }
      if (!spec || !current) continue;
      if (current.read.has(spec)) continue;
      const values = row.cells.slice(labelAt + 1);
      // A group label with nothing after it (（三）不予公开 on a line of its own) carries no figure: it is no row of the table.
      if (spec.values === false && !values.some(isFilled)) continue;
      const raws = values.map(rawCell);
      const lastCell = row.cells[row.cells.length - 1];
      const labelCells: RawCell[] = [];
      for (let i = 0; i <= labelAt; i++) if (isFilled(row.cells[i])) labelCells.push(rawCell(row.cells[i]));
      const spansLabel = current.table.spec.labelColumns > 1 && !spec.group && labelCells.length === 1 && !DROPS_SPANNED_CELLS.has(row.layout);
      const labelEnd = labelAt >= 0 ? contentRangeOf(row.cells[labelAt]) : undefined;
      const placed = place(current, values, raws, labelAt + 1, row.cells.length, row.layout, labelEnd, spansLabel);
      const first = row.cells[0];
      const texts = values.filter((c) => isFilled(c) && !isValueCell(c));
      const read: Row = {
        spec,
        range: range(first.line, first.start, lastCell.endLine, lastCell.end),
        labelRange: labelAt >= 0 ? contentRangeOf(row.cells[labelAt]) : undefined,
        cells: placed.cells,
        placement: placed.placement,
        valueCount: placed.valueCount,
        rawCells: raws,
        labelCells,
        layout: row.layout,
      };
      current.table.rows.push(read);
      current.read.add(spec);
      if (texts.length) textInValues.set(read, texts);
    }
  }
  for (const s of order) {
    if (!s.table.rows.length && (s.table.layout === "lines" || s.table.layout === "pipe-per-line")) impliedUnlabeledRow(s.table);
    const found = new Set(s.table.rows.map((r) => r.spec.id));
    s.table.missingRows = s.table.spec.rows.filter((r) => r.values !== false && !found.has(r.id));
  }
  return { tables: order.map((s) => s.table), textInValues };
}

/**
 * Table 四's figures, all blank, in a layout that writes no blank cell (bare
 * lines) or cannot tell one from a spacer (a `|` stream): its header alone is
 * there, so its one row is a row of blank cells, unwritten.
 */
function impliedUnlabeledRow(table: Table): void {
  const spec = table.spec.rows.find((r) => r.id === table.spec.unlabeledRow);
  if (!spec) return;
  const at = range(table.range.end.line, table.range.end.character, table.range.end.line, table.range.end.character);
  table.rows.push({
    spec,
    range: at,
    cells: table.spec.columns.map((column) => ({ raw: "", range: at, contentRange: at, column, status: "empty", implied: true })),
    placement: "placed",
    valueCount: 0,
    rawCells: [],
    labelCells: [],
    layout: table.layout,
  });
}

/** A word only one format has, and where it stands (parser/index.ts finds them for the report's format). */
export interface SignatureHit {
  line: number;
  format: FormatId;
}

export interface ReadTables {
  tables: Table[];
  unreadable: UnreadableTable[];
}

const overlaps = (a: Table, b: Table) => a.range.start.line <= b.range.end.line && b.range.start.line <= a.range.end.line;

/**
 * Reads the tables, each in its own format: a table is read in the report's
 * format unless its own lines carry more words of another (a 2022 report
 * that pasted last year's 2019 table 二 beside the 2021 table 三). Then each
 * table is judged: one whose rows could not be told apart is set aside as
 * unreadable, so that nothing is computed from a guess.
 */
export function readTables(blocks: GridBlock[], documentFormat: FormatSpec, signatures: SignatureHit[], lines: SourceLine[]): ReadTables {
  const readings = new Map<FormatId, Reading>([[documentFormat.id, readIn(blocks, documentFormat)]]);
  const readingIn = (id: FormatId) => readings.get(id) ?? readings.set(id, readIn(blocks, formatById(id))).get(id)!;
  const tables: Table[] = [];
  for (const table of readings.get(documentFormat.id)!.tables) {
    const own = new Map<FormatId, number>();
    for (const hit of signatures)
      if (hit.line >= table.range.start.line && hit.line <= table.range.end.line) own.set(hit.format, (own.get(hit.format) ?? 0) + 1);
    const best = [...own].sort((a, b) => b[1] - a[1]);
    const formatId = best.length && (best.length === 1 || best[0][1] > best[1][1]) ? best[0][0] : documentFormat.id;
    const read = formatId === documentFormat.id ? table : readingIn(formatId).tables.find((t) => t.spec.id === table.spec.id && overlaps(t, table));
    if (!read || tables.includes(read)) continue;
    read.formatEvident = (own.get(formatId) ?? 0) > 0;
    tables.push(read);
  }
  const unreadable: UnreadableTable[] = [];
  const readable = tables.filter((t) => {
    const doubt = doubtsAbout(t, () => textsWithin(blocks, lines, t), formatById(t.format), readings.get(t.format)!.textInValues);
    if (doubt) unreadable.push(doubt);
    return !doubt;
  });
  return { tables: readable, unreadable };
}

/** Unplaced rows are a draft's own defect while they are few, or all carry the same surplus (one extra value in each). */
const MAX_UNPLACED_ROWS = 2;

/**
 * Why a table cannot be read with confidence, if it cannot: a row that holds
 * another row's label among its values, or more values than columns right
 * before a template row that is missing (rows glued together: the next row's
 * label lost, its values run on into this row), a template row whose label
 * stands in the table without being read as a row, or many rows whose values
 * cannot be placed and do not share one surplus.
 */
function doubtsAbout(table: Table, textsOf: () => string[], format: FormatSpec, textInValues: Map<Row, GridCell[]>): UnreadableTable | undefined {
  // Most tables have every row, each placed, with figures only among its values: nothing to doubt.
  if (!table.missingRows.length && table.rows.every((r) => r.placement === "placed" && !textInValues.has(r))) return undefined;
  // Only a cell that names a row (not a header word such as 其他 or 总计) can be a row read wrongly.
  const rowOfKey = (key: string) => (labelKind(key) === "row" ? matchRowKey(key, format, table.spec) : undefined);
  const rowOf = (raw: string) => (isValueLike(raw) ? undefined : rowOfKey(labelKey(raw)));
  const valueRows = table.spec.rows.filter((r) => r.values !== false);
  const missingNext = (r: Row) => table.missingRows.includes(valueRows[valueRows.indexOf(r.spec) + 1]);
  const namesOwnRow = (r: Row) => textInValues.get(r)?.some((c) => rowOfKey(cellKey(c))?.table === table.spec) ?? false;
  const glued = table.rows.filter((r) => namesOwnRow(r) || (r.placement === "too-many" && missingNext(r)));
  // The table's text is gathered only when a row is missing: most tables have every row.
  const texts = table.missingRows.length ? textsOf() : [];
  const hidden = table.missingRows.filter((m) => texts.some((raw) => rowOf(raw)?.row === m));
  const unplaced = table.rows.filter((r) => r.placement !== "placed");
  const surplus = new Set(unplaced.map((r) => (r.placement === "too-many" ? r.valueCount - table.spec.columns.length : -1)));
  const tooMany = unplaced.length > MAX_UNPLACED_ROWS && !(surplus.size === 1 && !surplus.has(-1));
  if (!glued.length && !hidden.length && !tooMany) return undefined;
  const rowLines = [...new Set([...glued, ...unplaced].map((r) => r.range.start.line))].sort((a, b) => a - b);
  return { spec: table.spec, range: table.range, headingRange: table.headingRange, rowLines, hiddenRows: hidden };
}

/** The filled text cells on the table's lines, and the lines among them that no block holds (a row that lost its separators). */
function textsWithin(blocks: GridBlock[], lines: SourceLine[], table: Table): string[] {
  const first = table.range.start.line;
  const last = table.range.end.line;
  const out: string[] = [];
  const covered = new Uint8Array(last - first + 1);
  for (const b of blocks) {
    if (b.lastLine < first || b.firstLine > last) continue;
    for (let l = Math.max(first, b.firstLine); l <= Math.min(last, b.lastLine); l++) covered[l - first] = 1;
    for (const row of b.rows)
      if (row.firstLine >= first && row.lastLine <= last) for (const c of row.cells) if (isFilled(c)) out.push(c.raw);
  }
  // Such a line is its label with the figures run on after it: the label is what can name a row.
  for (let l = first; l <= last; l++) if (!covered[l - first] && hasContent(lines[l].text)) out.push(withoutTrailingFigures(trimPadding(lines[l].text)));
  return out;
}

const FIGURE_CHARACTER = /[\d\s|/\-—－０-９]/;
/** The text less the figures, pipes and spaces it ends with — a scan from the end (a `[…]+$` regex is quadratic in a long run of them). */
function withoutTrailingFigures(s: string): string {
  let end = s.length;
  while (end > 0 && FIGURE_CHARACTER.test(s[end - 1])) end--;
  return s.slice(0, end);
}
