import { formatForYear, formatById, type FormatId, type FormatSpec, type RowSpec, type TableSpec } from "../formats";
import type { TableLayout } from "../model";

/**
 * Text templates of the official formats: every table, every section, the
 * whole report. `gov-report new`, the fixes, the editor's completions and the
 * static snippets all come from here.
 */

export type TemplateLayout = "tabs" | "pipes" | "cell-per-line";

/**
 * The layout a fix writes into a table read in `layout`: `|` tables get `|` rows, tab-led
 * one-cell-per-line tables get that layout, and the rest (tab rows, bare lines) tab rows.
 */
export const writtenLayout = (layout: TableLayout): TemplateLayout =>
  layout === "pipes" || layout === "pipe-per-line" ? "pipes" : layout === "cell-per-line" ? "cell-per-line" : "tabs";

/** Value lookup for carrying figures into a template: (row id, column id) → text. */
export type ValueSource = (row: string, column: string) => string | undefined;

/** The label cells a template row starts with (group label on its first item, as in the official table). */
function labelCells(table: TableSpec, row: RowSpec): string[] {
  if (table.labelColumns === 0) return [];
  if (table.labelColumns === 1) return [row.label];
  const siblings = table.rows.filter((r) => r.group === row.group && r.values !== false);
  if (!row.group) return [row.label, ""];
  return [siblings[0] === row ? row.group : "", row.label];
}

export function templateRows(table: TableSpec, values?: ValueSource): string[][] {
  return table.rows
    .filter((r) => r.values !== false)
    .map((r) => [...labelCells(table, r), ...table.columns.map((c) => values?.(r.id, c.id) ?? "0")]);
}

export function renderRow(cells: string[], layout: TemplateLayout, eol: string): string {
  if (layout === "pipes") return `| ${cells.join(" | ")} |`;
  if (layout === "cell-per-line") return cells.map((c) => `\t${c}`).join(eol);
  return cells.join("\t");
}

export function renderTable(table: TableSpec, layout: TemplateLayout = "tabs", eol = "\n", values?: ValueSource): string {
  return renderGrid([...table.header, ...templateRows(table, values)], layout, eol);
}

/** Rows of cells in a layout; pipe rows get equal widths and the Markdown separator after the first row. */
export function renderGrid(rows: string[][], layout: TemplateLayout, eol: string): string {
  if (layout === "pipes") {
    const width = Math.max(...rows.map((r) => r.length));
    const pad = (r: string[]) => [...r, ...new Array(width - r.length).fill("")];
    const [first, ...rest] = rows.map(pad);
    return [renderRow(first, layout, eol), `|${" --- |".repeat(width)}`, ...rest.map((r) => renderRow(r, layout, eol))].join(eol);
  }
  return rows.map((r) => renderRow(r, layout, eol)).join(layout === "cell-per-line" ? eol + eol : eol);
}

export function sectionTables(format: FormatSpec, index: number): TableSpec[] {
  return format.tables.filter((t) => t.section === index);
}

const GUIDANCE: Record<number, string> = {
  1: "（概述本年度主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等工作情况。）",
  5: "（说明本年度政府信息公开工作存在的主要问题、上一年度问题的改进情况和下一步改进措施。）",
  6: "（说明信息处理费收取情况、政务公开工作要点落实情况等其他需要报告的事项。）",
};

export function renderSection(format: FormatSpec, index: number, eol = "\n", layout: TemplateLayout = "tabs", values?: ValueSource): string {
  const spec = format.sections.find((s) => s.index === index)!;
  const parts = [`${spec.numeral}、${spec.title}`];
  const tables = sectionTables(format, index);
  // In the one-cell-per-line layout only a blank line ends a row, so tables need one between them too.
  if (tables.length) parts.push(tables.map((t) => renderTable(t, layout, eol, values)).join(layout === "cell-per-line" ? eol + eol : eol));
  else parts.push(GUIDANCE[index] ?? "");
  return parts.join(eol + eol);
}

export interface NewReportOptions {
  year: number;
  organ?: string;
  format?: FormatId;
  layout?: TemplateLayout;
  eol?: string;
  /** Figures to fill the tables with (row ids are unique within a format); 0 where it gives none. */
  values?: ValueSource;
}

/** A complete report: title, statistics period, six sections, every table filled with `values` (default 0). */
export function renderReport({ year, organ = "××机关", format, layout = "tabs", eol = "\n", values }: NewReportOptions): string {
  const spec = format ? formatById(format) : formatForYear(year);
  const intro =
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和${spec.notice}要求编制。` +
    `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;
  const sections = spec.sections.map((s) => renderSection(spec, s.index, eol, layout, values));
  return [`${organ}${year}年政府信息公开工作年度报告`, intro, ...sections].join(eol + eol) + eol;
}
