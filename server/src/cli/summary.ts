import { balanceText, localized, pick, summarize, summaryCells, SUMMARY_COLUMNS, type Finding, type Locale, type ReportSummary } from "../core";
import type { CheckedReport } from "./digest";
import { shownPath } from "../node/files";

export { balanceText, SUMMARY_COLUMNS };

/**
 * `check --summary`: one line per report — file, organ, year, format, errors,
 * warnings, table 三's balance — from its findings and the facts of its digest.
 */

const SEVERITY_ORDER: Finding["severity"][] = ["error", "warning", "info", "hint"];

/** Errors first, then warnings, then the rest; each in the order of the document. */
export function bySeverityThenPlace(findings: Finding[]): Finding[] {
  const rank = (f: Finding) => SEVERITY_ORDER.indexOf(f.severity);
  return [...findings].sort((a, b) => rank(a) - rank(b) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export interface SummaryLine {
  report: CheckedReport;
  summary: ReportSummary;
  /** In SUMMARY_COLUMNS order. */
  cells: string[];
}

export function summaryLines(reports: CheckedReport[], locale: Locale): SummaryLine[] {
  return reports.map((report) => {
    const s = summarize(report.digest.facts!, report.findings);
    return { report, summary: s, cells: summaryCells(shownPath(report.file), s, locale) };
  });
}

/** The line under the table: how many reports, how many with errors, how many unbalanced, how many findings a review dismissed. */
export function summaryTotal(lines: SummaryLine[], locale: Locale): string {
  const errors = lines.filter((l) => l.summary.errors > 0).length;
  const unbalanced = lines.filter((l) => l.summary.balance.kind === "unbalanced").length;
  const excluded = lines.reduce((n, l) => n + (l.report.excluded ?? 0), 0);
  const dismissed = excluded ? pick(localized(`，已排除 ${excluded} 个问题（审核记录）`, `; ${excluded} findings dismissed in the review file`), locale) : "";
  return locale === "en"
    ? `${lines.length} reports: ${errors} with errors, ${unbalanced} with an unbalanced table 三${dismissed}`
    : `共 ${lines.length} 份报告：${errors} 份有错误，${unbalanced} 份表三不平衡${dismissed}`;
}

/** A report's main problem in one line: its first finding in reading order, and how many more there are. */
export function mainProblem(findings: Finding[], locale: Locale): string {
  const [first, ...rest] = bySeverityThenPlace(findings);
  if (!first) return pick(localized("未发现问题", "no problems found"), locale);
  return pick(first.message, locale) + (rest.length ? pick(localized(`（另有 ${rest.length} 个问题）`, ` (and ${rest.length} more)`), locale) : "");
}

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

export function toSummary(reports: CheckedReport[], locale: Locale): string {
  const header = SUMMARY_COLUMNS.map((c) => pick(c.title, locale));
  const lines = summaryLines(reports, locale);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...lines.map((l) => displayWidth(l.cells[i]))));
  const row = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], SUMMARY_COLUMNS[i].numeric)).join("  ").trimEnd();
  return [row(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map((l) => row(l.cells)), "", summaryTotal(lines, locale)].join("\n");
}
