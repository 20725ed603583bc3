import { basename } from "node:path";
import * as vscode from "vscode";
import { worst } from "../../server/src/core/render/findings";
import { REVEAL_RANGE_COMMAND } from "../../server/src/server/protocol";
import { RULES_REQUEST, type RulesResult } from "../../server/src/server/commandProtocol";
import { REVIEW_CHANGED_NOTIFICATION, REVIEW_REQUEST, type ReviewFinding, type ReviewGroup, type ReviewPage, type ReviewParams, type ReviewReport } from "../../server/src/server/reviewProtocol";
import type { ReportServer } from "./languageClient";
import { t } from "./locale";

/**
 * The 年报检查 view: every report of the workspace as a tree — organ → report
 * → rule → finding — with the errors and warnings of each level. A table's
 * findings of one rule are one node under the rule (`表三：155 个单元格为空…`)
 * that opens onto them. The server
 * answers from the same checks as Problems (cross-year ones included), a page
 * of reports at a time; the view refreshes while visible, when diagnostics or
 * the workspace's reports change, and shows each page as it arrives.
 */
export const REVIEW_VIEW = "govReport.review";
export const REFRESH_REVIEW_COMMAND = "govReport.refreshReview";

const REFRESH_DELAY_MS = 500;

type Node =
  | { kind: "organ"; organ: string; reports: ReviewReport[] }
  | { kind: "report"; report: ReviewReport }
  | { kind: "rule"; report: ReviewReport; rule: string; findings: ReviewFinding[] }
  | { kind: "group"; report: ReviewReport; group: ReviewGroup }
  | { kind: "finding"; report: ReviewReport; finding: ReviewFinding };

/** The tree as the view shows it (the extension exports it for the extension-host tests). */
export type ReviewTreeData = vscode.TreeDataProvider<unknown> & { onDidChangeTreeData: vscode.Event<void> };

export function registerReviewView(context: vscode.ExtensionContext, server: ReportServer): ReviewTreeData {
  const provider = new ReviewTree(server);
  const view = vscode.window.createTreeView(REVIEW_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  provider.view = view;
  context.subscriptions.push(
    view,
    provider,
    view.onDidChangeVisibility(() => provider.scheduleIfVisible()),
    vscode.languages.onDidChangeDiagnostics(() => provider.scheduleIfVisible()),
    vscode.commands.registerCommand(REFRESH_REVIEW_COMMAND, () => provider.schedule(0)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("govReport.workspaceCheck")) startForWorkspaceCheck(server);
    }),
  );
  startForWorkspaceCheck(server);
  return provider as ReviewTreeData;
}

/** The workspace check needs the server even before a report is opened. */
function startForWorkspaceCheck(server: ReportServer): void {
  if (vscode.workspace.getConfiguration("govReport").get<boolean>("workspaceCheck")) void server.start();
}

const counts = (findings: ReviewFinding[]) => ({
  errors: findings.filter((f) => f.severity === "error").length,
  warnings: findings.filter((f) => f.severity === "warning").length,
});

/** The findings Problems counts: of a group, its first (the others are hints there). */
function counted(report: ReviewReport): ReviewFinding[] {
  const hinted = new Set(report.groups.flatMap((g) => g.members.slice(1)));
  return report.findings.filter((_, i) => !hinted.has(i));
}

function countText(findings: ReviewFinding[]): string {
  const { errors, warnings } = counts(findings);
  return t(`错误 ${errors} · 警告 ${warnings}`, `${errors} errors · ${warnings} warnings`);
}

const SEVERITY_ICON: Record<ReviewFinding["severity"], vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon("error", new vscode.ThemeColor("list.errorForeground")),
  warning: new vscode.ThemeIcon("warning", new vscode.ThemeColor("list.warningForeground")),
  info: new vscode.ThemeIcon("info"),
  hint: new vscode.ThemeIcon("lightbulb"),
};

class ReviewTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  /** The reports shown, by URI. */
  private reports = new Map<string, ReviewReport>();
  /** The latest refresh; an older one stops at its next page. */
  private refreshing = 0;
  /** Rule id → its description, asked of the server once. */
  private ruleDescriptions = new Map<string, string>();
  private timer?: NodeJS.Timeout;
  private listening = false;
  view?: vscode.TreeView<Node>;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly server: ReportServer) {}

  scheduleIfVisible(): void {
    if (this.view?.visible) this.schedule();
  }

  schedule(delay = REFRESH_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return organs([...this.reports.values()]);
    if (node.kind === "organ") return node.reports.map((report) => ({ kind: "report", report }));
    if (node.kind === "report") return rules(node.report);
    if (node.kind === "rule") return readItems(node.report, node.findings);
    if (node.kind === "group") return node.group.members.map((i) => ({ kind: "finding", report: node.report, finding: node.report.findings[i] }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case "organ": {
        const item = new vscode.TreeItem(node.organ, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `organ:${node.organ}`;
        item.description = `${t(`${node.reports.length} 份报告`, `${node.reports.length} reports`)} · ${countText(node.reports.flatMap(counted))}`;
        item.iconPath = new vscode.ThemeIcon("organization");
        return item;
      }
      case "report": {
        const { report } = node;
        const uri = vscode.Uri.parse(report.uri);
        const item = new vscode.TreeItem(`${report.year ?? "?"}${t("年", "")} ${basename(uri.path)}`, report.findings.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = report.uri;
        item.description = countText(counted(report));
        item.tooltip = [uri.fsPath, report.format ? t(`${report.format} 格式`, `${report.format} format`) : ""].filter(Boolean).join("\n");
        item.resourceUri = uri;
        item.command = { title: t("打开", "Open"), command: "vscode.open", arguments: [uri] };
        return item;
      }
      case "rule": {
        // The rule by what it checks, in the report language; its id (what a disable comment names) beside the count.
        const item = new vscode.TreeItem(this.ruleDescriptions.get(node.rule) ?? node.rule, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.report.uri}#${node.rule}`;
        item.description = `${node.findings.length} · ${node.rule}`;
        item.tooltip = node.rule;
        item.iconPath = SEVERITY_ICON[worst(node.findings)];
        return item;
      }
      case "group": {
        const { group, report } = node;
        const first = report.findings[group.members[0]];
        const item = new vscode.TreeItem(group.message, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${report.uri}#${group.rule}@${first.range.start.line}`;
        item.description = `${group.members.length}`;
        item.tooltip = group.message;
        item.iconPath = SEVERITY_ICON[group.severity];
        item.command = { title: t("转到", "Go to"), command: REVEAL_RANGE_COMMAND, arguments: [report.uri, first.range] };
        return item;
      }
      case "finding": {
        const { finding } = node;
        const item = new vscode.TreeItem(finding.message, vscode.TreeItemCollapsibleState.None);
        item.description = t(`第 ${finding.range.start.line + 1} 行`, `line ${finding.range.start.line + 1}`);
        item.tooltip = finding.message;
        item.iconPath = SEVERITY_ICON[finding.severity];
        item.command = { title: t("转到", "Go to"), command: REVEAL_RANGE_COMMAND, arguments: [node.report.uri, finding.range] };
        return item;
      }
    }
  }

  private async refresh(): Promise<void> {
    const client = await this.server.start();
    if (!this.listening) {
      client.onNotification(REVIEW_CHANGED_NOTIFICATION, () => this.scheduleIfVisible());
      this.listening = true;
    }
    // Asked each time: the descriptions follow govReport.locale.
    const rules = await client.sendRequest<RulesResult>(RULES_REQUEST);
    this.ruleDescriptions = new Map(rules.map((r) => [r.id, r.description]));
    const pass = ++this.refreshing;
    // Until its page arrives, a report shows as it was; one that no page brought is gone.
    const unseen = new Set(this.reports.keys());
    let params: ReviewParams = {};
    for (;;) {
      const page = await client.sendRequest<ReviewPage>(REVIEW_REQUEST, params);
      if (pass !== this.refreshing) return;
      for (const report of page.reports) {
        this.reports.set(report.uri, report);
        unseen.delete(report.uri);
      }
      // Pages come in the order of the URIs: those up to `next` not listed so far are no longer reports.
      for (const uri of unseen) {
        if (page.next !== undefined && uri > page.next) continue;
        this.reports.delete(uri);
        unseen.delete(uri);
      }
      this.changed.fire();
      if (page.next === undefined) return;
      params = { after: page.next };
    }
  }
}

/** Organs in Chinese order; reports of an organ by year, then by URI. */
function organs(reports: ReviewReport[]): Node[] {
  const unknown = t("（未识别机关）", "(organ not recognised)");
  const byOrgan = groupBy(reports, (r) => r.organ ?? unknown);
  return [...byOrgan.entries()]
    .sort(([a], [b]) => a.localeCompare(b, "zh-CN"))
    .map(([organ, list]) => ({ kind: "organ", organ, reports: list.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || byUri(a, b)) }));
}

/** Reports of one year in a steady order, however their pages arrived. */
const byUri = (a: ReviewReport, b: ReviewReport) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);

/** The rules a report breaks, the most findings first. */
function rules(report: ReviewReport): Node[] {
  return [...groupBy(report.findings, (f) => f.rule).entries()].sort((a, b) => b[1].length - a[1].length).map(([rule, findings]) => ({ kind: "rule", report, rule, findings }));
}

/** A rule's findings as read: each table's group (ReviewReport.groups) in place of its members. */
function readItems(report: ReviewReport, findings: ReviewFinding[]): Node[] {
  const groupOf = new Map<ReviewFinding, ReviewGroup>();
  for (const group of report.groups) for (const i of group.members) groupOf.set(report.findings[i], group);
  return findings.flatMap((finding): Node[] => {
    const group = groupOf.get(finding);
    if (!group) return [{ kind: "finding", report, finding }];
    return report.findings[group.members[0]] === finding ? [{ kind: "group", report, group }] : [];
  });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
