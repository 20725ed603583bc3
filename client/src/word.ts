import { posix } from "node:path";
import * as vscode from "vscode";
import {
  CHECK_WORD_REQUEST,
  EXPORT_WORD_REQUEST,
  IMPORT_WORD_REQUEST,
  type CheckWordResult,
  type ExportWordResult,
  type ImportWordResult,
  type WordFinding,
  type WordSource,
} from "../../server/src/server/wordProtocol";
import type { ReportServer } from "./languageClient";
import { REPORT_LANGUAGE } from "./languages";
import { t } from "./locale";

/**
 * Word in, Word out in the editor: 从 Word 导入 (a .docx as an untitled
 * draft), 导出为 Word (the active draft as the official Word document), and a
 * read-only checked view of a .docx whose problems name the paragraph or the
 * table cell in Word. The language server converts and checks
 * (govReport/importWord, exportWord, checkWord); this is the VS Code side
 * only: pickers, messages, and the files, read and written through
 * vscode.workspace.fs so that virtual workspaces work too.
 */

/** Documents of the read-only Word view: the path is the .docx's (the tab shows its name), the query its full URI. */
const WORD_VIEW_SCHEME = "gov-report-word";

export function registerWordCommands(context: vscode.ExtensionContext, server: ReportServer): void {
  const view = new WordView(server);
  context.subscriptions.push(
    view,
    vscode.workspace.registerTextDocumentContentProvider(WORD_VIEW_SCHEME, view),
    vscode.workspace.onDidCloseTextDocument((doc) => view.forget(doc.uri)),
    vscode.commands.registerCommand("govReport.importWord", (uri?: vscode.Uri) => showingErrors(() => importWord(server, uri))),
    vscode.commands.registerCommand("govReport.exportWord", () => showingErrors(() => exportWord(server))),
    vscode.commands.registerCommand("govReport.openWord", (uri?: vscode.Uri) => showingErrors(() => view.open(uri))),
  );
}

/** Runs a command and tells the user what went wrong (a file that is not a .docx, a write that failed). */
async function showingErrors(command: () => Promise<void>): Promise<void> {
  try {
    await command();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(t(`年报 Word 命令失败：${reason}`, `Word command failed: ${reason}`));
  }
}

async function pickWordFile(title: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ title, canSelectMany: false, filters: { Word: ["docx"] } });
  return picked?.[0];
}

/** The .docx as the server reads it: its bytes, and its URI for the .govreportrc.json that applies. */
async function wordSource(uri: vscode.Uri): Promise<WordSource> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  return { data: Buffer.from(bytes).toString("base64"), uri: uri.toString() };
}

async function ask<R>(server: ReportServer, method: string, params: unknown): Promise<R> {
  const client = await server.start();
  return client.sendRequest<R>(method, params);
}

/** 从 Word 导入: the .docx (from the explorer, or picked) as an untitled report draft. */
async function importWord(server: ReportServer, uri?: vscode.Uri): Promise<void> {
  const source = uri ?? (await pickWordFile(t("从 Word 导入", "Import from Word")));
  if (!source) return;
  const draft = await ask<ImportWordResult>(server, IMPORT_WORD_REQUEST, await wordSource(source));
  const doc = await vscode.workspace.openTextDocument({ language: REPORT_LANGUAGE, content: draft.text });
  await vscode.window.showTextDocument(doc);
}

/** 导出为 Word: the active draft as a .docx; a draft with errors only when the user confirms. */
async function exportWord(server: ReportServer): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showWarningMessage(t("请先打开要导出的年度报告草稿", "Open the annual report draft to export first"));
    return;
  }
  const exported = await exportConfirmingErrors(server, doc);
  if (!exported) return;
  const target = await vscode.window.showSaveDialog({
    title: t("导出为 Word", "Export as Word"),
    defaultUri: defaultTarget(doc, exported),
    filters: { Word: ["docx"] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(exported.data, "base64"));
  const found = exported.errors + exported.warnings ? t(`（错误 ${exported.errors}，警告 ${exported.warnings}）`, ` (${exported.errors} errors, ${exported.warnings} warnings)`) : "";
  void vscode.window.showInformationMessage(t(`已导出 ${target.fsPath}${found}`, `Exported ${target.fsPath}${found}`));
}

type Exported = Extract<ExportWordResult, { exported: true }>;

/** report.txt → report.docx in the same folder; an untitled draft is named after its year and organ. */
function defaultTarget(doc: vscode.TextDocument, exported: Exported): vscode.Uri | undefined {
  if (!doc.isUntitled) {
    const path = doc.uri.path;
    return doc.uri.with({ path: posix.join(posix.dirname(path), posix.basename(path, posix.extname(path)) + ".docx") });
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder || !exported.organ) return undefined;
  return vscode.Uri.joinPath(folder, `${exported.organ}${exported.year ? `${exported.year}年` : ""}政府信息公开工作年度报告.docx`);
}

/** The exported document, or undefined when the draft has errors and the user does not export it anyway. */
async function exportConfirmingErrors(server: ReportServer, doc: vscode.TextDocument): Promise<Exported | undefined> {
  const params = { text: doc.getText(), uri: doc.uri.toString() };
  const checked = await ask<ExportWordResult>(server, EXPORT_WORD_REQUEST, params);
  if (checked.exported) return checked;
  const listed = checked.errors.slice(0, 10).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.message}`);
  const more = checked.errors.length > listed.length ? [t(`……共 ${checked.errors.length} 个错误`, `… ${checked.errors.length} errors in all`)] : [];
  const exportAnyway = t("仍然导出", "Export anyway");
  const choice = await vscode.window.showWarningMessage(
    t(`草稿有 ${checked.errors.length} 个错误，导出的 Word 文档会带着这些错误。`, `The draft has ${checked.errors.length} errors; the Word document would carry them.`),
    { modal: true, detail: [...listed, ...more].join("\n") },
    exportAnyway,
  );
  if (choice !== exportAnyway) return undefined;
  const forced = await ask<ExportWordResult>(server, EXPORT_WORD_REQUEST, { ...params, force: true });
  return forced.exported ? forced : undefined;
}

const SEVERITY: Record<WordFinding["severity"], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * The read-only checked view of a .docx: its converted text, with the
 * server's findings as diagnostics that start with the Word location. The
 * language server publishes diagnostics only for files and untitled drafts,
 * so these are the view's only diagnostics.
 */
class WordView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection("gov-report-word");

  constructor(private readonly server: ReportServer) {}

  async open(uri?: vscode.Uri): Promise<void> {
    const source = uri ?? (await pickWordFile(t("打开 Word 报告（只读检查）", "Open a Word report (read-only check)")));
    if (!source) return;
    const view = vscode.Uri.from({ scheme: WORD_VIEW_SCHEME, path: source.path, query: source.toString() });
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(view), REPORT_LANGUAGE);
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  async provideTextDocumentContent(view: vscode.Uri): Promise<string> {
    const checked = await ask<CheckWordResult>(this.server, CHECK_WORD_REQUEST, await wordSource(vscode.Uri.parse(view.query)));
    this.diagnostics.set(view, checked.findings.map(diagnostic));
    return checked.text;
  }

  forget(view: vscode.Uri): void {
    if (view.scheme === WORD_VIEW_SCHEME) this.diagnostics.delete(view);
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}

function diagnostic(finding: WordFinding): vscode.Diagnostic {
  const { start, end } = finding.range;
  const d = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), finding.message, SEVERITY[finding.severity]);
  d.source = "gov-report";
  d.code = finding.rule;
  return d;
}
