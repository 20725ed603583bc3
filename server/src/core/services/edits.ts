import { lineStarts } from "../fixes/apply";
import type { Position, TextEdit } from "../types";

/** The position of a UTF-16 offset, counted the way the parser counts lines (a BOM is not part of line 0). */
export function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: Math.max(0, offset - starts[lo]) };
}

/**
 * The one edit that turns `before` into `after`: the span between their
 * common prefix and common suffix. Editors keep the cursor and the undo
 * history of untouched text, which a whole-document replacement would lose.
 */
export function diffEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF: widen the edit to whole characters.
  if (start > 0 && isLowSurrogateOrLf(before, start)) start--;
  if (end > 0 && isLowSurrogateOrLf(before, before.length - end)) end--;
  const starts = lineStarts(before);
  return {
    range: { start: positionAt(starts, start), end: positionAt(starts, before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}

function isLowSurrogateOrLf(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  const prev = text.charCodeAt(offset - 1);
  return (c >= 0xdc00 && c <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff) || (c === 10 && prev === 13);
}
