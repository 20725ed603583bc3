import { localized, type Localized, type Position } from "../core";

/**
 * Where a line of an imported draft came from in the Word document, so that
 * findings name what the user sees in Word. Paragraphs are numbered among the
 * body's non-empty paragraphs (empty ones are invisible to the reader);
 * tables, rows and grid columns from 1, tables in document order.
 */
export type WordLocation = { paragraph: number } | { table: number; row: number; column: number };

/** The origin of one draft line: a paragraph, or a table row whose cells are separated by tabs. */
export type LineOrigin = { paragraph: number } | { table: number; row: number };

export function describeWordLocation(location: WordLocation): Localized {
  if ("paragraph" in location) return localized(`第 ${location.paragraph} 段`, `paragraph ${location.paragraph}`);
  const { table, row, column } = location;
  return localized(`第 ${table} 个表格第 ${row} 行第 ${column} 列`, `table ${table}, row ${row}, column ${column}`);
}

/**
 * Maps positions of the draft to Word locations. A blank separator line
 * takes the origin of the nearest content line above it (a finding placed
 * after a table belongs to its last row).
 */
export function wordLocator(lines: string[], origins: (LineOrigin | undefined)[]): (position: Position) => WordLocation | undefined {
  return ({ line, character }) => {
    let i = Math.min(line, origins.length - 1);
    while (i > 0 && !origins[i]) i--;
    const origin = origins[i];
    if (!origin || "paragraph" in origin) return origin;
    // Cells are tab-separated and every grid column has its cell, so the column is one more than the tabs before.
    const before = i === line ? lines[i].slice(0, character) : lines[i];
    return { ...origin, column: before.split("\t").length };
  };
}
