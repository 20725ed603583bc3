import * as vscode from "vscode";
import { hasReportTitle } from "../../server/src/core/services/detection";
import { DRAFT_LANGUAGES, REPORT_LANGUAGE } from "./languages";

/**
 * Content detection: a plain-text or Markdown document whose opening lines
 * hold a report title is a report. Plain text switches to the report
 * language (and its grammar, snippets and settings); Markdown keeps its own
 * and is checked as it is. Either way the server is started.
 */
const OPENING = new vscode.Range(0, 0, 40, 0);

/**
 * Switches to the report language under way, by URI. While one runs the
 * server sees the document closed and opened again, and a request about it
 * in between finds no document: a command that asks the server about the
 * active document (修复全部问题) waits for the switch first.
 */
const switching = new Map<string, Promise<unknown>>();

/** Resolves once the document's switch to the report language has ended; at once when none is under way. */
export async function languageSettled(uri: vscode.Uri): Promise<void> {
  await switching.get(uri.toString())?.catch(() => undefined);
}

function switchToReport(doc: vscode.TextDocument): void {
  const key = doc.uri.toString();
  const done = Promise.resolve(vscode.languages.setTextDocumentLanguage(doc, REPORT_LANGUAGE));
  switching.set(key, done);
  void done.then(
    () => switching.delete(key),
    () => switching.delete(key),
  );
}

export function registerDetection(context: vscode.ExtensionContext, onReport: () => void): void {
  // A document the user switched back to plain text stays plain text.
  const switched = new Set<string>();
  const inspect = (doc: vscode.TextDocument) => {
    if (doc.languageId === REPORT_LANGUAGE) return onReport();
    if (!DRAFT_LANGUAGES.includes(doc.languageId) || !["file", "untitled"].includes(doc.uri.scheme)) return;
    if (!vscode.workspace.getConfiguration("govReport", doc.uri).get<boolean>("autoDetect", true)) return;
    if (!hasReportTitle(doc.getText(OPENING))) return;
    if (doc.languageId === "plaintext" && !switched.has(doc.uri.toString())) {
      switched.add(doc.uri.toString());
      switchToReport(doc);
    } else onReport();
  };
  vscode.workspace.textDocuments.forEach(inspect);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(inspect),
    // A new untitled document gets its text after it opens (a paste).
    vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (document.isUntitled && document.languageId === "plaintext") inspect(document);
    }),
  );
}
