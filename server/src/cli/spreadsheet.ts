import ExcelJS from "exceljs";

/**
 * Writes a workbook with exceljs. Its own bundle, dist/xlsx.js (scripts/build.mjs),
 * loaded only when a spreadsheet is written (xlsx.ts): exceljs is larger than the rest of the CLI.
 */

export interface SheetColumn {
  header: string;
  /** In characters. */
  width: number;
  /** Long text wraps within the column. */
  wrap?: boolean;
}

export interface Sheet {
  name: string;
  columns: SheetColumn[];
  rows: (string | number)[][];
}

/** Each sheet with its header row in bold and frozen, a filter on every column, the columns' widths set. */
export async function writeWorkbook(sheets: Sheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "gov-report";
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width, style: c.wrap ? { alignment: { wrapText: true, vertical: "top" } } : { alignment: { vertical: "top" } } }));
    ws.addRows(sheet.rows);
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
