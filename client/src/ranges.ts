import * as vscode from "vscode";
import type { Range } from "../../server/src/core/types";

/** A core (LSP-shaped) range as a VS Code range. */
export function toVsRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
