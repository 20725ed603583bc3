import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { checkText, type Config, type Finding, type ReportModel, type Table as ReportTable } from "../core";
import { isDirectiveLine } from "../core/suppress";
import { templateRows } from "../core/templates";
import { declareFonts } from "./fontTable";
import { mergeCells, type MergedCell } from "./merges";
import { CELL_MARGINS, PAGE, STYLES, TABLE_TEXT, TEXT_WIDTH } from "./typography";

/**
 * Exports a draft as the official Word document: the title centred, the
 * section and sub-section headings, the prose, and the statistics tables as
 * Word tables laid out by the templates (core/templates) with their merged
 * header cells, filled with the draft's figures. The tables of one section
 * that follow each other (the sub-tables of 二) form one Word table, as in
 * the official format.
 */

export interface ExportOptions {
  /** Export even when the draft has errors. */
  force?: boolean;
  config?: Config;
  /** Last year's report of the same organ, for the cross-year rules. */
  previous?: ReportModel;
}

export type ExportResult = { exported: true; docx: Uint8Array; findings: Finding[] } | { exported: false; errors: Finding[] };

export async function exportDocx(text: string, options: ExportOptions = {}): Promise<ExportResult> {
  const { model, findings } = checkText(text, { config: options.config, previous: options.previous });
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length && !options.force) return { exported: false, errors };
  const document = new Document({
    title: model.title?.text,
    styles: STYLES,
    sections: [{ properties: { page: PAGE }, children: reportBlocks(model) }],
  });
  return { exported: true, docx: await declareFonts(await Packer.toArrayBuffer(document)), findings };
}

type LineRole = "title" | "heading" | "subheading" | "body" | "table";

/** What each line of the draft is; a line the parser kept out of prose and headings belongs to a table. */
function lineRoles(model: ReportModel): (LineRole | undefined)[] {
  const roles = model.lines.map((l): LineRole | undefined => (l.text.trim() === "" ? undefined : "table"));
  for (const p of model.paragraphs) roles[p.line] = "body";
  for (const s of model.sections) {
    roles[s.range.start.line] = "heading";
    for (const h of s.subheadings) roles[h.range.start.line] = "subheading";
  }
  for (const line of model.title?.lines ?? []) roles[line] = "title";
  // A disable comment tells the checker what to accept; it is no part of the published report.
  model.lines.forEach((l, i) => {
    if (isDirectiveLine(l.text)) roles[i] = undefined;
  });
  return roles;
}

interface TableGroup {
  tables: ReportTable[];
  firstLine: number;
  lastLine: number;
}

/** Tables of one section with nothing but blank lines between them. */
function tableGroups(model: ReportModel, roles: (LineRole | undefined)[]): TableGroup[] {
  const groups: TableGroup[] = [];
  const sorted = [...model.tables].sort((a, b) => a.range.start.line - b.range.start.line);
  for (const table of sorted) {
    const last = groups[groups.length - 1];
    const { start, end } = table.range;
    const adjacent = last && last.tables[0].spec.section === table.spec.section && roles.slice(last.lastLine + 1, start.line).every((r) => r === undefined);
    if (adjacent) {
      last.tables.push(table);
      last.lastLine = Math.max(last.lastLine, end.line);
    } else groups.push({ tables: [table], firstLine: start.line, lastLine: end.line });
  }
  return groups;
}

function reportBlocks(model: ReportModel): (Paragraph | Table)[] {
  const roles = lineRoles(model);
  const groups = tableGroups(model, roles);
  const blocks: (Paragraph | Table)[] = [];
  const emitted = new Set<TableGroup>();
  model.lines.forEach((line, i) => {
    const role = roles[i];
    if (!role) return;
    const group = role === "table" ? groups.find((g) => g.firstLine <= i && i <= g.lastLine) : undefined;
    if (group) {
      if (!emitted.has(group)) blocks.push(wordTable(group.tables));
      emitted.add(group);
      return;
    }
    // A table line outside the known tables (a table of the organ's own) stays as it was written, tabs and all.
    blocks.push(paragraph(line.text.trim(), role === "table" ? "body" : role));
  });
  return blocks;
}

const HEADINGS = { title: HeadingLevel.TITLE, heading: HeadingLevel.HEADING_1, subheading: HeadingLevel.HEADING_2 };

function paragraph(text: string, role: Exclude<LineRole, "table">): Paragraph {
  const children = text.split("\t").flatMap((part, i) => (i ? [new Tab(), part] : [part]));
  return new Paragraph({ heading: role === "body" ? undefined : HEADINGS[role], children: [new TextRun({ children })] });
}

/** The figure the draft has in each cell, as written; "" where the draft has none (never an invented 0). */
function draftValues(table: ReportTable) {
  return (rowId: string, columnId: string): string => {
    const column = table.spec.columns.findIndex((c) => c.id === columnId);
    return table.rows.find((r) => r.spec.id === rowId)?.cells[column]?.raw.trim() ?? "";
  };
}

/** One Word table for a group of template tables; the narrower ones stretch their last cell to the widest grid. */
function wordTable(tables: ReportTable[]): Table {
  const width = Math.max(...tables.map((t) => t.spec.labelColumns + t.spec.columns.length));
  return new Table({
    rows: tables.flatMap((t) => tableRows(t, width, tables.length === 1)),
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columnWidths(width, tables[0].spec.labelColumns),
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    alignment: AlignmentType.CENTER,
  });
}

/** The rows of one template table filled with the draft's figures, its merged cells as Word merges. */
function tableRows(table: ReportTable, width: number, repeatHeader: boolean): TableRow[] {
  const spec = table.spec;
  const grid = [...spec.header, ...templateRows(spec, draftValues(table))];
  const ownWidth = spec.labelColumns + spec.columns.length;
  const cells = mergeCells(grid, spec.header.length, spec.labelColumns).map((c) =>
    c.column + c.columnSpan === ownWidth ? { ...c, columnSpan: c.columnSpan + width - ownWidth } : c,
  );
  return grid.map((_, r) => {
    const header = r < spec.header.length;
    const kind = (c: MergedCell) => (header ? "header" : c.column < spec.labelColumns ? "label" : "value");
    return new TableRow({
      cantSplit: true,
      // Header rows stay with the first figures, and repeat on every page when the table is a Word table of its own.
      keepNext: header,
      tableHeader: header && repeatHeader,
      children: cells.filter((c) => c.row === r).map((c) => wordCell(c, kind(c))),
    });
  });
}

/** Label columns share two fifths of the width, value columns the rest. */
function columnWidths(width: number, labelColumns: number): number[] {
  const labelShare = labelColumns ? 0.4 : 0;
  const label = Math.floor((TEXT_WIDTH * labelShare) / Math.max(1, labelColumns));
  const value = Math.floor((TEXT_WIDTH - label * labelColumns) / (width - labelColumns));
  return Array.from({ length: width }, (_, i) => (i < labelColumns ? label : value));
}

function wordCell(cell: MergedCell, kind: "header" | "label" | "value"): TableCell {
  return new TableCell({
    columnSpan: cell.columnSpan,
    rowSpan: cell.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        style: TABLE_TEXT,
        alignment: kind === "label" ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [new TextRun(cell.text)],
      }),
    ],
  });
}
