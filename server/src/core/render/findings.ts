import type { Finding } from "../rules/types";
import { positionInRange } from "../positions";
import { pick, type Locale, type Range, type Severity } from "../types";
import { escapeHtml } from "./escape";

/**
 * Hands each finding to the most specific element that shows its place —
 * a cell, else a table row, else a block — exactly once, and renders the
 * outline attributes of an element that has findings.
 */
export class FindingPool {
  private left: Set<Finding>;

  constructor(findings: Finding[]) {
    this.left = new Set(findings);
  }

  /** Findings that start inside the range (a cell, where an empty cell's range is empty). */
  takeInRange(range: Range): Finding[] {
    return this.take((f) => positionInRange(f.range.start, range));
  }

  /** Findings that start on one of the lines first..last. */
  takeOnLines(first: number, last: number): Finding[] {
    return this.take((f) => f.range.start.line >= first && f.range.start.line <= last);
  }

  /** Findings no element took (e.g. on blank lines). */
  rest(): Finding[] {
    return this.take(() => true);
  }

  private take(test: (f: Finding) => boolean): Finding[] {
    const out = [...this.left].filter(test);
    for (const f of out) this.left.delete(f);
    return out;
  }
}

const ORDER: Severity[] = ["error", "warning", "info", "hint"];

/** The most severe of the findings (or of anything with a severity, such as diagnostics). */
export function worst(findings: { severity: Severity }[]): Severity {
  return ORDER.find((s) => findings.some((f) => f.severity === s)) ?? "hint";
}

/**
 * Classes and attributes of an element: outlined by its worst severity, the
 * messages on hover (title), the rule ids for scripts and tests.
 */
export function outline(findings: Finding[], locale: Locale, baseClass: string): string {
  if (!findings.length) return `class="${baseClass}"`;
  const title = findings.map((f) => pick(f.message, locale)).join("\n");
  const rules = [...new Set(findings.map((f) => f.rule))].join(" ");
  return `class="${baseClass} gr-finding gr-${worst(findings)}" title="${escapeHtml(title)}" data-rules="${escapeHtml(rules)}"`;
}
