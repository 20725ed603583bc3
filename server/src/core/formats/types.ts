import type { Localized, Severity } from "../types";

/**
 * The official formats as data. A format year is one FormatSpec; adding a
 * new one means adding data, not code.
 */

export type FormatId = "2019" | "2021";

export type ValueKind = "count" | "signed" | "amount";

export interface SectionSpec {
  /** 1..6, the canonical order. */
  index: number;
  numeral: string;
  title: string;
  /** Other wordings seen in published reports (accepted, hinted towards the canonical one). */
  variants: string[];
  /** Matches a heading's core wording (numeral and padding removed) that belongs to this section. */
  pattern: RegExp;
  /** What the section must contain, for hovers and documentation. */
  contents: Localized;
}

export interface ColumnSpec {
  id: string;
  label: string;
  /** Accepted header wordings besides the label (cut or split header cells match by prefix). */
  aliases?: string[];
  kind: ValueKind;
  /** Ids of the columns of another format that hold the same figure (for converting between formats). */
  carriesFrom?: string[];
  /** Header group shown above the column (申请人情况 / 法人或其他组织 / 行政复议 …). */
  group?: string;
  subgroup?: string;
}

export interface RowSpec {
  id: string;
  /** The official label with its numbering, e.g. （一）予以公开. */
  label: string;
  aliases?: string[];
  /** Label of the group heading this row sits under (（三）不予公开 …). */
  group?: string;
  /** Group headings and the 三、本年度办理结果 row carry no values in the template. */
  values?: boolean;
  /** Ids of rows of another format whose figures add up to this row's (for converting between formats). */
  carriesFrom?: string[];
}

/** sum(left) = sum(right) for every row (terms are column ids) or every column (terms are row ids). */
export interface RelationSpec {
  rule: string;
  each: "row" | "column";
  left: string[];
  right: string[];
  /** The term where a mismatch is reported and fixed; it is one of left or right. */
  target: string;
  /** Limits an each-row relation to these rows (default: every row with values). */
  rows?: string[];
  /** Limits an each-column relation to these columns (default: all). */
  columns?: string[];
  description: Localized;
}

export interface TableSpec {
  /** Unique within a format: "active-1", "applications", "review" … */
  id: string;
  /** Section index (1..6) the table belongs in. */
  section: number;
  title: Localized;
  /** Sub-tables of table 二 start with a caption row such as 第二十条第（一）项. */
  caption?: string;
  /** Header cell texts that identify the table when seen (besides its column labels). */
  markers: string[];
  /** Header rows for templates: each row is a list of cells, "" for an empty cell. */
  header: string[][];
  /** How many label cells precede the values in template rows. */
  labelColumns: number;
  columns: ColumnSpec[];
  rows: RowSpec[];
  relations: RelationSpec[];
  /** A table whose rows carry no label (table 四's single row of 15 figures). */
  unlabeledRow?: string;
}

export interface FormatSpec {
  id: FormatId;
  name: Localized;
  notice: string;
  /** First report year the format applies to; it applies until the next format's first year. */
  firstYear: number;
  sections: SectionSpec[];
  tables: TableSpec[];
  /** Header or row wordings found only in this format (FORMATS.md §6). */
  signatures: string[];
}

export interface RuleDefaults {
  severity: Severity;
}
