import * as vscode from "vscode";
import type { ReportServer } from "./languageClient";

/** A selector that matches any document only through a wildcard (score 5, below a language's 10). */
const LOWEST_SCORE: vscode.DocumentFilter = { language: "*" };

/**
 * The outline and breadcrumbs in the new language as soon as
 * `govReport.locale` changes. VS Code asks for a document's symbols again on
 * an edit, or when the set of symbol providers changes; the LSP has no
 * request to make it ask. So once the server has applied the new setting
 * (its next report status follows the recheck), an empty provider is put in
 * place of the previous one: the set changes, and the outline asks the server
 * again. The empty provider adds nothing, and it matches every document with
 * the lowest score so that it ranks after the server's provider: the
 * outline's elements keep their ids, and so their expanded or collapsed state.
 */
export function registerOutlineRefresh(context: vscode.ExtensionContext, server: ReportServer): void {
  let marker: vscode.Disposable | undefined;
  let localeChanged = false;
  server.onStatus(() => {
    if (!localeChanged) return;
    localeChanged = false;
    marker?.dispose();
    marker = vscode.languages.registerDocumentSymbolProvider(LOWEST_SCORE, { provideDocumentSymbols: () => [] });
  });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("govReport.locale")) localeChanged = true;
    }),
    { dispose: () => marker?.dispose() },
  );
}
