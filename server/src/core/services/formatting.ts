import type { ReportModel } from "../model";
import type { TextEdit } from "../types";
import { blockRange, documentEol, oneRowPerLine, renderBlock, tableBlocks } from "./grid";

/**
 * Document formatting: every statistics table with one row per line, cells
 * without padding, and each figure in its canonical spelling (full-width
 * digits, 减2, thousands separators and units rewritten). The value of a
 * figure never changes: only spellings the parser already reads as that
 * number are replaced, and empty cells stay empty.
 */
export function formatTables(model: ReportModel): TextEdit[] {
  const canonical = new Map<string, string>();
  for (const table of model.tables)
    for (const row of table.rows)
      for (const cell of row.cells)
        if (cell?.status === "number" && cell.canonical !== undefined) canonical.set(key(cell.contentRange.start.line, cell.contentRange.start.character), cell.canonical);
  const eol = documentEol(model);
  const edits: TextEdit[] = [];
  for (const block of tableBlocks(model)) {
    const range = blockRange(model, block);
    const current = model.lines
      .slice(block.firstLine, block.lastLine + 1)
      .map((l, i) => l.text + (block.firstLine + i < block.lastLine ? l.eol : ""))
      .join("");
    const formatted = renderBlock(block, oneRowPerLine(block.layout), eol, (c) => canonical.get(key(c.line, c.contentStart)) ?? c.raw);
    if (formatted !== current) edits.push({ range, newText: formatted });
  }
  return edits;
}

const key = (line: number, character: number) => `${line}:${character}`;
