import * as vscode from "vscode";
import type { FixAllSummary } from "../../../server/src/core/services/codeActions";
import { FIX_ALL_KIND } from "../../../server/src/server/protocol";
import { languageSettled } from "../detection";
import type { ReportServer } from "../languageClient";
import { t } from "../locale";

/** 修复全部问题: asks the server for `source.fixAll.gov-report` (safe fixes only, never a figure), applies it and says what it did. */
export async function fixAll(server: ReportServer): Promise<void> {
  const opened = vscode.window.activeTextEditor;
  if (!opened) return;
  // A plain-text report just opened may be switching to the report language: the server has it again only afterwards.
  await languageSettled(opened.document.uri);
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  await server.start();
  const doc = editor.document;
  // The edit names the document's version: if the text changed between the answer and the edit (typing, a
  // save's formatting), VS Code refuses it, and the fixes are asked for again, once, on the text as it is.
  for (let attempt = 0; attempt < 2; attempt++) {
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", doc.uri, whole, FIX_ALL_KIND);
    const fix = actions?.find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
    if (!fix?.edit) return void offerTheRest(t("没有可以安全自动修复的问题；其余问题需逐条核对", "Nothing to fix automatically; what is left needs checking one by one"));
    if (!(await vscode.workspace.applyEdit(fix.edit))) continue;
    // Applied by hand here, so the action's command (the account of what was fixed) is run by hand too.
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    return;
  }
  void vscode.window.showWarningMessage(t("文档在修复时被改动，未能修复；请再运行一次“修复全部问题”", "The document changed while fixing; run Fix All again"));
}

/**
 * The account of a fix-all (the command, or source.fixAll on save): counts
 * by rule of what it fixed and what it left, with the way to the rest.
 */
export function showFixAllReport(summary: unknown): void {
  if (!isSummary(summary)) return;
  if (summary.left.length) offerTheRest(summary.message);
  else void vscode.window.showInformationMessage(summary.message);
}

function offerTheRest(message: string): void {
  const problems = t("打开问题面板", "Open Problems");
  const review = t("打开年报检查", "Open the review view");
  void vscode.window.showInformationMessage(message, problems, review).then((picked) => {
    if (picked === problems) void vscode.commands.executeCommand("workbench.actions.view.problems");
    else if (picked === review) void vscode.commands.executeCommand("govReport.review.focus");
  });
}

/** Command arguments come from the server as plain JSON. */
function isSummary(s: unknown): s is FixAllSummary {
  const o = s as FixAllSummary;
  return typeof s === "object" && s !== null && typeof o.message === "string" && Array.isArray(o.fixed) && Array.isArray(o.left);
}
