import * as vscode from "vscode";
import { InlayHintRequest, type LanguageClient, type Middleware } from "vscode-languageclient/node";
import type { ReportServer } from "./languageClient";
import { DRAFT_LANGUAGES, REPORT_LANGUAGE } from "./languages";

/**
 * `govReport.inlayHints.cursorLineOnly`: the column names only on the lines
 * that hold a cursor. The server names every column; the client, which alone
 * knows the cursor, keeps the hints of those lines and asks again when the
 * cursor moves to another line.
 */

const cursorLineOnly = (document: vscode.TextDocument) =>
  [REPORT_LANGUAGE, ...DRAFT_LANGUAGES].includes(document.languageId) &&
  vscode.workspace.getConfiguration("govReport.inlayHints", document.uri).get<boolean>("cursorLineOnly", false);

function cursorLines(document: vscode.TextDocument): Set<number> {
  const editors = vscode.window.visibleTextEditors.filter((e) => e.document === document);
  return new Set(editors.flatMap((e) => e.selections.map((s) => s.active.line)));
}

export const inlayHintsMiddleware: Middleware = {
  async provideInlayHints(document, viewPort, token, next) {
    const hints = await next(document, viewPort, token);
    if (!hints || !cursorLineOnly(document)) return hints;
    const lines = cursorLines(document);
    return hints.filter((h) => lines.has(h.position.line));
  },
};

/** Asks the editor for a document's hints again (the client library's provider carries the event). */
function refreshHints(client: LanguageClient, document: vscode.TextDocument): void {
  client.getFeature(InlayHintRequest.method).getProvider(document)?.onDidChangeInlayHints.fire();
}

export function registerCursorLineHints(context: vscode.ExtensionContext, server: ReportServer): void {
  const lastLine = new Map<vscode.TextEditor, number>();
  // Hints come only from a running server: a cursor moving in a file never starts it.
  const refresh = async (document: vscode.TextDocument) => {
    const client = await server.started();
    if (client) refreshHints(client, document);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection(({ textEditor }) => {
      const line = textEditor.selection.active.line;
      if (lastLine.get(textEditor) === line || !cursorLineOnly(textEditor.document)) return;
      lastLine.set(textEditor, line);
      void refresh(textEditor.document);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration("govReport.inlayHints.cursorLineOnly")) return;
      for (const editor of vscode.window.visibleTextEditors) void refresh(editor.document);
    }),
  );
}
