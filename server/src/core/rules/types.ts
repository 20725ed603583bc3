import type { Config } from "../config";
import type { FormatSpec } from "../formats";
import type { ReportModel } from "../model";
import type { Localized, Range, Severity, TextEdit } from "../types";

export type RuleCategory = "structure" | "table" | "narrative" | "style" | "cross-year";

/** A fix changes form only (applied by fix-all) or is a suggestion the user picks (it may change a figure). */
export interface Fix {
  title: Localized;
  edits: TextEdit[];
  safe: boolean;
  /** Another cell could be the wrong one: one alternative among others, never preferred, never applied in bulk. */
  uncertain?: boolean;
  /** An alternative that changes nothing: it selects these cells for the user to check (`edits` is empty). */
  reveal?: Range;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: Localized;
  range: Range;
  fixes: Fix[];
}

export interface Report {
  range: Range;
  message: Localized;
  fixes?: Fix[];
  /** Overrides the rule's default severity for this finding (e.g. a sum that exceeds its total). */
  severity?: Severity;
}

export interface RuleContext {
  model: ReportModel;
  format: FormatSpec;
  /** Last year's report of the same organ, when known (cross-year rules). */
  previous?: ReportModel;
  /** The settings in force (`.govreportrc.json` and the editor's), for rules that read more than their severity. */
  config?: Config;
  /** For a region's report, the reports of the units it covers (aggregate-mismatch). */
  units?: UnitReport[];
  report(finding: Report): void;
}

/** A report a region's report sums up: a township's, a department's. */
export interface UnitReport {
  /** The unit's organ, else its file's name. */
  name: string;
  model: ReportModel;
}

export interface Rule {
  id: string;
  severity: Severity;
  category: RuleCategory;
  description: Localized;
  /** An example of the mistake, for the documentation. */
  example: Localized;
  /** What the official format requires (citing 国办公开办函〔2021〕30号 or 〔2019〕60号, the 条例, a table's note), for the documentation. */
  basis: Localized;
  /** The example written right, for the documentation. */
  correct: Localized;
  /** "safe": fix-all applies it; "suggested": offered as a quick fix only; "none". */
  fix: "safe" | "suggested" | "none";
  /** Rules that need last year's report. */
  needsPrevious?: boolean;
  /** Rules that need the reports of a region's units. */
  needsUnits?: boolean;
  check(ctx: RuleContext): void;
}

export const defineRule = (rule: Rule): Rule => rule;
