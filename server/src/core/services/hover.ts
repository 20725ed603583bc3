import type { ColumnSpec } from "../formats";
import type { Cell, ReportModel, Row, Section, Table } from "../model";
import { positionInRange } from "../positions";
import { checkRelations, type RelationCheck } from "../relations";
import { localized, pick, type Locale, type Position, type Range } from "../types";

/**
 * Hover: on a figure, its row and column; on a total, the sum it should
 * equal with every part; on a section heading, the official wording and what
 * the section must contain. Markdown text.
 */

export interface HoverInfo {
  range: Range;
  markdown: string;
}

export function hoverAt(model: ReportModel, position: Position, locale: Locale): HoverInfo | undefined {
  const figure = figureAt(model, position);
  if (figure) return { range: figure.cell.range, markdown: describeFigure(figure, locale) };
  const section = model.sections.find((s) => s.range.start.line === position.line);
  if (section) return { range: section.range, markdown: describeSection(section, model, locale) };
  return undefined;
}

interface Figure {
  table: Table;
  row: Row;
  cell: Cell;
}

function figureAt(model: ReportModel, position: Position): Figure | undefined {
  for (const table of model.tables) {
    if (position.line < table.range.start.line || position.line > table.range.end.line) continue;
    for (const row of table.rows)
      for (const cell of row.cells) if (cell && positionInRange(position, cell.range)) return { table, row, cell };
  }
  return undefined;
}

/** 申请人情况 › 法人或其他组织 › 商业企业: the column's full header path. */
function columnPath(column: ColumnSpec): string {
  return [column.group, column.subgroup, column.label].filter((x, i, all) => x && all.indexOf(x) === i).join(" › ");
}

function describeFigure({ table, row, cell }: Figure, locale: Locale): string {
  const lines = [
    `**${row.spec.label}** · ${columnPath(cell.column)}`,
    pick(table.spec.title, locale),
  ];
  for (const check of checkRelations(table)) if (check.target.cell === cell) lines.push(describeSum(check, locale));
  return lines.join("\n\n");
}

const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);

/** The sum a total should equal, with its parts: "= 自然人 3 + 商业企业 2 = 5 ✓". */
function describeSum(check: RelationCheck, locale: Locale): string {
  const targetOnLeft = check.left.includes(check.target);
  const others = (targetOnLeft ? check.left : check.right).filter((t) => t !== check.target);
  const parts = targetOnLeft ? check.right : check.left;
  const terms = (list: typeof parts) => list.map((t) => `${t.label} ${fmt(t.cell.value!)}`).join(" + ");
  const minus = others.length ? ` − (${terms(others)})` : "";
  const verdict = check.holds
    ? "✓"
    : pick(localized(`✗ 当前为 ${fmt(check.target.cell.value!)}，应为 ${fmt(check.expected)}`, `✗ currently ${fmt(check.target.cell.value!)}, should be ${fmt(check.expected)}`), locale);
  const header = pick(localized(`勾稽关系：${check.relation.description.zh}`, `Relation: ${check.relation.description.en}`), locale);
  return `${header}\n\n= ${terms(parts)}${minus} = ${fmt(check.expected)} ${verdict}`;
}

function describeSection(section: Section, model: ReportModel, locale: Locale): string {
  const spec = section.spec;
  const canonical = `${spec.numeral}、${spec.title}`;
  const written = section.numeral?.text === spec.numeral && !section.variant;
  return [
    `**${canonical}**`,
    written ? pick(localized("标题与标准格式一致。", "The heading matches the official format."), locale)
      : pick(localized(`标准标题：${canonical}`, `Official heading: ${canonical}`), locale),
    pick(localized(`应包含：${spec.contents.zh}`, `Must contain: ${spec.contents.en}`), locale),
    pick(localized(`格式：${model.format.used.name.zh}（${model.format.used.notice}）`, `Format: ${model.format.used.name.en} (${model.format.used.notice})`), locale),
  ].join("\n\n");
}
