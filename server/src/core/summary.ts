import type { ReportModel } from "./model";
import { checkRelations } from "./relations";
import type { Finding } from "./rules/types";

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
