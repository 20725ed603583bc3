import type { ReportModel, Table } from "./model";
import { extraTrailingValue } from "./rules/tables";
import { SECTION_NUMERALS } from "./text";
import { localized, type Localized, type Range, type Severity } from "./types";
import { worst } from "./render/findings";

/**
 * Findings as people read them. The core keeps one finding per cell (the
 * JSON and SARIF outputs list every one), but a table whose cells share one
 * problem is one thing to read: `表三：155 个单元格为空（第 54–84 行）`.
 * Every medium (the CLI's stylish output, the review page, the editor's
 * Problems panel, the 年报检查 view) groups with this one function.
 */

/** Where a table stands and what it is called: all the grouping needs of the model, as plain data that can cross threads. */
export interface TableExtent {
  /** 表三, 表二“第二十条第（一）项”. */
  name: Localized;
  /** 0-based, inclusive. */
  firstLine: number;
  lastLine: number;
  /** The value every row of the table has one too many of at its end, when there is one. */
  extraValue?: string;
}

/** What grouping reads of a finding: the core's Finding, and a finding in one locale as the editor gets it. */
export interface Groupable {
  rule: string;
  severity: Severity;
  range: Range;
}

export interface FindingGroup<F extends Groupable> {
  rule: string;
  severity: Severity;
  /** 0-based lines of the first and the last member. */
  firstLine: number;
  lastLine: number;
  /** The members in document order; the first stands for the group where one place is needed. */
  members: F[];
  /** One line: `表三：155 个单元格为空（第 54–84 行）`. */
  message: Localized;
  /** The same without the lines (`表三：155 个单元格为空`), for a Word document, whose places are not lines of text. */
  what: Localized;
}

export type ReadItem<F extends Groupable> = { finding: F; group?: undefined } | { group: FindingGroup<F>; finding?: undefined };

/**
 * Groups smaller than this are read as they are: one or two findings say
 * more with their own cell and row than a count does, and a group line
 * would save at most one line. From three on, the group line is shorter
 * and still names the table, the count and the lines.
 */
export const MIN_GROUP_SIZE = 3;

type Noun = (count: number, members: Groupable[], table: TableExtent) => Localized | undefined;

/** The rules whose findings group, and how a group of them is named (undefined: this table's findings stay apart). */
const GROUPED = new Map<string, Noun>(Object.entries({
  // An empty cell's finding has an empty range; a cell holding “/” or “-” is marked where it stands.
  "table-cell-empty": (n, members) =>
    members.every((f) => isEmptyRange(f.range))
      ? localized(`${n} 个单元格为空`, `${n} empty cells`)
      : localized(`${n} 个单元格为空或只填了“/”“-”`, `${n} cells empty or holding / or -`),
  "table-cell-invalid": (n) => localized(`${n} 个单元格不是有效数值`, `${n} cells not valid values`),
  "table-cell-format": (n) => localized(`${n} 个数值写法不规范`, `${n} numbers written non-canonically`),
  // Only the table whose every row has the same value too many: one cause, one line. Other rows' counts are each their own problem.
  "table-cell-count": (n, _members, table) =>
    table.extraValue === undefined
      ? undefined
      : localized(`${n} 行末尾都多出一个“${table.extraValue}”`, `${n} rows each end in an extra “${table.extraValue}”`),
} satisfies Record<string, Noun>));

const isEmptyRange = (r: Range) => r.start.line === r.end.line && r.start.character === r.end.character;

export function tableExtents(model: ReportModel): TableExtent[] {
  return model.tables.map((table) => ({
    name: tableName(table),
    firstLine: table.range.start.line,
    lastLine: table.range.end.line,
    extraValue: extraTrailingValue(table),
  }));
}

function tableName(table: Table): Localized {
  const numeral = SECTION_NUMERALS[table.spec.section - 1];
  const caption = table.spec.caption;
  return caption ? localized(`表${numeral}“${caption}”`, `Table ${numeral} (${caption})`) : localized(`表${numeral}`, `Table ${numeral}`);
}

/**
 * The findings in their order, those of one rule inside one table that
 * group (GROUPED, at least MIN_GROUP_SIZE) replaced by their group, which
 * stands where its first member stood.
 */
export function groupFindings<F extends Groupable>(findings: readonly F[], tables: readonly TableExtent[]): ReadItem<F>[] {
  const byKey = new Map<string, { table: TableExtent; members: F[] }>();
  const tableAt = tableFinder(tables);
  const keys = findings.map((f) => {
    const table = GROUPED.has(f.rule) ? tableAt(f.range) : undefined;
    if (!table) return undefined;
    const key = `${table.firstLine} ${f.rule}`;
    const entry = byKey.get(key);
    if (entry) entry.members.push(f);
    else byKey.set(key, { table, members: [f] });
    return key;
  });
  const groups = new Map<string, FindingGroup<F>>();
  for (const [key, { table, members }] of byKey) {
    const group = members.length >= MIN_GROUP_SIZE ? makeGroup(table, members) : undefined;
    if (group) groups.set(key, group);
  }
  const items: ReadItem<F>[] = [];
  findings.forEach((finding, i) => {
    const group = keys[i] === undefined ? undefined : groups.get(keys[i]!);
    if (!group) items.push({ finding });
    else if (group.members[0] === finding) items.push({ group });
  });
  return items;
}

/** The table a range lies inside, if any: by bisection over the tables by first line (a long draft has hundreds). */
function tableFinder(tables: readonly TableExtent[]): (r: Range) => TableExtent | undefined {
  const ordered = [...tables].sort((x, y) => x.firstLine - y.firstLine);
  return (r) => {
    let lo = 0;
    let hi = ordered.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ordered[mid].firstLine > r.start.line) hi = mid - 1;
      else lo = mid + 1;
    }
    const table = ordered[hi];
    return table && r.end.line <= table.lastLine ? table : undefined;
  };
}

function makeGroup<F extends Groupable>(table: TableExtent, members: F[]): FindingGroup<F> | undefined {
  const rule = members[0].rule;
  const noun = GROUPED.get(rule)!(members.length, members, table);
  if (!noun) return undefined;
  const firstLine = members[0].range.start.line;
  const lastLine = Math.max(...members.map((f) => f.range.start.line));
  const lines = firstLine === lastLine ? localized(`第 ${firstLine + 1} 行`, `line ${firstLine + 1}`) : localized(`第 ${firstLine + 1}–${lastLine + 1} 行`, `lines ${firstLine + 1}–${lastLine + 1}`);
  return {
    rule,
    severity: worst(members),
    firstLine,
    lastLine,
    members,
    message: localized(`${table.name.zh}：${noun.zh}（${lines.zh}）`, `${table.name.en}: ${noun.en} (${lines.en})`),
    what: localized(`${table.name.zh}：${noun.zh}`, `${table.name.en}: ${noun.en}`),
  };
}

