import * as vscode from "vscode";
import {
  CONVERT_TABLE_LAYOUT_REQUEST,
  TABLE_LAYOUTS_REQUEST,
  type ConvertTableLayoutResult,
  type TableLayoutsResult,
} from "../../../server/src/server/commandProtocol";
import type { ReportServer } from "../languageClient";
import { t } from "../locale";
import { toVsRange } from "../ranges";
import { layoutName } from "./layout";

/** 转换表格布局: rewrites the table under the cursor in another layout (one cell per line, pipes, tab rows); the server makes the edit. */
export async function convertTableLayout(server: ReportServer): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const client = await server.start();
  const text = editor.document.getText();
  const position = { line: editor.selection.active.line, character: editor.selection.active.character };
  const targets = await client.sendRequest<TableLayoutsResult>(TABLE_LAYOUTS_REQUEST, { text, position });
  if (!targets) return void vscode.window.showInformationMessage(t("光标不在表格中", "The cursor is not in a table"));
  const picked = await vscode.window.showQuickPick(
    targets.map((layout) => ({ label: layoutName(layout), layout })),
    { title: t("转换表格布局", "Convert table layout") },
  );
  if (!picked) return;
  const edit = await client.sendRequest<ConvertTableLayoutResult>(CONVERT_TABLE_LAYOUT_REQUEST, { text, position, layout: picked.layout });
  if (edit) await editor.edit((b) => b.replace(toVsRange(edit.range), edit.newText));
}
