import type { Cell, Paragraph, ReportModel, Row, Table } from "../model";
import type { Finding } from "../rules/types";
import { isDirectiveLine } from "../suppress";
import { trimPadding } from "../text";
import { pick, type Locale } from "../types";
import { escapeHtml } from "./escape";
import { FindingPool, outline } from "./findings";
import { mergeHeader } from "./header";

/**
 * The report as it would be published — title, headings, paragraphs and the
 * statistics tables as real tables with merged headers, under the report's own
 * headings and without captions the format does not print — with every element
 * that has a finding outlined and its messages on hover. A pure function of
 * the parsed report: the editor's preview and the CLI's review page both use it.
 *
 * Every block carries data-line / data-end-line (0-based source lines) so a
 * viewer can follow the cursor. Classes: gr-report, gr-title, gr-heading,
 * gr-subheading, gr-paragraph, gr-table, gr-row, gr-cell, gr-finding +
 * gr-error|gr-warning|gr-info|gr-hint.
 */

interface Block {
  first: number;
  last: number;
  render(pool: FindingPool): string;
}

const lines = (first: number, last: number) => `data-line="${first}" data-end-line="${last}"`;

export function renderReportHtml(model: ReportModel, findings: Finding[], locale: Locale): string {
  const pool = new FindingPool(findings);
  const blocks = [...titleBlocks(model, locale), ...headingBlocks(model, locale), ...paragraphBlocks(model, locale), ...model.tables.map((t) => tableBlock(t, locale, false))];
  blocks.sort((a, b) => a.first - b.first);
  const body = blocks.map((b) => b.render(pool)).join("\n");
  return `<article class="gr-report">\n${body}\n${otherFindings(pool.rest(), locale)}</article>`;
}

/** One statistics table on its own, named by a caption (the review page shows a report's tables beside its findings). */
export function renderTableHtml(table: Table, findings: Finding[], locale: Locale): string {
  return tableBlock(table, locale, true).render(new FindingPool(findings));
}

function titleBlocks(model: ReportModel, locale: Locale): Block[] {
  const title = model.title;
  if (!title) return [];
  const [first, last] = [title.range.start.line, title.range.end.line];
  return [{ first, last, render: (pool) => `<h1 ${outline(pool.takeOnLines(first, last), locale, "gr-title")} ${lines(first, last)}>${escapeHtml(title.text)}</h1>` }];
}

function headingBlocks(model: ReportModel, locale: Locale): Block[] {
  return model.sections.map((s) => {
    const line = s.range.start.line;
    // The heading as written: Section.text is normalised for matching (、 becomes .).
    const text = trimPadding(model.lines[line].text);
    return { first: line, last: line, render: (pool) => `<h2 ${outline(pool.takeOnLines(line, line), locale, "gr-heading")} ${lines(line, line)}>${escapeHtml(text)}</h2>` };
  });
}

function paragraphBlocks(model: ReportModel, locale: Locale): Block[] {
  const subheadings = new Set(model.sections.flatMap((s) => s.subheadings.map((h) => h.range.start.line)));
  // A disable comment is for the checker, not part of the published text.
  return model.paragraphs.filter((p) => !isDirectiveLine(p.text)).map((p: Paragraph) => {
    const kind = subheadings.has(p.line) ? "gr-subheading" : "gr-paragraph";
    return {
      first: p.line,
      last: p.line,
      render: (pool) => `<p ${outline(pool.takeOnLines(p.line, p.line), locale, kind)} ${lines(p.line, p.line)}>${escapeHtml(trimPadding(p.text))}</p>`,
    };
  });
}

/**
 * In the report, a table stands under its section's heading (table 三 and 四)
 * or names itself in its first header row (table 二's 第二十条 captions): a
 * caption would print the heading twice, and in English in an English session.
 */
function tableBlock(table: Table, locale: Locale, captioned: boolean): Block {
  const [first, last] = [table.range.start.line, table.range.end.line];
  return {
    first,
    last,
    render(pool) {
      // Cells first, then rows, then the table: each finding goes to the most specific place.
      const body = groupSpans(table.rows).map(({ row, span }) => renderRow(table, row, span, pool, locale)).join("\n");
      const caption = captioned ? `<caption>${escapeHtml(pick(table.spec.title, locale))}</caption>\n` : "";
      const attrs = outline(pool.takeOnLines(first, last), locale, "gr-table");
      return `<table ${attrs} data-table="${escapeHtml(table.spec.id)}" ${lines(first, last)}>\n${caption}<thead>\n${headerRows(table)}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
    },
  };
}

function headerRows(table: Table): string {
  return mergeHeader(table.spec.header)
    .map((cells) => {
      const ths = cells.map((c) => {
        const span = (c.colspan > 1 ? ` colspan="${c.colspan}"` : "") + (c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : "");
        return `<th${span}>${escapeHtml(c.text)}</th>`;
      });
      return `<tr>${ths.join("")}</tr>`;
    })
    .join("\n");
}

/**
 * For two label columns, the group label (（三）不予公开 …) stands once beside the
 * consecutive rows of its group: span is its rowspan, 0 for the rows it covers.
 */
function groupSpans(rows: Row[]): { row: Row; span: number }[] {
  return rows.map((row, i) => {
    const group = row.spec.group;
    if (!group || rows[i - 1]?.spec.group === group) return { row, span: 0 };
    let n = 1;
    while (rows[i + n]?.spec.group === group) n++;
    return { row, span: n };
  });
}

function labelCells(table: Table, row: Row, span: number): string {
  const label = `<th scope="row">${escapeHtml(row.spec.label)}</th>`;
  if (table.spec.labelColumns === 0) return "";
  if (table.spec.labelColumns === 1) return label;
  if (!row.spec.group) return `<th scope="row" colspan="2">${escapeHtml(row.spec.label)}</th>`;
  const group = span > 0 ? `<th scope="rowgroup"${span > 1 ? ` rowspan="${span}"` : ""}>${escapeHtml(row.spec.group)}</th>` : "";
  return group + label;
}

function renderRow(table: Table, row: Row, span: number, pool: FindingPool, locale: Locale): string {
  const values =
    row.placement === "placed"
      ? row.cells.map((cell, c) => valueCell(cell, table.spec.columns[c].id, pool, locale))
      : // Values whose columns are unknown are shown as written, in order: as the published table would show them.
        row.rawCells.map((raw) => `<td ${outline(pool.takeInRange(raw.range), locale, "gr-cell gr-unplaced")}>${escapeHtml(trimPadding(raw.raw))}</td>`);
  const [first, last] = [row.range.start.line, row.range.end.line];
  const attrs = outline(pool.takeOnLines(first, last), locale, "gr-row");
  return `<tr ${attrs} data-row="${escapeHtml(row.spec.id)}" ${lines(first, last)}>${labelCells(table, row, span)}${values.join("")}</tr>`;
}

function valueCell(cell: Cell | undefined, column: string, pool: FindingPool, locale: Locale): string {
  if (!cell) return `<td class="gr-cell" data-column="${escapeHtml(column)}"></td>`;
  const attrs = outline(pool.takeInRange(cell.range), locale, `gr-cell gr-${cell.status}`);
  return `<td ${attrs} data-column="${escapeHtml(column)}">${escapeHtml(trimPadding(cell.raw))}</td>`;
}

function otherFindings(findings: Finding[], locale: Locale): string {
  if (!findings.length) return "";
  const items = findings.map((f) => `<li ${outline([f], locale, "gr-other")} data-line="${f.range.start.line}">${escapeHtml(pick(f.message, locale))}</li>`);
  return `<ul class="gr-other-findings">\n${items.join("\n")}\n</ul>\n`;
}
