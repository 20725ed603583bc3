/**
 * The merged cells of a template table. The templates (core/templates) write
 * a merged cell as its text followed by "" for each grid cell it covers; this
 * recovers the merges: a text extends right over the empty cells after it,
 * then down over the rows whose cells under it are all empty (FORMATS.md §3–4:
 * 自然人 and 总计 span two header rows, 法人或其他组织 five columns, the first
 * header cell of table 三 two columns and three rows). Only header rows and
 * the label columns of data rows merge: an empty value cell is a value. In
 * the label columns an empty cell with a label on its left is that label's
 * (an ungrouped row such as （七）总计 fills both label columns), never the
 * continuation of the group label above it.
 */

export interface MergedCell {
  text: string;
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
}

export function mergeCells(grid: string[][], headerRows: number, labelColumns: number): MergedCell[] {
  const width = Math.max(...grid.map((r) => r.length));
  const covered = grid.map(() => new Array<boolean>(width).fill(false));
  const mergeable = (r: number, c: number) => r < headerRows || c < labelColumns;
  const free = (r: number, c: number) => (grid[r][c] ?? "") === "" && mergeable(r, c) && !covered[r][c];
  const claimedFromLeft = (r: number, c: number) => r >= headerRows && grid[r].slice(0, c).some((t) => t !== "");
  const lastColumn = (r: number, c: number) => {
    let right = c;
    while (right + 1 < width && free(r, right + 1)) right++;
    return right;
  };
  const lastRow = (r: number, from: number, to: number) => {
    const rowFree = (row: number) => covered[row].slice(from, to + 1).every((_, i) => free(row, from + i) && !claimedFromLeft(row, from + i));
    let bottom = r;
    while (bottom + 1 < grid.length && rowFree(bottom + 1)) bottom++;
    return bottom;
  };
  const cells: MergedCell[] = [];
  grid.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      if (covered[r][c]) continue;
      const text = row[c] ?? "";
      const merges = text !== "" && mergeable(r, c);
      const right = merges ? lastColumn(r, c) : c;
      const bottom = merges ? lastRow(r, c, right) : r;
      for (let rr = r; rr <= bottom; rr++) covered[rr].fill(true, c, right + 1);
      cells.push({ text, row: r, column: c, rowSpan: bottom - r + 1, columnSpan: right - c + 1 });
    }
  });
  return cells;
}
