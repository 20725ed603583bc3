import type { Element } from "@xmldom/xmldom";
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
export function tableGrid(tbl: Element): string[][] {
  const rows = wChildren(tbl, "tr").map(rowCells);
  const declared = wChildren(wChild(tbl, "tblGrid") ?? tbl, "gridCol").length;
  const width = Math.max(declared, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...blank(width - r.length)]);
}

const blank = (n: number): string[] => new Array<string>(Math.max(0, n)).fill("");

function rowCells(tr: Element): string[] {
  const props = wChild(tr, "trPr");
  const cells = blank(wCount(props, "gridBefore"));
  for (const tc of wChildren(tr, "tc")) {
    const tcPr = wChild(tc, "tcPr");
    const span = Math.max(1, wCount(tcPr, "gridSpan"));
    cells.push(continuesMerge(tcPr) ? "" : visibleText(tc, "cell"), ...blank(span - 1));
  }
  return [...cells, ...blank(wCount(props, "gridAfter"))];
}

/** <w:vMerge/> or <w:vMerge w:val="continue"/>: the cell belongs to the merged cell above. */
function continuesMerge(tcPr: Element | undefined): boolean {
  const vMerge = wChild(tcPr, "vMerge");
  if (!vMerge) return false;
  const val = wVal(vMerge);
  return val === undefined || val === "continue";
}
