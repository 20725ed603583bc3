import type { ReportModel } from "./model";
import { eolOf, splitLines, type SourceLine } from "./text";
import { lineRange, type TextEdit } from "./types";

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

/** A line that is one disable comment and nothing else; `kind` and the ids in `rules`. */
const DIRECTIVE_LINE = /^(\s*)<!--\s*gov-report-(disable|disable-line|disable-next-line)((?:\s+[a-z][a-z-]*)*)\s*-->\s*$/;

/** A line that is a disable comment and nothing else: not part of the report (Word export leaves it out). */
export const isDirectiveLine = (text: string): boolean => DIRECTIVE_LINE.test(text);

/** A line a comment line above would cut from its table: one cell of a one-cell-per-line row, or a pipe row (Markdown ends the table there). */
const SPLITS_A_TABLE = (s: string) => /^\t[^\t]*$/.test(s) || /^\s*\|/.test(s);

/**
 * The edit that adds `rule` to a disable comment: to the comment already
 * there (the line above for “next line”, the first line for the file), else
 * a new comment line. Undefined when a comment line would break a table.
 */
export function disableEdit(text: string, rule: string, scope: "next-line" | "file", line = 0): TextEdit | undefined {
  const lines = splitLines(text);
  if (scope === "next-line" && SPLITS_A_TABLE(lines[line]?.text ?? "")) return undefined;
  const kind = scope === "file" ? "disable" : "disable-next-line";
  const at = scope === "file" ? 0 : line;
  const existing = scope === "file" ? fileDirectiveLine(lines) : at > 0 && DIRECTIVE_LINE.exec(lines[at - 1].text)?.[2] === kind ? at - 1 : -1;
  if (existing >= 0) return addToDirective(lines[existing], existing, rule);
  const indent = /^[ \u3000]*/.exec(lines[at]?.text ?? "")![0];
  return { range: lineRange(at, 0, 0), newText: `${indent}<!-- gov-report-${kind} ${rule} -->${eolOf(lines)}` };
}

function fileDirectiveLine(lines: SourceLine[]): number {
  return lines.findIndex((l) => {
    const m = DIRECTIVE_LINE.exec(l.text);
    return m !== null && m[2] === "disable" && m[3].trim() !== "";
  });
}

function addToDirective(line: SourceLine, index: number, rule: string): TextEdit | undefined {
  const m = DIRECTIVE_LINE.exec(line.text)!;
  const ids = m[3].trim().split(/\s+/);
  // A comment without ids disables every rule: nothing to add.
  if (!m[3].trim() || ids.includes(rule)) return undefined;
  const end = m[1].length + line.text.slice(m[1].length).indexOf(m[3]) + m[3].length;
  return { range: lineRange(index, end, end), newText: ` ${rule}` };
}
