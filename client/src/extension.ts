import * as vscode from "vscode";
import { FIX_ALL_REPORT_COMMAND, REVEAL_RANGE_COMMAND, SHOW_RULE_DOCS_COMMAND } from "../../server/src/server/protocol";
import { convertTableLayout } from "./commands/convertTableLayout";
import { fixAll, showFixAllReport } from "./commands/fixAll";
import { insertTable } from "./commands/insertTable";
import { newReport } from "./commands/newReport";
import { revealRange } from "./commands/revealRange";
import { RULE_DOCS_SCHEME, RuleDocsProvider, showRuleDocs } from "./commands/showRuleDocs";
import { registerDetection } from "./detection";
import { registerCursorLineHints } from "./inlayHints";
import { ReportServer } from "./languageClient";
import { registerOutlineRefresh } from "./outline";
import { registerPreview } from "./preview";
import { registerReviewView, type ReviewTreeData } from "./reviewView";
import { ReportStatusBar } from "./statusBar";
import { registerWordCommands } from "./word";

/** Wires the extension's parts together; each lives in its own module. */
let server: ReportServer | undefined;

/** What the extension exports (`vscode.extensions.getExtension(…).exports`): the status bar as shown and the 年报检查 tree, for its tests. */
export interface GovReportApi {
  statusBarText(): string | undefined;
  onDidChangeStatusBar: vscode.Event<void>;
  reviewTree: ReviewTreeData;
}

export function activate(context: vscode.ExtensionContext): GovReportApi {
  server = new ReportServer(context);
  const reports = server;
  const statusBar = new ReportStatusBar();
  reports.onStatus((status) => statusBar.update(status));
  context.subscriptions.push(
    statusBar,
    ...registerRuleDocs(new RuleDocsProvider(reports)),
    vscode.commands.registerCommand("govReport.newReport", () => newReport(reports)),
    vscode.commands.registerCommand("govReport.insertTable", () => insertTable(reports)),
    vscode.commands.registerCommand("govReport.convertTableLayout", () => convertTableLayout(reports)),
    vscode.commands.registerCommand("govReport.fixAll", () => fixAll(reports)),
    vscode.commands.registerCommand(FIX_ALL_REPORT_COMMAND, showFixAllReport),
    vscode.commands.registerCommand(SHOW_RULE_DOCS_COMMAND, (rule?: unknown) => showRuleDocs(reports, rule)),
    vscode.commands.registerCommand(REVEAL_RANGE_COMMAND, revealRange),
  );
  registerDetection(context, () => void reports.start());
  registerWordCommands(context, reports);
  registerPreview(context, reports);
  registerCursorLineHints(context, reports);
  registerOutlineRefresh(context, reports);
  const reviewTree = registerReviewView(context, reports);
  return { statusBarText: () => statusBar.shown, onDidChangeStatusBar: statusBar.onDidChange, reviewTree };
}

export function deactivate(): Promise<void> | undefined {
  return server?.dispose();
}

/** The rule pages' provider, and the provider itself to dispose (it watches govReport.locale). */
function registerRuleDocs(provider: RuleDocsProvider): vscode.Disposable[] {
  return [vscode.workspace.registerTextDocumentContentProvider(RULE_DOCS_SCHEME, provider), provider];
}
