import { parse } from "../parser";

/**
 * Content detection for untyped drafts: a report title in the opening lines
 * (drafts exported from Word often start with blank lines, an attachment
 * number, or the organ's name on a line of its own).
 */
const OPENING_LINES = 40;

export function hasReportTitle(text: string): boolean {
  const opening = text.split(/\r\n|\r|\n/, OPENING_LINES).join("\n");
  return parse(opening).title !== undefined;
}
