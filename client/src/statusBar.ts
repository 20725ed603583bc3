import * as vscode from "vscode";
import type { ReportStatus } from "../../server/src/server/protocol";
import { t } from "./locale";

/**
 * The status-bar item of the active report: the format it follows and its
 * errors and warnings; a click opens Problems. Hidden for other documents.
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
    this.item.name = t("年报检查", "Annual report check");
    this.item.command = "workbench.actions.view.problems";
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.languages.onDidChangeDiagnostics(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.statuses.delete(doc.uri.toString())),
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
    if (status.state === "too-large") {
      this.item.text = `$(warning) ${t("年报：文档过大，未检查", "Report: too large to check")}`;
    } else {
      const counts = { errors: 0, warnings: 0 };
      for (const d of vscode.languages.getDiagnostics(doc.uri)) {
        if (d.source !== "gov-report") continue;
        if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
      }
      const format = status.format ? t(`${status.format} 格式`, `${status.format} format`) : "";
      this.item.text = `$(law) ${format} $(error) ${counts.errors} $(warning) ${counts.warnings}`;
    }
    this.item.tooltip = t("政府信息公开年度报告：点击打开“问题”面板", "Government disclosure annual report: click to open Problems");
    this.item.show();
  }
}
