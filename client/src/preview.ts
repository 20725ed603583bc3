import { randomBytes } from "node:crypto";
import { basename } from "node:path";
import * as vscode from "vscode";
import { REPORT_CSS } from "../../server/src/core/render/style";
import { PREVIEW_REQUEST, type PreviewResult } from "../../server/src/server/reviewProtocol";
import type { ReportServer } from "./languageClient";
import { DRAFT_LANGUAGES, REPORT_LANGUAGE } from "./languages";
import { clientLocale, t } from "./locale";

/**
 * 打开预览: a webview beside the draft showing the report as it would be
 * published, rendered by the server from the same analysis as the diagnostics
 * (core/render), every cell or paragraph with a finding outlined and its
 * messages on hover. It updates as the user types, follows the cursor, and
 * follows the active report editor. Strict CSP: no remote resources, one
 * inline style and one inline script, both under a fresh nonce.
 *
 * For tests: the panel's root is main#gr-preview; outlined elements carry
 * .gr-finding and .gr-error|.gr-warning|.gr-info|.gr-hint, their messages in
 * title and rule ids in data-rules; cells are td.gr-cell[data-column] inside
 * tr.gr-row[data-row] inside table.gr-table[data-table]; the block at the
 * cursor has .gr-current.
 */
export const SHOW_PREVIEW_COMMAND = "govReport.showPreview";

const UPDATE_DELAY_MS = 250;

const isDraft = (doc: vscode.TextDocument) => doc.languageId === REPORT_LANGUAGE || DRAFT_LANGUAGES.includes(doc.languageId);

export function registerPreview(context: vscode.ExtensionContext, server: ReportServer): void {
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_PREVIEW_COMMAND, () => ReportPreview.show(server)));
}

/** Messages to the webview's script. */
type ToWebview = { type: "render"; html: string; line: number } | { type: "cursor"; line: number } | { type: "empty"; message: string };

class ReportPreview {
  private static current?: ReportPreview;
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer?: NodeJS.Timeout;

  static show(server: ReportServer): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isDraft(editor.document)) {
      void vscode.window.showInformationMessage(t("请先打开一份年报草稿。", "Open a report draft first."));
      return;
    }
    if (ReportPreview.current) {
      ReportPreview.current.panel.reveal(vscode.ViewColumn.Beside, true);
      ReportPreview.current.follow(editor.document);
    } else ReportPreview.current = new ReportPreview(server, editor.document);
  }

  private constructor(
    private readonly server: ReportServer,
    private document: vscode.TextDocument,
  ) {
    this.panel = vscode.window.createWebviewPanel("govReport.preview", this.title(), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [],
    });
    this.panel.webview.html = page();
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (document === this.document) this.schedule();
      }),
      // Cross-year findings change when another file does: the diagnostics say so.
      vscode.languages.onDidChangeDiagnostics(({ uris }) => {
        if (uris.some((u) => u.toString() === this.document.uri.toString())) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isDraft(editor.document)) this.follow(editor.document);
      }),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor, selections }) => {
        if (textEditor.document === this.document) this.post({ type: "cursor", line: selections[0].active.line });
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration("govReport.locale")) return;
        this.panel.title = this.title();
        this.schedule();
      }),
      this.panel.onDidDispose(() => this.dispose()),
    );
    this.schedule(0);
  }

  private follow(document: vscode.TextDocument): void {
    if (document === this.document) return;
    this.document = document;
    this.panel.title = this.title();
    this.schedule(0);
  }

  private title(): string {
    return `${t("预览", "Preview")}：${basename(this.document.uri.path) || this.document.uri.toString()}`;
  }

  /** A burst of keystrokes costs one rendering. */
  private schedule(delay = UPDATE_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const document = this.document;
    const client = await this.server.start();
    const result = await client.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, { uri: document.uri.toString() });
    if (document !== this.document) return;
    if (!result) {
      this.post({ type: "empty", message: t("此文档不是年度报告，或未被检查。", "This document is not a report, or is not checked.") });
      return;
    }
    this.post({ type: "render", html: result.html, line: this.cursorLine() });
    // The server answered before it saw the latest edit: ask again.
    if (result.version < document.version) this.schedule();
  }

  private cursorLine(): number {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    return editor?.selection.active.line ?? 0;
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
    ReportPreview.current = undefined;
  }
}

const PREVIEW_CSS = `
body { padding: 1em 2em; }
.gr-placeholder { color: var(--vscode-descriptionForeground, #777); }
`;

/**
 * The webview's script: swaps in the rendered article (text already escaped
 * by the renderer) and marks the innermost block whose lines hold the cursor.
 */
const SCRIPT = `
const main = document.getElementById("gr-preview");
let cursor = 0;
function mark(line, scroll) {
  cursor = line;
  let hit = null;
  for (const el of main.querySelectorAll("[data-line]")) {
    if (Number(el.dataset.line) <= line && line <= Number(el.dataset.endLine)) hit = el;
  }
  for (const el of main.querySelectorAll(".gr-current")) el.classList.remove("gr-current");
  if (!hit) return;
  hit.classList.add("gr-current");
  if (scroll) hit.scrollIntoView({ block: "nearest" });
}
window.addEventListener("message", (event) => {
  const m = event.data;
  if (m.type === "render") {
    main.innerHTML = m.html;
    mark(m.line, false);
  } else if (m.type === "cursor") mark(m.line, true);
  else if (m.type === "empty") main.replaceChildren(Object.assign(document.createElement("p"), { className: "gr-placeholder", textContent: m.message }));
});
`;

function page(): string {
  const nonce = randomBytes(16).toString("base64");
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!doctype html>
<html lang="${clientLocale() === "en" ? "en" : "zh-CN"}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${REPORT_CSS}${PREVIEW_CSS}</style>
</head>
<body>
<main id="gr-preview" class="gr-preview"><p class="gr-placeholder">${t("正在生成预览……", "Rendering the preview…")}</p></main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}
