import * as vscode from "vscode";
import { convertTableLayout as convert, parse, tableAt } from "../../../server/src/core";
import { t } from "../locale";
import { toVsRange } from "../ranges";
import { layoutName } from "./layout";

/** 转换表格布局: rewrites the table under the cursor in another layout (one cell per line, pipes, tab rows). */
export async function convertTableLayout(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const model = parse(editor.document.getText());
  const position = editor.selection.active;
  const table = tableAt(model, position);
  if (!table) return void vscode.window.showInformationMessage(t("光标不在表格中", "The cursor is not in a table"));
  const picked = await vscode.window.showQuickPick(
    table.targets.map((layout) => ({ label: layoutName(layout), layout })),
    { title: t("转换表格布局", "Convert table layout") },
  );
  if (!picked) return;
  const edit = convert(model, position, picked.layout);
  if (edit) await editor.edit((b) => b.replace(toVsRange(edit.range), edit.newText));
}
