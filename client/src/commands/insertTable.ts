import * as vscode from "vscode";
import { TABLE_TEMPLATES_REQUEST, type TableTemplatesResult } from "../../../server/src/server/commandProtocol";
import type { ReportServer } from "../languageClient";
import { t } from "../locale";
import { eolOf, layoutFor } from "./layout";

/** 插入标准表格: a quick pick of the tables of the report's format (rendered by the server from core/templates), inserted at the cursor. */
export async function insertTable(server: ReportServer): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return void vscode.window.showInformationMessage(t("请先打开一份年度报告", "Open an annual report first"));
  const client = await server.start();
  const eol = eolOf(editor.document);
  const params = { text: editor.document.getText(), layout: layoutFor(editor.document), eol };
  const templates = await client.sendRequest<TableTemplatesResult>(TABLE_TEMPLATES_REQUEST, params);
  const picked = await vscode.window.showQuickPick(
    templates.tables.map((table) => ({ label: table.title, description: templates.formatName, table })),
    { title: t("插入标准表格", "Insert a standard table"), placeHolder: `${templates.formatName}（${templates.notice}）` },
  );
  if (!picked) return;
  // Inserted as plain text: a snippet insertion would re-indent the tab-separated rows.
  await editor.edit((b) => b.insert(editor.selection.active, picked.table.text + eol));
}
