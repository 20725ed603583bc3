import * as vscode from "vscode";
import type { Middleware } from "vscode-languageclient/node";
import { RULE_DOCS_REQUEST, RULES_REQUEST, type RuleDocsResult, type RulesResult } from "../../../server/src/server/commandProtocol";
import { SHOW_RULE_DOCS_COMMAND } from "../../../server/src/server/protocol";
import type { ReportServer } from "../languageClient";
import { clientLocale, t } from "../locale";

/**
 * 显示规则说明: the documentation of a rule (given by a code action, or
 * picked from the list), rendered by the server from the rule's own metadata
 * and shown in the Markdown preview — it needs no network.
 */
export const RULE_DOCS_SCHEME = "gov-report-rule";

export class RuleDocsProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** An open rule page is rendered again in the new language when govReport.locale changes. */
  private readonly localeWatch = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration("govReport.locale")) return;
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === RULE_DOCS_SCHEME) this.changed.fire(doc.uri);
  });

  constructor(private readonly server: ReportServer) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const client = await this.server.start();
    const rule = uri.path.replace(/^\//, "").replace(/\.md$/, "");
    // The client's locale is sent: the server may not have read a setting just changed.
    const docs = await client.sendRequest<RuleDocsResult>(RULE_DOCS_REQUEST, { rule, locale: clientLocale() });
    return docs ?? t("未知规则", "Unknown rule");
  }

  dispose(): void {
    this.localeWatch.dispose();
    this.changed.dispose();
  }
}

export async function showRuleDocs(server: ReportServer, ruleId?: unknown): Promise<void> {
  const rule = typeof ruleId === "string" ? ruleId : await pickRule(server);
  if (!rule) return;
  const uri = vscode.Uri.from({ scheme: RULE_DOCS_SCHEME, path: `/${rule}.md` });
  await vscode.commands.executeCommand("markdown.showPreview", uri);
}

async function pickRule(server: ReportServer): Promise<string | undefined> {
  const client = await server.start();
  const rules = await client.sendRequest<RulesResult>(RULES_REQUEST);
  const picked = await vscode.window.showQuickPick(
    rules.map((rule) => ({ label: rule.id, description: rule.description })),
    { title: t("显示规则说明", "Show rule documentation"), matchOnDescription: true },
  );
  return picked?.label;
}

/** A link that opens the rule's page in the editor: the Problems panel and the hover open command links. */
export function ruleDocsLink(rule: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify([rule]))}`);
}

/**
 * The server links each finding to the rule's page on the web (for any
 * editor); in VS Code the link opens the page in the editor instead, which
 * needs no network (office intranets often have none).
 */
export const ruleDocsMiddleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    for (const d of diagnostics)
      if (d.source === "gov-report" && typeof d.code === "object" && typeof d.code.value === "string") d.code = { value: d.code.value, target: ruleDocsLink(d.code.value) };
    next(uri, diagnostics);
  },
};
