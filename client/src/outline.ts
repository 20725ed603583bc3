import * as vscode from "vscode";
import type { ReportServer } from "./languageClient";

/**
 * The outline and breadcrumbs in the new language as soon as
 * `govReport.locale` changes. VS Code asks for a document's symbols again on
 * an edit, or when the set of symbol providers for its language changes; the
 * LSP has no request to make it ask. So once the server has applied the new
 * setting (its next report status follows the recheck), an empty provider is
 * put in place of the previous one: the set changes, and the outline asks
 * the server again. An empty provider adds nothing to the outline.
 */
export function registerOutlineRefresh(context: vscode.ExtensionContext, server: ReportServer, selector: vscode.DocumentSelector): void {
  let marker: vscode.Disposable | undefined;
  let localeChanged = false;
  server.onStatus(() => {
    if (!localeChanged) return;
    localeChanged = false;
    marker?.dispose();
    marker = vscode.languages.registerDocumentSymbolProvider(selector, { provideDocumentSymbols: () => [] });
  });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("govReport.locale")) localeChanged = true;
    }),
    { dispose: () => marker?.dispose() },
  );
}
