import { findTitle } from "../parser/meta";
import { splitLines } from "../text";

/**
 * Content detection for untyped drafts: a report title in the opening lines
 * (drafts exported from Word often start with blank lines, an attachment
 * number, or the organ's name on a line of its own). It reads the title
 * lines alone, not the whole report: the client runs it on every plain-text
 * and Markdown document it opens, and bundles only this.
 */
const OPENING_LINES = 40;

export function hasReportTitle(text: string): boolean {
  const opening = splitLines(text).slice(0, OPENING_LINES);
  return findTitle(opening, opening.length) !== undefined;
}
