/** The pure core: no dependency on vscode or the LSP libraries. The server, the CLI and the tests call it. */
export * from "./types";
export * from "./model";
export { parse } from "./parser";
export { checkModel, checkText, type CheckOptions } from "./check";
export { RULES, ruleById, type Rule, type Finding, type Fix, type UnitReport } from "./rules";
export { FORMATS, formatById, formatForYear, SECTIONS } from "./formats";
export { readConfig, type Config, type ConfigProblem, type RuleSetting } from "./config";
export { applyEdits, fixAll, safeEdits, lineStarts, offsetAt } from "./fixes/apply";
export { renderReport, renderSection, renderTable, type TemplateLayout } from "./templates";
export { modelToJson } from "./debug";
export { checkRelations } from "./relations";
export { findPredecessors, isPredecessor, organKey, PredecessorIndex, type ReportIdentity } from "./previous";
export * from "./services";
export { renderReportHtml, renderTableHtml, escapeHtml, REPORT_CSS } from "./render";
export {
  balanceText,
  NOT_FOUND,
  reportFacts,
  summarize,
  summaryCells,
  SUMMARY_COLUMNS,
  tableBalance,
  type Balance,
  type ReportFacts,
  type ReportSummary,
  type SummaryColumn,
} from "./summary";
export { groupFindings, tableExtents, MIN_GROUP_SIZE, type FindingGroup, type Groupable, type ReadItem, type TableExtent } from "./group";
export { ACCEPTED_MARK, applyReview, decidableAt, decisionMap, fingerprintFindings, formatReviewFile, parseReviewFile, quotedText, reviewReportKey, reviewedFindings, staleDecisions, type Decidable, type ReportReview, type Decision, type ReviewDecision, type ReviewedFindings, type ReviewFile } from "./review";
