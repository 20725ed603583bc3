import type { Finding } from "../rules";
import { parse } from "../parser";
import { checkModel, type CheckOptions } from "../check";
import type { Position, TextEdit } from "../types";

/** Offsets of each line start, counted the way splitLines counts them (a BOM is not part of line 0). */
export function lineStarts(text: string): number[] {
  const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = starts[0]; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      starts.push(i + 2);
      i++;
    } else if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

export function offsetAt(starts: number[], text: string, p: Position): number {
  const line = Math.min(Math.max(p.line, 0), starts.length - 1);
  const lineEnd = line + 1 < starts.length ? starts[line + 1] : text.length;
  return Math.min(starts[line] + Math.max(p.character, 0), lineEnd);
}

/**
 * Applies edits that do not overlap; an edit overlapping one already taken
 * is left for a later pass. Returns the new text, how many were applied and which.
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: number; taken: Set<TextEdit> } {
  const starts = lineStarts(text);
  const sorted = edits
    .map((e) => ({ from: offsetAt(starts, text, e.range.start), to: offsetAt(starts, text, e.range.end), newText: e.newText, edit: e }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const taken: typeof sorted = [];
  let end = -1;
  for (const e of sorted) {
    if (e.from < end || (e.from === end && e.from === e.to && taken.length && taken[taken.length - 1].from === e.from)) continue;
    taken.push(e);
    end = Math.max(end, e.to);
  }
  let out = "";
  let pos = 0;
  for (const e of taken) {
    out += text.slice(pos, e.from) + e.newText;
    pos = e.to;
  }
  return { text: out + text.slice(pos), applied: taken.length, taken: new Set(taken.map((e) => e.edit)) };
}

/** Every edit of every fix of the given findings (one fix per finding: its first). */
export function safeEdits(findings: Finding[]): TextEdit[] {
  return findings.flatMap((f) => f.fixes.find((x) => x.safe)?.edits ?? []);
}

export interface FixAllResult {
  text: string;
  /** Edits applied. */
  fixed: number;
  /** Findings fixed, by rule. */
  fixedByRule: Record<string, number>;
  /** The findings of the fixed text: what is left for the user. */
  left: Finding[];
}

/**
 * Applies the safe fixes until none is left (a fix can make room for
 * another), at most a few passes. Figures are never changed: only safe fixes.
 */
export function fixAll(text: string, options: CheckOptions = {}): FixAllResult {
  let current = text;
  let fixed = 0;
  const fixedByRule: Record<string, number> = {};
  for (let pass = 0; ; pass++) {
    const findings = checkModel(parse(current), options);
    const { text: next, applied, taken } = pass < 5 ? applyEdits(current, safeEdits(findings)) : { text: current, applied: 0, taken: new Set<TextEdit>() };
    if (!applied || next === current) return { text: current, fixed, fixedByRule, left: findings };
    for (const f of findings) {
      const edits = f.fixes.find((x) => x.safe)?.edits;
      if (edits?.length && edits.every((e) => taken.has(e))) fixedByRule[f.rule] = (fixedByRule[f.rule] ?? 0) + 1;
    }
    fixed += applied;
    current = next;
  }
}

