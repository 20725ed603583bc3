/**
 * Merged header cells from a TableSpec's header grid, where "" stands for an
 * empty or a spanned cell: a label spans rightwards over the empty cells of
 * its row, then downwards while every cell below its span is empty.
 */

export interface HeaderCell {
  text: string;
  row: number;
  column: number;
  colspan: number;
  rowspan: number;
}

export function mergeHeader(grid: string[][]): HeaderCell[][] {
  const width = Math.max(0, ...grid.map((r) => r.length));
  const text = (r: number, c: number) => grid[r]?.[c] ?? "";
  const covered = grid.map(() => new Array<boolean>(width).fill(false));
  const rows: HeaderCell[][] = grid.map(() => []);
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < width; c++) {
      if (covered[r][c]) continue;
      const label = text(r, c);
      let colspan = 1;
      if (label) while (c + colspan < width && !text(r, c + colspan) && !covered[r][c + colspan]) colspan++;
      let rowspan = 1;
      const emptyBelow = (rr: number) => Array.from({ length: colspan }, (_, k) => c + k).every((cc) => !text(rr, cc) && !covered[rr][cc]);
      if (label) while (r + rowspan < grid.length && emptyBelow(r + rowspan)) rowspan++;
      for (let rr = r; rr < r + rowspan; rr++) covered[rr].fill(true, c, c + colspan);
      rows[r].push({ text: label, row: r, column: c, colspan, rowspan });
    }
  }
  return rows;
}
