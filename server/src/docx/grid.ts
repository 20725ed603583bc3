import type { Element } from "@xmldom/xmldom";
import { checkColumns, type Budget } from "./limits";
import { visibleText } from "./text";
import { wChild, wChildren, wCount, wVal } from "./xml";

/**
 * A Word table as a full grid of cell texts: every row has one entry per
 * grid column (w:tblGrid), so a value stands in the same column index in
 * every row whatever the merges. A cell spanning columns (w:gridSpan) keeps
 * its text in its first column and leaves the others empty; a cell that
 * continues a vertical merge (w:vMerge without "restart") is empty, since
 * Word shows only the first cell's content; rows that start or end inside
 * the grid (w:gridBefore, w:gridAfter) are padded with empty cells.
 */
export function tableGrid(tbl: Element, cells: Budget): string[][] {
  const declared = wChildren(wChild(tbl, "tblGrid") ?? tbl, "gridCol").length;
  checkColumns(declared);
  const rows = wChildren(tbl, "tr").map((tr) => rowCells(tr, cells));
  const width = rows.reduce((w, r) => Math.max(w, r.length), declared);
  cells.take(rows.reduce((padding, r) => padding + width - r.length, 0));
  return rows.map((r) => [...r, ...blank(width - r.length)]);
}

const blank = (n: number): string[] => new Array<string>(Math.max(0, n)).fill("");

/** A row's cells on the grid; its width is checked before any of them is made (a span can claim millions of columns). */
function rowCells(tr: Element, cells: Budget): string[] {
  const props = wChild(tr, "trPr");
  const tcs = wChildren(tr, "tc").map((tc) => ({ tc, tcPr: wChild(tc, "tcPr") }));
  const before = wCount(props, "gridBefore");
  const after = wCount(props, "gridAfter");
  const spans = tcs.map(({ tcPr }) => Math.max(1, wCount(tcPr, "gridSpan")));
  const width = spans.reduce((sum, span) => sum + span, before + after);
  checkColumns(width);
  cells.take(width);
  const row = blank(before);
  tcs.forEach(({ tc, tcPr }, i) => row.push(continuesMerge(tcPr) ? "" : visibleText(tc, "cell"), ...blank(spans[i] - 1)));
  return [...row, ...blank(after)];
}

/** <w:vMerge/> or <w:vMerge w:val="continue"/>: the cell belongs to the merged cell above. */
function continuesMerge(tcPr: Element | undefined): boolean {
  const vMerge = wChild(tcPr, "vMerge");
  if (!vMerge) return false;
  const val = wVal(vMerge);
  return val === undefined || val === "continue";
}
