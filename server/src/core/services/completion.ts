import type { FormatSpec, RowSpec, SectionSpec, TableSpec } from "../formats";
import type { ReportModel, Table } from "../model";
import { isValueLike } from "../parser/cells";
import { renderSection, renderTable, sectionTables, type TemplateLayout } from "../templates";
import { contentBounds, trimPadding } from "../text";
import { lineRange, localized, pick, type Locale, type Position, type Range } from "../types";

/**
 * Completion: inside a table, the canonical labels of the rows it lacks; on
 * a line that is starting a heading, the statistics tables, the next sections
 * in the official order and whole-section templates — all rendered by
 * core/templates in the report's format. The words a clerk types for a table
 * (表三, 收到和处理, 三、, 插入, table …) bring that table first, once.
 */

export type CompletionKind = "section" | "row" | "template";

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail: string;
  /** Markdown shown beside the list: what the entry inserts. */
  documentation?: string;
  /** What the editor matches the typed text against (default: the label). */
  filterText?: string;
  /** Replaces `range`. */
  insertText: string;
  range: Range;
  /** Keeps the official order in the list. */
  sortText: string;
  preselect?: boolean;
}

export interface CompletionOptions {
  locale: Locale;
  layout: TemplateLayout;
  eol: string;
}

/** Longer text before the cursor is a sentence being written, not a heading: no popup over prose. */
const MAX_HEADING_PREFIX = 12;

export function completions(model: ReportModel, position: Position, options: CompletionOptions): CompletionEntry[] {
  const text = model.lines[position.line]?.text;
  if (text === undefined) return [];
  const before = text.slice(0, position.character);
  const table = tableAround(model, position.line);
  if (table) return preselectFirst(rowLabels(table, before, position, options.locale));
  if (trimPadding(before).length > MAX_HEADING_PREFIX || trimPadding(text.slice(position.character)) !== "") return [];
  const start = Math.min(contentBounds(before)[0], position.character);
  const typed = trimPadding(before.slice(start));
  const range = lineRange(position.line, start, position.character);
  const current = currentSection(model, position.line);
  const tables = typed ? tablesAskedFor(model, typed) : tablesMissingFrom(model, current);
  return preselectFirst([
    ...tables.map((group, i) => tableEntry(model, group, typed, range, i, options)),
    ...nextSections(model, current, range, options).filter((e) => !typed || matches(e.filterText ?? e.label, typed)),
  ]);
}

/** The most likely entry (the first in the list) is the one Enter takes. */
function preselectFirst(entries: CompletionEntry[]): CompletionEntry[] {
  if (entries.length) entries[0].preselect = true;
  return entries;
}

/** The table whose lines hold the cursor, or whose last row the cursor follows. */
function tableAround(model: ReportModel, line: number): Table | undefined {
  return model.tables.find((t) => t.range.start.line <= line && line <= t.range.end.line + 1);
}

function rowLabels(table: Table, before: string, position: Position, locale: Locale): CompletionEntry[] {
  const cellStart = Math.max(before.lastIndexOf("\t"), before.lastIndexOf("|")) + 1;
  const prefix = before.slice(cellStart);
  if (trimPadding(prefix) !== "" && isValueLike(prefix)) return [];
  const range = lineRange(position.line, cellStart + contentBounds(prefix)[0], position.character);
  return table.missingRows.map((row, i) => ({
    label: row.label,
    kind: "row" as const,
    detail: rowDetail(table, row, locale),
    insertText: row.label,
    range,
    sortText: String(i).padStart(3, "0"),
  }));
}

const rowDetail = (table: Table, row: RowSpec, locale: Locale) =>
  [pick(table.spec.title, locale), row.group].filter(Boolean).join(" · ");

function currentSection(model: ReportModel, line: number): number {
  let index = 0;
  for (const s of model.sections) if (s.range.start.line < line) index = s.spec.index;
  return index;
}

/** The tables of one section (table 二 is four sub-tables in the 2021 format): inserted together. */
interface TableGroup {
  section: SectionSpec;
  tables: TableSpec[];
}

/** Words that ask for a section's table; every table answers 插入, 表格 and table. */
const TABLE_WORDS: Record<number, string[]> = {
  2: ["表二", "二、", "主动公开"],
  3: ["表三", "三、", "收到和处理", "依申请"],
  4: ["表四", "四、", "行政复议", "行政诉讼"],
};
const ANY_TABLE = ["插入", "表格", "table"];

const wordsOf = (section: number) => [...(TABLE_WORDS[section] ?? []), ...ANY_TABLE];
/** What the typed text is the start of: the editor filters the list by the same test. */
const matches = (filterText: string, typed: string) => filterText.split(" ").some((w) => w.toLowerCase().startsWith(typed.toLowerCase()));

function tableGroups(format: FormatSpec): TableGroup[] {
  return format.sections.map((section) => ({ section, tables: sectionTables(format, section.index) })).filter((g) => g.tables.length);
}

/** The tables whose words start with the typed text, of the report's format. */
function tablesAskedFor(model: ReportModel, typed: string): TableGroup[] {
  return tableGroups(model.format.used).filter((g) => matches(wordsOf(g.section.index).join(" "), typed));
}

/** On an empty line: the tables the current section lacks. */
function tablesMissingFrom(model: ReportModel, section: number): TableGroup[] {
  const present = new Set(model.tables.map((t) => t.spec.id));
  return tableGroups(model.format.used)
    .filter((g) => g.section.index === section)
    .map((g) => ({ ...g, tables: g.tables.filter((t) => !present.has(t.id)) }))
    .filter((g) => g.tables.length);
}

/**
 * The label is the report's own words (Chinese in either locale); the words
 * typed lead the filter text, so that the editor ranks the entry first; the
 * documentation previews the rows.
 */
function tableEntry(model: ReportModel, group: TableGroup, typed: string, range: Range, i: number, options: CompletionOptions): CompletionEntry {
  const format = model.format.used;
  const whole = group.tables.length === sectionTables(format, group.section.index).length;
  const title = whole ? group.section.title : group.tables.map((t) => t.title.zh).join("、");
  const text = group.tables.map((t) => renderTable(t, options.layout, options.eol)).join(options.eol);
  const words = wordsOf(group.section.index);
  const typedWord = words.find((w) => typed && w.toLowerCase().startsWith(typed.toLowerCase()));
  return {
    label: `插入表${group.section.numeral}：${title}（${format.name.zh}）`,
    kind: "template",
    detail: pick(localized(`${format.name.zh}，${format.notice}`, `${format.name.en}, ${format.notice}`), options.locale),
    documentation: rowsPreview(group.tables),
    filterText: [typedWord, `插入表${group.section.numeral}`, title, ...words].filter(Boolean).join(" "),
    insertText: text,
    range,
    sortText: `0-${String(i).padStart(2, "0")}`,
  };
}

/** The first rows of each table's labels: enough to recognise it in the list. */
function rowsPreview(tables: TableSpec[]): string {
  const lines = tables.flatMap((t) => [t.caption ?? t.title.zh, ...t.rows.slice(0, MAX_PREVIEW_ROWS).map((r) => `  ${r.label}`), ...(t.rows.length > MAX_PREVIEW_ROWS ? ["  ……"] : [])]);
  return ["```text", ...lines, "```"].join("\n");
}

const MAX_PREVIEW_ROWS = 6;

function nextSections(model: ReportModel, section: number, range: Range, options: CompletionOptions): CompletionEntry[] {
  const format = model.format.used;
  const present = new Set(model.sections.map((s) => s.spec.index));
  const missing = format.sections.filter((s) => s.index > section && !present.has(s.index));
  const heading = (s: SectionSpec) => `${s.numeral}、${s.title}`;
  return missing.flatMap((s, i) => [
    {
      label: heading(s),
      kind: "section" as const,
      detail: pick(s.contents, options.locale),
      insertText: heading(s),
      range,
      sortText: `1-${i}`,
    },
    {
      label: sectionTemplateLabel(s, format, options.locale),
      kind: "template" as const,
      detail: format.notice,
      filterText: `${heading(s)} ${sectionTemplateLabel(s, format, options.locale)}`,
      insertText: renderSection(format, s.index, options.eol, options.layout),
      range,
      sortText: `2-${i}`,
    },
  ]);
}

const sectionTemplateLabel = (s: SectionSpec, format: FormatSpec, locale: Locale) =>
  pick(localized(`插入部分：${s.numeral}、${s.title}（${format.name.zh}）`, `Insert section ${s.numeral}: ${s.title} (${format.name.en})`), locale);
