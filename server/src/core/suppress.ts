import type { ReportModel } from "./model";

/**
 * Inline disabling, in a comment form that Markdown hides and Word-bound text tolerates:
 *   <!-- gov-report-disable rule-a rule-b -->        the whole file (no ids: every rule)
 *   <!-- gov-report-disable-line rule-a -->          this line
 *   <!-- gov-report-disable-next-line rule-a -->     the next line
 */
const DIRECTIVE = /<!--\s*gov-report-(disable|disable-line|disable-next-line)((?:\s+[a-z][a-z-]*)*)\s*-->/g;

export function disabledRules(model: ReportModel): (rule: string, line: number) => boolean {
  const file = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  model.lines.forEach((l, i) => {
    if (!l.text.includes("gov-report-disable")) return;
    for (const m of l.text.matchAll(DIRECTIVE)) {
      const ids = m[2].trim() ? m[2].trim().split(/\s+/) : ["*"];
      const target = m[1] === "disable" ? file : byLine.get(m[1] === "disable-line" ? i : i + 1) ?? new Set<string>();
      if (m[1] !== "disable") byLine.set(m[1] === "disable-line" ? i : i + 1, target);
      for (const id of ids) target.add(id);
    }
  });
  if (!file.size && !byLine.size) return () => false;
  return (rule, line) => {
    const l = byLine.get(line);
    return file.has("*") || file.has(rule) || (l !== undefined && (l.has("*") || l.has(rule)));
  };
}
