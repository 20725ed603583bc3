import { existsSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CodeActionKind, type CodeAction, type Command, type Range, type WorkspaceEdit } from "vscode-languageserver/node";
import { formatReviewFile, type Decidable, type Locale, type ReviewDecision } from "../core";
import { readReviewFile, reviewPathFor } from "../node/review";
import type { ClientFeatures } from "./clientFeatures";
import { toDiagnostic } from "./convert";
import { APPLY_EDIT_COMMAND } from "./serverCommands";

/**
 * 标记为不是问题: where a review is kept (a .govreport-review.json beside the
 * report, core/review.ts), a code action per finding at the cursor that
 * records the finding as dismissed in that file, as a workspace edit the user
 * sees and can undo; `gov-report check` then leaves the finding out. A draft
 * without a review file gets no such action: deciding what is not a problem
 * is the reviewing office's, not the drafter's quick-fix menu's.
 */

export const reviewFileName = (uri: string) => basename(fileURLToPath(uri));

export function dismissActions(uri: string, decidable: Decidable[], locale: Locale, client: ClientFeatures): (CodeAction | Command)[] {
  if (!uri.startsWith("file:") || !decidable.length) return [];
  const path = reviewPathFor(fileURLToPath(uri));
  if (!existsSync(path)) return [];
  const decisions = readReviewFile(path, () => undefined);
  const decided = new Set(decisions.map((d) => d.fingerprint));
  return decidable
    .filter((d) => !decided.has(d.fingerprint))
    .map((d) => {
      const decision: ReviewDecision = { fingerprint: d.fingerprint, decision: "dismissed", rule: d.rule, report: d.report, quote: d.quote };
      const title = locale === "en" ? `Mark as not a problem (${d.rule})` : `标记为不是问题（${d.rule}）`;
      const edit = reviewFileEdit(path, formatReviewFile([...decisions, decision]));
      const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [toDiagnostic(d.finding, locale)], edit };
      return client.codeActionLiterals ? action : { title, command: APPLY_EDIT_COMMAND, arguments: [edit] };
    });
}

/** The largest line number LSP allows: a range to it covers a whole file. */
const LAST_LINE = 2 ** 31 - 1;

/** The review file replaced whole with its new content (the range runs past its end). */
function reviewFileEdit(path: string, content: string): WorkspaceEdit {
  const whole: Range = { start: { line: 0, character: 0 }, end: { line: LAST_LINE, character: 0 } };
  return { documentChanges: [{ textDocument: { uri: pathToFileURL(path).href, version: null }, edits: [{ range: whole, newText: content }] }] };
}
