import * as vscode from "vscode";
import { FIX_ALL_KIND } from "../../../server/src/server/protocol";
import type { ReportServer } from "../languageClient";
import { t } from "../locale";

/** 修复全部问题: asks the server for `source.fixAll.gov-report` (safe fixes only, never a figure) and applies it. */
export async function fixAll(server: ReportServer): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  await server.start();
  const doc = editor.document;
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", doc.uri, whole, FIX_ALL_KIND);
  const fix = actions?.find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
  if (!fix?.edit) return void vscode.window.showInformationMessage(t("没有可以安全自动修复的问题", "Nothing to fix automatically"));
  await vscode.workspace.applyEdit(fix.edit);
}
