import { memoOn } from "../memo";
import type { ReportModel, Table } from "../model";
import { countsOf } from "../narrative";
import { lineRange, localized, type Localized, type Range } from "../types";
import { checkNarrativeClaims } from "./narrativeClaims";
import { defineRule } from "./types";

/**
 * A count the text states about the applications or the review cases, held
 * against the table cell it describes. Each statement is a keyword directly
 * followed by its figure (申请 5 件, 予以公开 4 件, 行政复议 0 件); anything
 * looser is left alone: a false alarm costs more trust than a missed one.
 */

/** Cells of one table the statement's figure is the total of: the total column and its parts, over some rows. */
interface Block {
  table: string;
  rows: (id: string) => boolean;
  total: string;
  parts: string[];
}

interface Statement {
  name: string;
  /** Keyword immediately before the figure (a few connecting characters allowed). */
  pattern: RegExp;
  blocks: Block[];
}

/** A figure the text states, with the cells it is about. */
export interface StatedCount {
  name: string;
  value: number;
  unit: string;
  range: Range;
  blocks: Block[];
}

const table = (model: ReportModel, id: string): Table | undefined => model.tables.find((t) => t.spec.id === id);

/** Sum of one column over rows (by id or id prefix); undefined if any needed cell is unknown. */
function sumOf(model: ReportModel, tableId: string, rows: (id: string) => boolean, column: string): number | undefined {
  const t = table(model, tableId);
  if (!t) return undefined;
  const c = t.spec.columns.findIndex((x) => x.id === column);
  const wanted = t.spec.rows.filter((r) => r.values !== false && rows(r.id));
  let sum = 0;
  for (const spec of wanted) {
    const row = t.rows.find((r) => r.spec === spec);
    const cell = row?.placement === "placed" ? row.cells[c] : undefined;
    if (!cell || cell.status !== "number") return undefined;
    sum += cell.value!;
  }
  return wanted.length ? sum : undefined;
}

/**
 * What the table says of a statement: its total, and what its parts add up
 * to. The two differ when the table disagrees with itself; then which one is
 * right is unknown, and the text's figure is held against both.
 */
function tableFigures(m: ReportModel, blocks: Block[]): { total: number; parts: number; consistent: boolean } | undefined {
  let total = 0;
  let parts = 0;
  let consistent = true;
  for (const b of blocks) {
    const t = sumOf(m, b.table, b.rows, b.total);
    const p = b.parts.map((c) => sumOf(m, b.table, b.rows, c));
    if (t === undefined || p.some((x) => x === undefined)) return undefined;
    const sum = p.reduce((a, x) => a! + x!, 0)!;
    consistent &&= sum === t;
    total += t;
    parts += sum;
  }
  return { total, parts, consistent };
}

const APPLICANTS = ["natural", "business", "research", "nonprofit", "legal", "other"];
const OUTCOMES = ["upheld", "corrected", "other", "pending"];

const applications = (rows: (id: string) => boolean): Block[] => [{ table: "applications", rows, total: "total", parts: APPLICANTS }];
const review = (groups: string[]): Block[] =>
  groups.map((g) => ({ table: "review", rows: (id: string) => id === "cases", total: `${g}-total`, parts: OUTCOMES.map((o) => `${g}-${o}`) }));
const pendingCases = (m: ReportModel) =>
  ["review", "direct", "after"].reduce((n, g) => n + (sumOf(m, "review", (id) => id === "cases", `${g}-pending`) ?? 0), 0);

const NUMBER_TAIL = "[^，。；、0-9零〇一二两三四五六七八九十]{0,4}?(?:共计|共|合计)?\\s*$";

const STATEMENTS: Statement[] = [
  {
    name: "本年新收申请",
    pattern: new RegExp(`(?:新收|收到|受理|接收)(?:各类)?(?:政府信息公开|依申请公开)?申请${NUMBER_TAIL}`),
    blocks: applications((id) => id === "new"),
  },
  { name: "上年结转申请", pattern: new RegExp(`上年(?:度)?结转(?:政府信息公开)?(?:申请)?${NUMBER_TAIL}`), blocks: applications((id) => id === "carried") },
  { name: "予以公开", pattern: new RegExp(`予以公开${NUMBER_TAIL}`), blocks: applications((id) => id === "granted") },
  { name: "部分公开", pattern: new RegExp(`部分公开的?${NUMBER_TAIL}`), blocks: applications((id) => id === "partial") },
  { name: "不予公开", pattern: new RegExp(`不予公开的?${NUMBER_TAIL}`), blocks: applications((id) => id.startsWith("refused-")) },
  { name: "无法提供", pattern: new RegExp(`无法提供的?${NUMBER_TAIL}`), blocks: applications((id) => id.startsWith("unable-")) },
  {
    name: "行政复议",
    pattern: new RegExp(`(?:申请|提起|引发|发生)?行政复议(?:案件)?${NUMBER_TAIL}`),
    blocks: review(["review"]),
  },
  {
    name: "行政诉讼",
    pattern: new RegExp(`(?:提起|引发|发生)?行政诉讼(?:案件)?${NUMBER_TAIL}`),
    blocks: review(["direct", "after"]),
  },
];

/** Any statement's keyword before a figure: one test turns away most counts before each statement is tried. */
const ANY_STATEMENT = new RegExp(STATEMENTS.map((s) => `(?:${s.pattern.source})`).join("|"));

const STATED = Symbol("stated counts");

/** Every count the text states about a figure of table 三 or 四 (the paragraphs of sections 一, 三 and 四). */
export const statedCounts = (model: ReportModel): readonly StatedCount[] => memoOn(STATED, model, findStatedCounts);

function findStatedCounts(model: ReportModel): StatedCount[] {
  const out: StatedCount[] = [];
  for (const p of model.paragraphs) {
    if (p.section > 4 || p.section === 2) continue; // 主动公开 and 问题/其他 talk about other figures
    for (const c of countsOf(p)) {
      if (c.unit !== "件" && c.unit !== "起") continue;
      const lead = p.text.slice(Math.max(0, c.start - 24), c.start);
      const s = ANY_STATEMENT.test(lead) ? STATEMENTS.find((x) => x.pattern.test(lead)) : undefined;
      if (s) out.push({ name: s.name, value: c.value, unit: c.unit, range: lineRange(p.line, c.start, c.numberEnd), blocks: s.blocks });
    }
  }
  return out;
}

/** The count the text states about exactly one row's total (the 总计 of 本年新收, of 行政复议 …), if it states one. */
export function statedForRow(model: ReportModel, tableId: string, rowId: string, totalColumn: string): StatedCount | undefined {
  const stated = statedCounts(model);
  if (!stated.length) return undefined;
  const rowIds = table(model, tableId)?.spec.rows.map((r) => r.id) ?? [];
  return stated.find((s) => {
    if (s.blocks.length !== 1) return false;
    const [b] = s.blocks;
    return b.table === tableId && b.total === totalColumn && b.rows(rowId) && rowIds.filter(b.rows).length === 1;
  });
}

/** How the text's figure stands against a table that disagrees with itself. */
function againstBoth(s: StatedCount, total: number, parts: number): Localized {
  const said = `正文称“${s.name}”${s.value}${s.unit}`;
  if (s.value === total)
    return localized(`${said}，与统计表的总计一致，但表中各项之和为 ${parts}`, `The text gives ${s.value} for “${s.name}”, as the table's total does, but the table's parts add up to ${parts}`);
  if (s.value === parts)
    return localized(`${said}，与表中各项之和一致，但统计表的总计为 ${total}`, `The text gives ${s.value} for “${s.name}”, as the table's parts add up to, but the table's total is ${total}`);
  return localized(`${said}，统计表的总计为 ${total}，各项之和为 ${parts}`, `The text gives ${s.value} for “${s.name}”; the table's total is ${total} and its parts add up to ${parts}`);
}

export const narrativeTableMismatchRule = defineRule({
  id: "narrative-table-mismatch",
  severity: "warning",
  category: "narrative",
  description: localized("正文中的件数与统计表不一致", "A count stated in the text contradicts the table"),
  example: localized("正文“收到政府信息公开申请 12 件”，表三“本年新收”总计为 10", "The text says 12 applications received; table 三 says 10"),
  basis: localized(
    "正文与国办公开办函〔2021〕30号（〔2019〕60号）附件的表三、表四报告同一年度的同一批申请和案件（《条例》第五十条），件数应一致。",
    "The text and tables 三 and 四 of 国办公开办函〔2021〕30号 (〔2019〕60号) report the same applications and cases (Article 50 of the Regulations): their counts agree.",
  ),
  correct: localized("正文“收到政府信息公开申请 10 件”，与表三“本年新收”总计 10 一致", "The text says 10 applications received, as table 三 does"),
  fix: "none",
  check({ model, report }) {
    for (const s of statedCounts(model)) {
      const figures = tableFigures(model, s.blocks);
      if (!figures) continue;
      const { total, parts, consistent } = figures;
      if (consistent && s.value !== total)
        report({
          range: s.range,
          message: localized(`正文称“${s.name}”${s.value}${s.unit}，统计表中为 ${total}`, `The text gives ${s.value} for “${s.name}”; the table says ${total}`),
        });
      // The table's own mismatch finding is on the cell; this one says where the text stands, so that no figure is changed blind.
      else if (!consistent) report({ range: s.range, message: againstBoth(s, total, parts) });
    }
    for (const p of model.paragraphs) {
      if (p.section > 4 || p.section === 2) continue;
      const upheld = /均(?:获|被|予以|予)?维持/.exec(p.text);
      if (upheld) {
        const pending = pendingCases(model);
        if (pending)
          report({
            range: lineRange(p.line, upheld.index, upheld.index + upheld[0].length),
            message: localized(`正文称“均获维持”，但表四中尚有 ${pending} 件尚未审结`, `The text says all were upheld, but table 四 has ${pending} pending`),
          });
      }
    }
    checkNarrativeClaims(model, report);
  },
});
