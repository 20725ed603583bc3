import type { ReportModel, Section, Subheading, Table } from "../model";
import { pick, range, type Locale, type Range } from "../types";

/**
 * The outline: title → sections → sub-headings （一） → numbered items and
 * tables, each nested in the innermost heading whose lines hold it. Headings
 * only: 一是…、二是… open sentences of a paragraph (the parser reads them for
 * the numbering rules), not headings.
 */

export type ReportSymbolKind = "title" | "section" | "subheading" | "table";

export interface ReportSymbol {
  name: string;
  detail?: string;
  kind: ReportSymbolKind;
  range: Range;
  selectionRange: Range;
  children: ReportSymbol[];
}

export function documentSymbols(model: ReportModel, locale: Locale): ReportSymbol[] {
  const sections = model.sections.map((s) => sectionSymbol(model, s, locale));
  if (!model.title) return sections;
  const last = model.lines.length - 1;
  return [
    {
      name: model.title.text,
      detail: pick(model.format.used.name, locale),
      kind: "title",
      range: range(model.title.range.start.line, 0, last, model.lines[last].text.length),
      selectionRange: model.title.range,
      children: sections,
    },
  ];
}

function sectionSymbol(model: ReportModel, section: Section, locale: Locale): ReportSymbol {
  const canonical = `${section.spec.numeral}、${section.spec.title}`;
  const written = section.numeral ? `${section.numeral.text}、${section.core}` : section.core;
  const end = section.bodyRange.end.line;
  const headings = section.subheadings.filter((h) => h.style !== "ordinal");
  const items: { level: number; symbol: ReportSymbol }[] = [
    ...headings.map((h, i) => ({ level: h.style === "paren" ? 1 : 2, symbol: subheadingSymbol(model, h, headings.slice(i + 1), end) })),
    ...model.tables
      .filter((t) => t.range.start.line > section.range.start.line && t.range.start.line <= end)
      .map((t) => ({ level: 3, symbol: tableSymbol(t, locale) })),
  ].sort((a, b) => a.symbol.range.start.line - b.symbol.range.start.line);
  return {
    name: canonical,
    detail: written !== canonical ? written : undefined,
    kind: "section",
    range: section.bodyRange,
    selectionRange: section.titleRange,
    children: nest(items),
  };
}

/** A sub-heading spans to the line before the next one of the same or a higher level, or to the section's end. */
function subheadingSymbol(model: ReportModel, heading: Subheading, following: Subheading[], sectionEnd: number): ReportSymbol {
  const level = (h: Subheading) => (h.style === "paren" ? 1 : 2);
  const next = following.find((h) => level(h) <= level(heading));
  const end = next ? next.range.start.line - 1 : sectionEnd;
  return {
    name: shortName(heading.text),
    kind: "subheading",
    range: range(heading.range.start.line, 0, end, model.lines[end].text.length),
    selectionRange: heading.range,
    children: [],
  };
}

/** Many drafts run a sub-heading straight into its paragraph: the outline shows the first clause. */
function shortName(text: string): string {
  const clause = text.split(/[。：:；;]/)[0];
  return clause.length > MAX_NAME ? `${clause.slice(0, MAX_NAME)}…` : clause;
}

const MAX_NAME = 30;

function tableSymbol(table: Table, locale: Locale): ReportSymbol {
  return { name: pick(table.spec.title, locale), kind: "table", range: table.range, selectionRange: table.headingRange, children: [] };
}

/** Puts each item under the nearest earlier item of a lower level whose range contains it. */
function nest(items: { level: number; symbol: ReportSymbol }[]): ReportSymbol[] {
  const roots: ReportSymbol[] = [];
  const open: { level: number; symbol: ReportSymbol }[] = [];
  for (const item of items) {
    while (open.length && (open[open.length - 1].level >= item.level || open[open.length - 1].symbol.range.end.line < item.symbol.range.start.line)) open.pop();
    (open.length ? open[open.length - 1].symbol.children : roots).push(item.symbol);
    open.push(item);
  }
  return roots;
}
