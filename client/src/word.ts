import { posix } from "node:path";
import * as vscode from "vscode";
import { checkText, type Finding, type Severity } from "../../server/src/core";
import { describeWordLocation, DocxError, exportDocx, importDocx, type WordDraft } from "../../server/src/docx";
import { REPORT_LANGUAGE } from "./languages";
import { t, tl } from "./locale";

/**
 * Word in, Word out in the editor: 从 Word 导入 (a .docx as an untitled
 * draft), 导出为 Word (the active draft as the official Word document), and a
 * read-only checked view of a .docx whose problems name the paragraph or the
 * table cell in Word. The conversion and the checks are the core's and the
 * docx module's; this is the VS Code side only.
 */

/** Documents of the read-only Word view: the path is the .docx's (the tab shows its name), the query its full URI. */
const WORD_VIEW_SCHEME = "gov-report-word";

export function registerWordCommands(context: vscode.ExtensionContext): void {
  const view = new WordView();
  context.subscriptions.push(
    view,
    vscode.workspace.registerTextDocumentContentProvider(WORD_VIEW_SCHEME, view),
    vscode.workspace.onDidCloseTextDocument((doc) => view.forget(doc.uri)),
    vscode.commands.registerCommand("govReport.importWord", (uri?: vscode.Uri) => showingErrors(() => importWord(uri))),
    vscode.commands.registerCommand("govReport.exportWord", () => showingErrors(exportWord)),
    vscode.commands.registerCommand("govReport.openWord", (uri?: vscode.Uri) => showingErrors(() => view.open(uri))),
  );
}

/** Runs a command and tells the user what went wrong (a file that is not a .docx, a write that failed). */
async function showingErrors(command: () => Promise<void>): Promise<void> {
  try {
    await command();
  } catch (e) {
    const reason = e instanceof DocxError ? tl(e.reason) : e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(t(`年报 Word 命令失败：${reason}`, `Word command failed: ${reason}`));
  }
}

async function pickWordFile(title: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ title, canSelectMany: false, filters: { Word: ["docx"] } });
  return picked?.[0];
}

async function readWordFile(uri: vscode.Uri): Promise<WordDraft> {
  return importDocx(await vscode.workspace.fs.readFile(uri));
}

/** 从 Word 导入: the .docx (from the explorer, or picked) as an untitled report draft. */
async function importWord(uri?: vscode.Uri): Promise<void> {
  const source = uri ?? (await pickWordFile(t("从 Word 导入", "Import from Word")));
  if (!source) return;
  const draft = await readWordFile(source);
  const doc = await vscode.workspace.openTextDocument({ language: REPORT_LANGUAGE, content: draft.text });
  await vscode.window.showTextDocument(doc);
}

/** 导出为 Word: the active draft as a .docx; a draft with errors only when the user confirms. */
async function exportWord(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showWarningMessage(t("请先打开要导出的年度报告草稿", "Open the annual report draft to export first"));
    return;
  }
  const docx = await exportConfirmingErrors(doc.getText());
  if (!docx) return;
  const target = await vscode.window.showSaveDialog({
    title: t("导出为 Word", "Export as Word"),
    defaultUri: doc.isUntitled ? undefined : doc.uri.with({ path: besideAsDocx(doc.uri.path) }),
    filters: { Word: ["docx"] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, docx);
  void vscode.window.showInformationMessage(t(`已导出 ${target.fsPath}`, `Exported ${target.fsPath}`));
}

/** report.txt → report.docx, in the same folder. */
function besideAsDocx(path: string): string {
  return posix.join(posix.dirname(path), posix.basename(path, posix.extname(path)) + ".docx");
}

/** The exported document, or undefined when the draft has errors and the user does not export it anyway. */
async function exportConfirmingErrors(text: string): Promise<Uint8Array | undefined> {
  const checked = await exportDocx(text);
  if (checked.exported) return checked.docx;
  const listed = checked.errors.slice(0, 10).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}  ${tl(f.message)}`);
  const more = checked.errors.length > listed.length ? [t(`……共 ${checked.errors.length} 个错误`, `… ${checked.errors.length} errors in all`)] : [];
  const exportAnyway = t("仍然导出", "Export anyway");
  const choice = await vscode.window.showWarningMessage(
    t(`草稿有 ${checked.errors.length} 个错误，导出的 Word 文档会带着这些错误。`, `The draft has ${checked.errors.length} errors; the Word document would carry them.`),
    { modal: true, detail: [...listed, ...more].join("\n") },
    exportAnyway,
  );
  if (choice !== exportAnyway) return undefined;
  const forced = await exportDocx(text, { force: true });
  return forced.exported ? forced.docx : undefined;
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * The read-only checked view of a .docx: its converted text, with the core's
 * findings as diagnostics that start with the Word location. The language
 * server checks only files and untitled drafts, so these are the view's only
 * diagnostics.
 */
class WordView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection("gov-report-word");

  async open(uri?: vscode.Uri): Promise<void> {
    const source = uri ?? (await pickWordFile(t("打开 Word 报告（只读检查）", "Open a Word report (read-only check)")));
    if (!source) return;
    const view = vscode.Uri.from({ scheme: WORD_VIEW_SCHEME, path: source.path, query: source.toString() });
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(view), REPORT_LANGUAGE);
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  async provideTextDocumentContent(view: vscode.Uri): Promise<string> {
    const draft = await readWordFile(vscode.Uri.parse(view.query));
    this.diagnostics.set(view, checkText(draft.text).findings.map((f) => this.diagnostic(f, draft)));
    return draft.text;
  }

  forget(view: vscode.Uri): void {
    if (view.scheme === WORD_VIEW_SCHEME) this.diagnostics.delete(view);
  }

  dispose(): void {
    this.diagnostics.dispose();
  }

  private diagnostic(finding: Finding, draft: WordDraft): vscode.Diagnostic {
    const { start, end } = finding.range;
    const location = draft.locate(start);
    const message = location ? `${tl(describeWordLocation(location))}：${tl(finding.message)}` : tl(finding.message);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), message, SEVERITY[finding.severity]);
    diagnostic.source = "gov-report";
    diagnostic.code = finding.rule;
    return diagnostic;
  }
}
