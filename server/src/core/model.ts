import type { FormatId, FormatSpec, ColumnSpec, RowSpec, SectionSpec, TableSpec } from "./formats";
import type { SourceLine } from "./text";
import type { Range } from "./types";

/** What parse() returns: the report as the checks and the editor see it. Every part keeps its source range. */
export interface ReportModel {
  lines: SourceLine[];
  title?: Title;
  /** The organ named by the title, without the year and the 政府信息公开工作年度报告 part. */
  organ?: string;
  year?: ReportYear;
  period?: StatisticsPeriod;
  /** Section headings in document order (a duplicated section appears twice). */
  sections: Section[];
  /** Numbered headings at section level that name no known section. */
  strayHeadings: Heading[];
  /** The tables read with confidence; the checks compute only from these. */
  tables: Table[];
  /** Tables whose words are there but whose rows could not be read with confidence: one finding each, nothing computed. */
  unreadableTables: UnreadableTable[];
  /** Text lines outside tables, for the narrative checks. */
  paragraphs: Paragraph[];
  artifacts: Artifact[];
  format: FormatInfo;
  /** True when the text has a report title, or sections and tables of one. */
  isReport: boolean;
}

export interface Title {
  text: string;
  range: Range;
  /** Lines the title spans (two when it is split). */
  lines: number[];
  year?: { value: number; range: Range };
}

export interface ReportYear {
  value: number;
  source: "title" | "period" | "body";
  range: Range;
}

export interface StatisticsPeriod {
  startYear: number;
  endYear: number;
  range: Range;
}

export interface Heading {
  /** The heading line, padding and debris included. */
  range: Range;
  /** Text of the heading without debris and padding. */
  text: string;
  /** The numeral written before it (一 …), and where. */
  numeral?: { text: string; value: number; range: Range };
  /** Where the wording after the numeral stands. */
  titleRange: Range;
  /** The wording after the numeral, normalised. */
  core: string;
}

export interface Section extends Heading {
  spec: SectionSpec;
  /** The heading's wording is not the canonical one. */
  variant: boolean;
  /** From the heading line to the line before the next section heading. */
  bodyRange: Range;
  subheadings: Subheading[];
}

export type SubheadingStyle = "paren" | "arabic" | "ordinal";

export interface Subheading {
  style: SubheadingStyle;
  value: number;
  text: string;
  range: Range;
  /** The numbering itself, e.g. （四）. */
  numberRange: Range;
}

export type TableLayout = "tabs" | "cell-per-line" | "pipes" | "pipe-per-line" | "lines";

export interface Table {
  spec: TableSpec;
  /** The format this table was read in: its own words decide (a report may paste last year's table 二 beside this year's table 三). */
  format: FormatId;
  /** The table's own cells carry words only its format has; otherwise its format is the report's. */
  formatEvident: boolean;
  layout: TableLayout;
  range: Range;
  /** The first line of the table (its caption or header). */
  headingRange: Range;
  rows: Row[];
  /** Template rows that were not found. */
  missingRows: RowSpec[];
  /** Where missing rows would be inserted (line after which the row belongs). */
}

export interface UnreadableTable {
  spec: TableSpec;
  range: Range;
  headingRange: Range;
  /** Lines (0-based) of the rows that could not be told apart or placed. */
  rowLines: number[];
  /** Template rows whose labels stand in the table but were not read as rows. */
  hiddenRows: RowSpec[];
}

export type Placement = "placed" | "too-many" | "too-few";

export interface Row {
  spec: RowSpec;
  range: Range;
  labelRange?: Range;
  /** One entry per template column; undefined where the row's values could not be placed. */
  cells: (Cell | undefined)[];
  placement: Placement;
  /** Number of values found when they could not be placed. */
  valueCount: number;
  /** All value cells of the row in source order (placed or not). */
  rawCells: RawCell[];
  /** The label cells of the row (group label, item label). */
  labelCells: RawCell[];
  layout: TableLayout;
}

export interface RawCell {
  /** Cell text exactly as written. */
  raw: string;
  /** The cell's range; for an empty cell an empty range where it stands. */
  range: Range;
  /** The range of the cell's content without padding. */
  contentRange: Range;
}

export type CellStatus = "number" | "empty" | "invalid";

export interface Cell extends RawCell {
  column: ColumnSpec;
  status: CellStatus;
  /** Numeric value when status is "number". */
  value?: number;
  /** The canonical spelling when the written one is not canonical (full-width digits, 减2, units …). */
  canonical?: string;
  /** Why an invalid cell is invalid. */
  problem?: "not-a-number" | "negative" | "fraction" | "sign" | "double-sign";
  /** "/", "-", "无": the template expects 0. */
  noneMarker?: boolean;
  /** A blank cell the draft does not write at all (a row of bare lines with nothing after its label): no text to edit. */
  implied?: boolean;
}

export interface Paragraph {
  line: number;
  text: string;
  /** Index of the section the paragraph belongs to (1..6), 0 before the first section. */
  section: number;
}

export interface Artifact {
  text: string;
  range: Range;
}

export interface FormatInfo {
  /** The format the tables follow, from their signatures; undefined when no table says. */
  detected?: FormatId;
  /** The format the report year requires. */
  expected?: FormatId;
  /** The format used to read the tables: detected, else expected, else 2021. */
  used: FormatSpec;
  /** Where a signature of the detected format stands (for template-version). */
  signatureRange?: Range;
}
