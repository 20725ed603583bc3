import type { FormatSpec, RowSpec, SectionSpec } from "../formats";
import type { ReportModel, Table } from "../model";
import { isValueLike } from "../parser/cells";
import { renderSection, renderTable, sectionTables, type TemplateLayout } from "../templates";
import { contentBounds, trimPadding } from "../text";
import { lineRange, localized, pick, type Locale, type Position, type Range } from "../types";

/**
 * Completion: inside a table, the canonical labels of the rows it lacks; on
 * a line that is starting a heading, the next sections in the official order,
 * whole-section templates, and the tables the current section lacks — all
 * rendered by core/templates in the report's format.
 */

export type CompletionKind = "section" | "row" | "template";

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail: string;
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
  const typed = lineRange(position.line, Math.min(contentBounds(before)[0], position.character), position.character);
  const current = currentSection(model, position.line);
  return preselectFirst([...tableTemplates(model, current, typed, options), ...nextSections(model, current, typed, options)]);
}

/** The most likely entry (the first in the official order) is the one Enter takes. */
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

function tableTemplates(model: ReportModel, section: number, range: Range, options: CompletionOptions): CompletionEntry[] {
  const format = model.format.used;
  const present = new Set(model.tables.map((t) => t.spec.id));
  return sectionTables(format, section)
    .filter((t) => !present.has(t.id))
    .map((t, i) => ({
      label: pick(localized(`插入表格：${t.title.zh}（${format.name.zh}）`, `Insert table: ${t.title.en} (${format.name.en})`), options.locale),
      kind: "template" as const,
      detail: format.notice,
      insertText: renderTable(t, options.layout, options.eol),
      range,
      sortText: `0-${String(i).padStart(2, "0")}`,
    }));
}

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
      insertText: renderSection(format, s.index, options.eol, options.layout),
      range,
      sortText: `2-${i}`,
    },
  ]);
}

const sectionTemplateLabel = (s: SectionSpec, format: FormatSpec, locale: Locale) =>
  pick(localized(`插入部分：${s.numeral}、${s.title}（${format.name.zh}）`, `Insert section ${s.numeral}: ${s.title} (${format.name.en})`), locale);
