import type { ReportModel } from "./model";
import { checkRelations } from "./relations";
import type { Finding } from "./rules/types";
import { localized, pick, type Locale, type Localized } from "./types";

/** How one report stands, for a supervising office's overview of many (CLI summary, review page, editor view). */

/** Table 三's balance (第一项加第二项之和，等于第三项加第四项之和) over its seven columns. */
export type Balance =
  | { kind: "balanced" }
  | { kind: "unbalanced"; columns: number }
  /** No table 三, or some column cannot be computed (empty, invalid or unplaced cells). */
  | { kind: "unknown" };

/** What a summary reads of the report itself, as plain data: it can travel between threads without the model. */
export interface ReportFacts {
  organ?: string;
  year?: number;
  /** The format the tables follow; undefined when no table says. */
  format?: string;
  balance: Balance;
}

export interface ReportSummary extends ReportFacts {
  errors: number;
  warnings: number;
}

export function tableBalance(model: ReportModel): Balance {
  const table = model.tables.find((t) => t.spec.id === "applications");
  if (!table) return { kind: "unknown" };
  const checks = checkRelations(table).filter((c) => c.relation.rule === "balance-mismatch");
  const unbalanced = checks.filter((c) => !c.holds).length;
  if (unbalanced) return { kind: "unbalanced", columns: unbalanced };
  return checks.length === table.spec.columns.length ? { kind: "balanced" } : { kind: "unknown" };
}

export function reportFacts(model: ReportModel): ReportFacts {
  return { organ: model.organ, year: model.year?.value, format: model.format.detected, balance: tableBalance(model) };
}

export function summarize(facts: ReportFacts, findings: Finding[]): ReportSummary {
  return {
    ...facts,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
  };
}

/** The summary table's columns (check --summary and its outputs, the offline page). */
export interface SummaryColumn {
  title: Localized;
  /** Numeric columns sort by number and align right. */
  numeric: boolean;
}

export const SUMMARY_COLUMNS: SummaryColumn[] = [
  { title: { zh: "文件", en: "File" }, numeric: false },
  { title: { zh: "机关", en: "Organ" }, numeric: false },
  { title: { zh: "年度", en: "Year" }, numeric: true },
  { title: { zh: "格式", en: "Format" }, numeric: false },
  { title: { zh: "错误", en: "Errors" }, numeric: true },
  { title: { zh: "警告", en: "Warnings" }, numeric: true },
  { title: { zh: "表三平衡", en: "Table 三 balance" }, numeric: false },
];

/** What stands where a fact could not be read from the report. */
export const NOT_FOUND = localized("未能读取", "not found");

/** 平衡, how many columns do not balance, or 未能读取 when it cannot be judged. */
export function balanceText(balance: Balance, locale: Locale): string {
  if (balance.kind === "balanced") return pick(localized("平衡", "balanced"), locale);
  if (balance.kind === "unbalanced") return pick(localized(`${balance.columns} 列不平衡`, `${balance.columns} columns unbalanced`), locale);
  return pick(NOT_FOUND, locale);
}

/** A report's line of the summary table, in SUMMARY_COLUMNS order. */
export function summaryCells(file: string, s: ReportSummary, locale: Locale): string[] {
  const none = pick(NOT_FOUND, locale);
  return [file, s.organ ?? none, s.year?.toString() ?? none, s.format ?? none, String(s.errors), String(s.warnings), balanceText(s.balance, locale)];
}
