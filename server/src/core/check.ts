import type { Config } from "./config";
import type { ReportModel } from "./model";
import { parse } from "./parser";
import { RULES, type Finding, type Rule } from "./rules";
import type { Report, UnitReport } from "./rules/types";
import { comparePositions } from "./positions";
import { reviewedFindings, type ReportReview } from "./review";
import { disabledRules } from "./suppress";

export interface CheckOptions {
  config?: Config;
  /** Last year's report of the same organ, parsed. */
  previous?: ReportModel;
  /** For a region's report, the reports of the units it covers. */
  units?: UnitReport[];
  /** Only these rules (default: all enabled). */
  rules?: Rule[];
  /** A reviewer's decisions: dismissed findings left out, accepted ones marked (core/review.ts). */
  review?: ReportReview;
}

/** Runs every enabled rule over a parsed report. A file that is not a report gets the one finding that says so. */
export function checkModel(model: ReportModel, options: CheckOptions = {}): Finding[] {
  const settings = options.config?.rules ?? {};
  const rules = (options.rules ?? RULES).filter((r) => settings[r.id] !== "off" && (!r.needsPrevious || options.previous) && (!r.needsUnits || options.units));
  const active = model.isReport ? rules.filter((r) => r.id !== "not-a-report") : rules.filter((r) => r.id === "not-a-report");
  const findings: Finding[] = [];
  const suppressed = disabledRules(model);
  for (const rule of active) {
    const severity = settings[rule.id];
    const report = (r: Report) => {
      if (suppressed(rule.id, r.range.start.line)) return;
      findings.push({
        rule: rule.id,
        severity: severity && severity !== "off" ? severity : (r.severity ?? rule.severity),
        message: r.message,
        range: r.range,
        fixes: r.fixes ?? [],
      });
    };
    try {
      rule.check({ model, format: model.format.used, previous: options.previous, config: options.config, units: options.units, report });
    } catch (err) {
      // One broken rule must not cost the user every other finding.
      findings.push({
        rule: rule.id,
        severity: "info",
        message: { zh: `规则 ${rule.id} 内部错误：${String(err)}`, en: `Rule ${rule.id} failed: ${String(err)}` },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        fixes: [],
      });
    }
  }
  // Rule ids are ASCII: a code-unit comparison orders them as localeCompare did, without ICU.
  findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return options.review ? reviewedFindings(model, findings, options.review) : findings;
}

export function checkText(text: string, options: CheckOptions = {}): { model: ReportModel; findings: Finding[] } {
  const model = parse(text);
  return { model, findings: checkModel(model, options) };
}
