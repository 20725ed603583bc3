import * as vscode from "vscode";
import { RULES, ruleById, ruleDocumentation, type Rule } from "../../../server/src/core";
import { clientLocale, t, tl } from "../locale";

/**
 * 显示规则说明: the documentation of a rule (given by a code action, or
 * picked from the list), rendered from the rule's own metadata and shown in
 * the Markdown preview — it needs no network.
 */
export const RULE_DOCS_SCHEME = "gov-report-rule";

export class RuleDocsProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const rule = ruleById(uri.path.replace(/^\//, "").replace(/\.md$/, ""));
    return rule ? ruleDocumentation(rule, clientLocale()) : t("未知规则", "Unknown rule");
  }
}

export async function showRuleDocs(ruleId?: unknown): Promise<void> {
  const rule = (typeof ruleId === "string" ? ruleById(ruleId) : undefined) ?? (await pickRule());
  if (!rule) return;
  const uri = vscode.Uri.from({ scheme: RULE_DOCS_SCHEME, path: `/${rule.id}.md` });
  await vscode.commands.executeCommand("markdown.showPreview", uri);
}

async function pickRule(): Promise<Rule | undefined> {
  const picked = await vscode.window.showQuickPick(
    RULES.map((rule) => ({ label: rule.id, description: tl(rule.description), rule })),
    { title: t("显示规则说明", "Show rule documentation"), matchOnDescription: true },
  );
  return picked?.rule;
}
