/**
 * Reports rendered the way tables reach a draft when a web page is copied to
 * text (FORMATS.md §7, issue classes seen on published reports), besides the
 * core's own template layouts. Test-only: the core never writes these.
 *
 * A web table drops the cells a span covers: a header row keeps its
 * non-empty cells, a data row its non-empty labels and every value cell
 * (an empty value cell stays, as `|` or a no-break space).
 */
import fc from "fast-check";
import { formatById, type FormatId, type TableSpec } from "../../server/src/core/formats";
import { renderGrid, templateRows, type TemplateLayout, type ValueSource } from "../../server/src/core/templates";
import { cellKey, consistentFigures, writeFigure, type Figures } from "../property/arbitraries";

export type WebLayout =
  /** One cell per line ending in ` |`, `|` for an empty cell, a spacer line of pipes after each row. */
  | "pipe-per-line"
  /** Each row opened by a lone `|` line, then one cell per line ending in ` |`; the spans as pipes after the last cell. */
  | "lone-pipe-rows"
  /** Cells alternating with lone `|` lines; a row closed by a line of pipes. */
  | "alternating-pipes"
  /** One cell per line, a blank line after every cell, no tab and no row boundary at all. */
  | "blank-lines";

export type AnyLayout = TemplateLayout | WebLayout;

export const TEMPLATE_LAYOUTS: TemplateLayout[] = ["tabs", "pipes", "cell-per-line"];
export const WEB_LAYOUTS: WebLayout[] = ["pipe-per-line", "lone-pipe-rows", "alternating-pipes", "blank-lines"];

/** What an empty cell shows when it cannot be a bare `|` (an HTML `&nbsp;` copied as text). */
const NBSP = "\u00a0";

interface WebRow {
  cells: string[];
  /** Cells of the official grid this row does not write (spanned from the left or above). */
  spanned: number;
}

/** A grid row; `labels` cells lead a data row (a header row has none: all its cells are spans where empty). */
interface GridRow {
  cells: string[];
  labels: number;
}

/** A table's rows as a web page lays them out (see the file comment). */
function webRows(rows: GridRow[]): WebRow[] {
  const width = Math.max(...rows.map((r) => r.cells.length));
  return rows.map(({ cells, labels }) => {
    const kept = labels ? [...cells.slice(0, labels).filter((c) => c !== ""), ...cells.slice(labels)] : cells.filter((c) => c !== "");
    return { cells: kept, spanned: width - kept.length };
  });
}

function renderWebRow({ cells, spanned }: WebRow, layout: WebLayout): string[] {
  switch (layout) {
    case "pipe-per-line":
      return [...cells.map((c) => (c === "" ? "|" : `${c} |`)), "|".repeat(Math.max(2, spanned + 1))];
    case "lone-pipe-rows": {
      const lines = ["|", ...cells.map((c) => (c === "" ? "|" : `${c} |`))];
      if (spanned) lines[lines.length - 1] += ` ${"|".repeat(spanned)}`;
      return lines;
    }
    case "alternating-pipes":
      return [...cells.flatMap((c) => ["|", c === "" ? NBSP : c]), "|".repeat(spanned + 1)];
    case "blank-lines":
      return cells.flatMap((c) => [c === "" ? NBSP : c, ""]);
  }
}

export interface TableRendering {
  table: TableSpec;
  /** Values of the table's data rows by row id and column id; "0" where it gives none. */
  values?: ValueSource;
  /** A row left out, as a draft that lost it. */
  dropRow?: string;
  /** A value appended to this row after its last cell. */
  extraValueIn?: string;
}

/** A table's grid: header rows, then one row per template row with values. */
function grid({ table, values, dropRow, extraValueIn }: TableRendering): GridRow[] {
  const data = table.rows.filter((r) => r.values !== false);
  const rows = templateRows(table, values).map((cells, i) => ({ id: data[i].id, cells }));
  return [
    ...table.header.map((cells) => ({ cells, labels: 0 })),
    ...rows.filter((r) => r.id !== dropRow).map((r) => ({ cells: r.id === extraValueIn ? [...r.cells, "0"] : r.cells, labels: table.labelColumns })),
  ];
}

export function renderLayoutTable(t: TableRendering, layout: AnyLayout, eol = "\n"): string {
  const rows = grid(t);
  if (!(WEB_LAYOUTS as string[]).includes(layout)) return renderGrid(rows.map((r) => r.cells), layout as TemplateLayout, eol);
  return webRows(rows).flatMap((r) => renderWebRow(r, layout as WebLayout)).join(eol);
}

/** Which format each table of the report follows: one for all, or table 二 and table 三 apart (table 四 is the same in both). */
export type TableFormats = FormatId | { active: FormatId; applications: FormatId };

export interface LayoutReportOptions {
  year: number;
  organ?: string;
  formats: TableFormats;
  layout: AnyLayout;
  values?: ValueSource;
  /** The title line; `null` leaves it out. */
  title?: string | null;
  /** The paragraph after the title. */
  intro?: string;
  /** Prose of the sections without tables (1, 5, 6) and before the tables (2, 3, 4), by section index. */
  prose?: Record<number, string>;
  /** Lines before the title (a web page's furniture). */
  before?: string[];
  /** Lines after section 六 (signature, date, page furniture). */
  after?: string[];
  dropRow?: string;
  extraValueIn?: string;
  eol?: string;
}

const SECTION_PROSE: Record<number, string> = {
  1: "本机关按照条例要求，做好主动公开、依申请公开、政府信息管理、平台建设和监督保障等各项工作。",
  5: "本年度信息更新不够及时，下一步将完善发布审核流程。",
  6: "本年度未收取信息处理费。",
};

function tableFormatOf(formats: TableFormats, table: "active" | "applications" | "review"): FormatId {
  if (typeof formats === "string") return formats;
  return table === "review" ? formats.applications : formats[table];
}

function sectionTables(formats: TableFormats, section: number): TableSpec[] {
  const kind = section === 2 ? "active" : section === 3 ? "applications" : "review";
  return formatById(tableFormatOf(formats, kind)).tables.filter((t) => t.section === section);
}

/** Every table of the report, each in its own format, in document order. */
export const reportTables = (formats: TableFormats): TableSpec[] => [2, 3, 4].flatMap((section) => sectionTables(formats, section));

/** Figures satisfying every relation, each table's drawn from its own format. */
export function layoutFigures(formats: TableFormats): fc.Arbitrary<Figures> {
  const [active, others] = [tableFormatOf(formats, "active"), tableFormatOf(formats, "applications")];
  const activeRows = new Set(sectionTables(formats, 2).flatMap((t) => t.rows.map((r) => r.id)));
  const rowOf = (key: string) => key.split("\u0000")[0];
  return fc.tuple(consistentFigures(formatById(active)), consistentFigures(formatById(others))).map(
    ([a, o]) => new Map([...[...a].filter(([key]) => activeRows.has(rowOf(key))), ...[...o].filter(([key]) => !activeRows.has(rowOf(key)))]),
  );
}

/** The figures as a clean draft writes them; the 规章 row is 0 (a county office makes none, and regulation-authority would rightly say so). */
export function figureValues(formats: TableFormats, figures: Figures): ValueSource {
  const kinds = new Map(reportTables(formats).flatMap((t) => t.rows.flatMap((r) => t.columns.map((c) => [cellKey(r.id, c.id), c.kind] as const))));
  return (row, column) => {
    if (row === "rules") return "0";
    const value = figures.get(cellKey(row, column));
    return value === undefined ? undefined : writeFigure(value, kinds.get(cellKey(row, column))!);
  };
}

/** A whole report in any layout, each table in its own format. */
export function renderLayoutReport(o: LayoutReportOptions): string {
  const eol = o.eol ?? "\n";
  const organ = o.organ ?? "某某县人民政府办公室";
  const notice = formatById(tableFormatOf(o.formats, "applications")).notice;
  const title = o.title === undefined ? `${organ}${o.year}年政府信息公开工作年度报告` : o.title;
  const intro =
    o.intro ??
    `本报告根据《中华人民共和国政府信息公开条例》和${notice}要求编制。本报告中所列数据的统计期限自${o.year}年1月1日起至${o.year}年12月31日止。`;
  const blocks: string[] = [...(o.before ?? []), ...(title === null ? [] : [title]), intro];
  for (const s of formatById("2021").sections) {
    blocks.push(`${s.numeral}、${s.title}`);
    const prose = o.prose?.[s.index] ?? SECTION_PROSE[s.index];
    if (prose) blocks.push(prose);
    const tables = [2, 3, 4].includes(s.index) ? sectionTables(o.formats, s.index) : [];
    if (tables.length)
      blocks.push(
        tables.map((table) => renderLayoutTable({ table, values: o.values, dropRow: o.dropRow, extraValueIn: o.extraValueIn }, o.layout, eol)).join(o.layout === "cell-per-line" ? eol + eol : eol),
      );
  }
  blocks.push(...(o.after ?? []));
  return blocks.join(eol + eol) + eol;
}

/** 1-based line of the first line where two renderings differ: where a cell stands. */
export function firstDifferentLine(a: string, b: string): number {
  const la = a.split("\n");
  const lb = b.split("\n");
  let i = 0;
  while (i < la.length && la[i] === lb[i]) i++;
  return i + 1;
}
