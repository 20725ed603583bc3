import { localized, pick, ruleById, type Finding, type Locale, type Localized, type Severity } from "../core";
import { describeWordLocation } from "../docx/locations";
import { shownPath } from "../node/files";
import type { CheckedReport } from "./digest";
import { bySeverityThenPlace } from "./summary";

/** A report's findings as the office sends them back (the spreadsheet, the 审核意见): plain text, in reading order. */

export const SEVERITY_NAMES: Record<Severity, Localized> = {
  error: localized("错误", "error"),
  warning: localized("警告", "warning"),
  info: localized("提示", "info"),
  hint: localized("提示", "hint"),
};

export interface ListedFinding {
  finding: Finding;
  /** Line, or for a Word report its paragraph or table cell. */
  where: string;
  /** The rule's name (its description). */
  kind: string;
  severity: string;
  message: string;
  /** The text the finding points at. */
  quote: string;
}

export function listFindings(report: CheckedReport, locale: Locale): ListedFinding[] {
  const index = new Map(report.findings.map((f, i) => [f, i]));
  return bySeverityThenPlace(report.findings).map((f) => {
    const i = index.get(f)!;
    const word = report.word?.[i];
    const line = f.range.start.line + 1;
    const description = ruleById(f.rule)?.description;
    return {
      finding: f,
      where: pick(word ? describeWordLocation(word) : localized(`第 ${line} 行`, `line ${line}`), locale),
      kind: description ? pick(description, locale) : f.rule,
      severity: pick(SEVERITY_NAMES[f.severity], locale),
      message: pick(f.message, locale),
      quote: report.digest.quotes?.[i] ?? "",
    };
  });
}

/** What a report is called: its organ and year as the title names them, else its file. */
export function reportName(report: CheckedReport): string {
  const facts = report.digest.facts;
  return facts?.organ && facts.year ? `${facts.organ}${facts.year}年政府信息公开工作年度报告` : shownPath(report.file);
}
