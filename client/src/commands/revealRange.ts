import * as vscode from "vscode";
import type { Range } from "../../../server/src/core/types";
import { toVsRange } from "../ranges";

/** Jumps to a range of a document; the balance lens of a table uses it to reach the first mismatch. */
export async function revealRange(uri: unknown, range: unknown): Promise<void> {
  if (typeof uri !== "string" || !isRange(range)) return;
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri));
  const target = toVsRange(range);
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Command arguments come from the server as plain JSON. */
function isRange(r: unknown): r is Range {
  const isPosition = (p: unknown) => typeof p === "object" && p !== null && typeof (p as { line: unknown }).line === "number";
  return typeof r === "object" && r !== null && isPosition((r as Range).start) && isPosition((r as Range).end);
}
