import * as vscode from "vscode";
import { parse, renderTable } from "../../../server/src/core";
import { t, tl } from "../locale";
import { eolOf, layoutFor } from "./layout";

/** 插入标准表格: a quick pick of the tables of the report's format, inserted at the cursor from core/templates. */
export async function insertTable(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return void vscode.window.showInformationMessage(t("请先打开一份年度报告", "Open an annual report first"));
  const format = parse(editor.document.getText()).format.used;
  const picked = await vscode.window.showQuickPick(
    format.tables.map((table) => ({ label: tl(table.title), description: tl(format.name), table })),
    { title: t("插入标准表格", "Insert a standard table"), placeHolder: `${tl(format.name)}（${format.notice}）` },
  );
  if (!picked) return;
  const eol = eolOf(editor.document);
  const text = renderTable(picked.table, layoutFor(editor.document), eol) + eol;
  // Inserted as plain text: a snippet insertion would re-indent the tab-separated rows.
  await editor.edit((b) => b.insert(editor.selection.active, text));
}
