// Helpers of the extension-host specs: open workspace files, wait for diagnostics and language
// changes (events, never fixed delays).
import * as vscode from "vscode";

export const source = "gov-report";
/** How long an event may take to come: a bound against a hang, generous for two shared cores and a server checking a workspace. */
const waitMs = 60_000;

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

/** The extension's exports (client/src/extension.ts), once it is active. */
export interface GovReportApi {
  statusBarText(): string | undefined;
  onDidChangeStatusBar: vscode.Event<void>;
  /** The 年报检查 view's data provider (client/src/reviewView.ts); its nodes are opaque. */
  reviewTree: vscode.TreeDataProvider<unknown> & { onDidChangeTreeData: vscode.Event<void> };
}

export async function extensionApi(): Promise<GovReportApi> {
  const extension = vscode.extensions.getExtension<GovReportApi>("gov-report.gov-report");
  if (!extension) throw new Error("gov-report.gov-report is not installed");
  return extension.activate();
}

/**
 * Runs a command that asks through quick picks and input boxes, accepting what each one
 * proposes (the highlighted item, the default value) as a person pressing Enter would, until
 * the command has finished. The prompts appear when the command gets to them, so acceptance is
 * re-issued on each tick of the event loop until then.
 */
export async function runAcceptingPrompts(command: string): Promise<void> {
  let settled = false;
  let failure: unknown;
  const running = Promise.resolve(vscode.commands.executeCommand(command)).then(
    () => (settled = true),
    (e: unknown) => ((failure = e), (settled = true)),
  );
  const deadline = Date.now() + waitMs;
  while (!settled) {
    if (Date.now() > deadline) throw new Error(`${command} did not finish within ${waitMs / 1000} s of accepting its prompts`);
    await vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
    await new Promise((resolve) => setImmediate(resolve));
  }
  await running;
  if (failure) throw failure;
}

/** Resolves once the active editor's document satisfies `accept`. */
export function activeDocumentWhere(accept: (doc: vscode.TextDocument) => boolean, what: string): Promise<vscode.TextDocument> {
  const onChange = (listener: (e: unknown) => void) => {
    const a = vscode.window.onDidChangeActiveTextEditor(listener);
    const b = vscode.workspace.onDidChangeTextDocument(listener);
    const c = vscode.workspace.onDidOpenTextDocument(listener);
    return vscode.Disposable.from(a, b, c);
  };
  return eventually(onChange, () => {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && accept(doc) ? doc : undefined;
  }, what);
}

/** Writes a file of the workspace (relative path). */
export async function writeWorkspaceFile(path: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(...path.split("/"));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Closes every editor, discarding changes (closing a changed editor would ask to save it). */
export async function closeAllEditors(): Promise<void> {
  const open = () => vscode.window.tabGroups.all.reduce((n, g) => n + g.tabs.length, 0);
  for (let left = open(); left > 0; left--) await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  if (open() > 0) await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}
