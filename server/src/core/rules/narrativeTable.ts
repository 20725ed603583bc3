import type { ReportModel, Table } from "../model";
import { countsOf } from "../narrative";
import { lineRange, localized } from "../types";
import { defineRule } from "./types";

/**
 * A count the text states about the applications or the review cases, held
 * against the table cell it describes. Each statement is a keyword directly
 * followed by its figure (申请 5 件, 予以公开 4 件, 行政复议 0 件); anything
 * looser is left alone: a false alarm costs more trust than a missed one.
 */

interface Statement {
  name: string;
  /** Keyword immediately before the figure (a few connecting characters allowed). */
  pattern: RegExp;
  /** The figure in the table, or undefined when the table does not tell it for sure. */
  expected(model: ReportModel): number | undefined;
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
 * A total the text can be held against: only when the table agrees with
 * itself (the total equals its parts) — otherwise the table's own mismatch
 * finding says what is wrong, and which figure is right is unknown.
 */
function consistentTotal(m: ReportModel, tableId: string, rows: (id: string) => boolean, total: string, parts: string[]): number | undefined {
  const value = sumOf(m, tableId, rows, total);
  const sum = parts.map((c) => sumOf(m, tableId, rows, c));
  if (value === undefined || sum.some((x) => x === undefined)) return undefined;
  return sum.reduce((a, b) => a! + b!, 0) === value ? value : undefined;
}

const APPLICANTS = ["natural", "business", "research", "nonprofit", "legal", "other"];
const OUTCOMES = ["upheld", "corrected", "other", "pending"];

const applications = (rows: (id: string) => boolean) => (m: ReportModel) => consistentTotal(m, "applications", rows, "total", APPLICANTS);
const review = (groups: string[]) => (m: ReportModel) => {
  const totals = groups.map((g) => consistentTotal(m, "review", (id) => id === "cases", `${g}-total`, OUTCOMES.map((o) => `${g}-${o}`)));
  return totals.some((t) => t === undefined) ? undefined : totals.reduce((a, b) => a! + b!, 0);
};
const pendingCases = (m: ReportModel) =>
  ["review", "direct", "after"].reduce((n, g) => n + (sumOf(m, "review", (id) => id === "cases", `${g}-pending`) ?? 0), 0);

const NUMBER_TAIL = "[^，。；、0-9零〇一二两三四五六七八九十]{0,4}?(?:共计|共|合计)?\\s*$";

const STATEMENTS: Statement[] = [
  {
    name: "本年新收申请",
    pattern: new RegExp(`(?:新收|收到|受理|接收)(?:各类)?(?:政府信息公开|依申请公开)?申请${NUMBER_TAIL}`),
    expected: applications((id) => id === "new"),
  },
  { name: "上年结转申请", pattern: new RegExp(`上年(?:度)?结转(?:政府信息公开)?(?:申请)?${NUMBER_TAIL}`), expected: applications((id) => id === "carried") },
  { name: "予以公开", pattern: new RegExp(`予以公开${NUMBER_TAIL}`), expected: applications((id) => id === "granted") },
  { name: "部分公开", pattern: new RegExp(`部分公开的?${NUMBER_TAIL}`), expected: applications((id) => id === "partial") },
  { name: "不予公开", pattern: new RegExp(`不予公开的?${NUMBER_TAIL}`), expected: applications((id) => id.startsWith("refused-")) },
  { name: "无法提供", pattern: new RegExp(`无法提供的?${NUMBER_TAIL}`), expected: applications((id) => id.startsWith("unable-")) },
  {
    name: "行政复议",
    pattern: new RegExp(`(?:申请|提起|引发|发生)?行政复议(?:案件)?${NUMBER_TAIL}`),
    expected: review(["review"]),
  },
  {
    name: "行政诉讼",
    pattern: new RegExp(`(?:提起|引发|发生)?行政诉讼(?:案件)?${NUMBER_TAIL}`),
    expected: review(["direct", "after"]),
  },
];

export const narrativeTableMismatchRule = defineRule({
  id: "narrative-table-mismatch",
  severity: "warning",
  category: "narrative",
  description: localized("正文中的件数与统计表不一致", "A count stated in the text contradicts the table"),
  example: localized("正文“收到政府信息公开申请 12 件”，表三“本年新收”总计为 10", "The text says 12 applications received; table 三 says 10"),
  fix: "none",
  check({ model, report }) {
    for (const p of model.paragraphs) {
      if (p.section > 4 || p.section === 2) continue; // 主动公开 and 问题/其他 talk about other figures
      const counts = countsOf(p).filter((c) => c.unit === "件" || c.unit === "起");
      for (const c of counts) {
        const lead = p.text.slice(Math.max(0, c.start - 24), c.start);
        const s = STATEMENTS.find((x) => x.pattern.test(lead));
        if (!s) continue;
        const expected = s.expected(model);
        if (expected === undefined || expected === c.value) continue;
        report({
          range: lineRange(p.line, c.start, c.numberEnd),
          message: localized(
            `正文称“${s.name}”${c.value}${c.unit}，统计表中为 ${expected}`,
            `The text gives ${c.value} for “${s.name}”; the table says ${expected}`,
          ),
        });
      }
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
  },
});
