import type { ReportModel, TableLayout } from "../model";
import { findBlocks, type GridBlock, type GridCell } from "../parser/grid";
import { readHeading } from "../parser/headings";
import { renderGrid, type TemplateLayout } from "../templates";
import { trimPadding } from "../text";
import { range, type Range } from "../types";

/**
 * The grid blocks of a draft (raw rows of cells, header rows included) for
 * the features that rewrite whole tables. The model keeps only the rows it
 * recognised, so the blocks are found again the way the parser finds them.
 */
export function gridBlocks(model: ReportModel): GridBlock[] {
  return findBlocks(model.lines, (i) => readHeading(i, model.lines[i].text)?.spec !== undefined);
}

/** Blocks that hold at least one recognised table. */
export function tableBlocks(model: ReportModel): GridBlock[] {
  return gridBlocks(model).filter((b) => model.tables.some((t) => t.range.start.line <= b.lastLine && t.range.end.line >= b.firstLine));
}

export function blockAt(model: ReportModel, line: number): GridBlock | undefined {
  return gridBlocks(model).find((b) => b.firstLine <= line && line <= b.lastLine);
}

/** The layout that puts each row on one line while keeping the block's separator. */
export function oneRowPerLine(layout: TableLayout): TemplateLayout {
  return layout === "pipes" || layout === "pipe-per-line" ? "pipes" : "tabs";
}

/** Whole lines of the block, so a replacement leaves no stray cell text behind. */
export function blockRange(model: ReportModel, block: GridBlock): Range {
  return range(block.firstLine, 0, block.lastLine, model.lines[block.lastLine].text.length);
}

/** The block re-rendered in a layout; `cellText` may rewrite a cell (its padding is always dropped). */
export function renderBlock(
  block: GridBlock,
  layout: TemplateLayout,
  eol: string,
  cellText: (cell: GridCell) => string = (cell) => cell.raw,
): string {
  const rows = block.rows.map((row) => row.cells.map((c) => trimPadding(cellText(c))));
  // A one-cell row (a caption such as 第二十条第（一）项) keeps a tab, or it would no longer read as part of the table.
  return renderGrid(layout === "tabs" ? rows.map((r) => (r.length === 1 ? [...r, ""] : r)) : rows, layout, eol);
}

export function documentEol(model: ReportModel): string {
  return model.lines.find((l) => l.eol)?.eol ?? "\n";
}
