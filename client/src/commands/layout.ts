import * as vscode from "vscode";
import type { TemplateLayout } from "../../../server/src/core/templates";
import { t } from "../locale";

/** How tables are written into a document: Markdown reads pipes, everything else tab-separated rows. */
export function layoutFor(doc: vscode.TextDocument): TemplateLayout {
  return doc.languageId === "markdown" ? "pipes" : "tabs";
}

export function eolOf(doc: vscode.TextDocument): string {
  return doc.eol === vscode.EndOfLine.CRLF ? "\r\n" : "\n";
}

export function layoutName(layout: TemplateLayout): string {
  switch (layout) {
    case "tabs":
      return t("制表符分隔（每行一行表格）", "Tab-separated rows");
    case "cell-per-line":
      return t("每个单元格一行", "One cell per line");
    case "pipes":
      return t("竖线分隔（Markdown 表格）", "Pipes (Markdown table)");
  }
}
