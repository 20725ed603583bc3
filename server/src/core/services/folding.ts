import type { ReportModel } from "../model";
import { trimPadding } from "../text";

/** Folding: each section (without its trailing blank lines) and each table of more than one line. */

export interface FoldingRegion {
  startLine: number;
  endLine: number;
}

export function foldingRanges(model: ReportModel): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  for (const s of model.sections) regions.push({ startLine: s.range.start.line, endLine: lastFilledLine(model, s.range.start.line, s.bodyRange.end.line) });
  for (const t of model.tables) regions.push({ startLine: t.range.start.line, endLine: t.range.end.line });
  return regions.filter((r) => r.endLine > r.startLine).sort((a, b) => a.startLine - b.startLine);
}

function lastFilledLine(model: ReportModel, first: number, last: number): number {
  let line = last;
  while (line > first && trimPadding(model.lines[line].text) === "") line--;
  return line;
}
