import * as vscode from "vscode";
import type { ReportStatus } from "../../server/src/server/protocol";
import { t } from "./locale";

/** Focuses the 年报检查 view (VS Code's command for every contributed view). */
const FOCUS_REVIEW_COMMAND = "govReport.review.focus";

/**
 * The status-bar item of the active report: the format it follows; a click
 * opens the 年报检查 view. VS Code's own item already counts the errors and
 * warnings, so this one does not. Hidden for other documents.
 */
export class ReportStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("govReport.status", vscode.StatusBarAlignment.Left, 100);
  private readonly changed = new vscode.EventEmitter<void>();
  private visible = false;
  /** Fires after every render; with `shown`, what the extension-host tests read (the extension's exports). */
  readonly onDidChange = this.changed.event;
  private readonly statuses = new Map<string, ReportStatus>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.command = FOCUS_REVIEW_COMMAND;
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.statuses.delete(doc.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration("govReport.locale") && this.render()),
    ];
  }

  update(status: ReportStatus): void {
    this.statuses.set(status.uri, status);
    this.render();
  }

  /** The item's text, or undefined while it is hidden. */
  get shown(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
    this.item.dispose();
  }

  private render(): void {
    this.show();
    this.changed.fire();
  }

  private show(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const status = doc && this.statuses.get(doc.uri.toString());
    if (!doc || !status || status.state === "silent") {
      this.visible = false;
      this.item.hide();
      return;
    }
    this.visible = true;
    this.item.name = t("年报检查", "Annual report check");
    if (status.state === "too-large") {
      this.item.text = `$(warning) ${t("年报：文档过大，未检查", "Report: too large to check")}`;
    } else {
      const format = status.format ? t(`${status.format} 格式`, `${status.format} format`) : t("格式未定", "format unknown");
      this.item.text = `$(law) ${t("年报", "Report")} · ${format}`;
    }
    this.item.tooltip = t("政府信息公开年度报告：点击打开“年报检查”视图", "Government disclosure annual report: click to open the Report Review view");
    this.item.show();
  }
}
