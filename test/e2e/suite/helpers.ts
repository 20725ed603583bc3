// Helpers of the extension-host specs: open workspace files, wait for diagnostics and language
// changes (events, never fixed delays).
import * as vscode from "vscode";

export const source = "gov-report";
const waitMs = 30_000;

export function workspaceUri(...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("the suite needs a workspace folder");
  return vscode.Uri.joinPath(folder.uri, ...path);
}

export async function openSample(file: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri("samples", file));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Resolves once `check()` holds, re-checking on every event of `onEvent`; rejects after 30 s. */
export function eventually<T>(onEvent: vscode.Event<unknown>, check: () => T | undefined, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const settle = () => {
      const value = check();
      if (value === undefined) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve(value);
      return true;
    };
    const subscription = onEvent(() => settle());
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${waitMs / 1000} s waiting for ${what}`));
    }, waitMs);
    settle();
  });
}

export function reportDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
}

function ruleOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === "object" ? String(d.code.value) : d.code?.toString();
}

/** Waits until the document's gov-report diagnostics satisfy `accept`; returns them. */
export function diagnosticsWhere(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return eventually(vscode.languages.onDidChangeDiagnostics, () => {
    const ds = reportDiagnostics(uri);
    return accept(ds) ? ds : undefined;
  }, what);
}

export function withRule(ds: vscode.Diagnostic[], rule: string): vscode.Diagnostic[] {
  return ds.filter((d) => ruleOf(d) === rule);
}

export { ruleOf };
