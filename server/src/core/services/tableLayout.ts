import type { ReportModel, TableLayout } from "../model";
import type { TemplateLayout } from "../templates";
import type { Position, TextEdit } from "../types";
import { blockAt, blockRange, documentEol, renderBlock } from "./grid";

/**
 * Converts the table under the cursor between the layouts drafts use: one
 * cell per line or `|` rows to tab-separated rows, and back. Cell texts are
 * kept as written, padding aside.
 */

export interface TableAtCursor {
  layout: TableLayout;
  /** The layouts it can be converted to. */
  targets: TemplateLayout[];
}

const TARGETS: TemplateLayout[] = ["tabs", "cell-per-line", "pipes"];

export function tableAt(model: ReportModel, position: Position): TableAtCursor | undefined {
  const block = blockAt(model, position.line);
  if (!block) return undefined;
  return { layout: block.layout, targets: TARGETS.filter((t) => t !== block.layout) };
}

export function convertTableLayout(model: ReportModel, position: Position, target: TemplateLayout): TextEdit | undefined {
  const block = blockAt(model, position.line);
  if (!block) return undefined;
  return { range: blockRange(model, block), newText: renderBlock(block, target, documentEol(model)) };
}
