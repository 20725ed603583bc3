// The 年报检查 view (client/src/reviewView.ts): every report of the workspace as a tree — organ →
// report → rule → finding — with the counts of each level; a table's findings of one rule are one
// node. Two reports of one organ are written into the workspace, this year's opened; the tree is
// read through the extension's exports and compared with the open report's diagnostics.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { after, describe, it } from "mocha";
import { ORGAN, reportText, Y2020, Y2021_WRONG_CARRYOVER } from "../../fixtures/cross-year/reports";
import { closeAllEditors, diagnosticsWhere, eventually, extensionApi, reportDiagnostics, ruleOf, withRule, writeWorkspaceFile, type GovReportApi } from "./helpers";

/** A node of the tree as the view shows it. */
interface Shown {
  item: vscode.TreeItem;
  children: Shown[];
}

const labelOf = (item: vscode.TreeItem) => (typeof item.label === "string" ? item.label : (item.label?.label ?? ""));
/** A rule node names what the rule checks; its id is the tooltip, and the description is `count · id`. */
const ruleIdOf = (item: vscode.TreeItem) => String(item.tooltip);

/** The whole tree, read as VS Code reads it (the view's provider answers synchronously). */
function shownTree(tree: GovReportApi["reviewTree"], node?: unknown): Shown[] {
  const nodes = tree.getChildren(node);
  assert.ok(Array.isArray(nodes), "the review tree answers synchronously");
  return nodes.map((n) => {
    const item = tree.getTreeItem(n);
    assert.ok(item instanceof vscode.TreeItem, "a tree item, not a promise");
    return { item, children: shownTree(tree, n) };
  });
}

/** “错误 1 · 警告 2” or “1 errors · 2 warnings” (the display language decides). */
function parseCounts(text: string): { errors: number; warnings: number } {
  const m = /(?:错误 (\d+) · 警告 (\d+)|(\d+) errors · (\d+) warnings)$/.exec(text);
  assert.ok(m, `counts in “${text}”`);
  return { errors: Number(m[1] ?? m[3]), warnings: Number(m[2] ?? m[4]) };
}

const countsOf = (ds: vscode.Diagnostic[]) => ({
  errors: ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
  warnings: ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length,
});

describe("年报检查 view", () => {
  after(closeAllEditors);

  it("shows organ → report → rule → finding with the counts of the open report's diagnostics", async () => {
    const api = await extensionApi();
    await writeWorkspaceFile("review-view/2020.txt", reportText(Y2020));
    const uri = await writeWorkspaceFile("review-view/2021.txt", reportText(Y2021_WRONG_CARRYOVER));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // Last year's report found in the workspace: the carry-over figures of table 三 disagree with it.
    const diagnostics = await diagnosticsWhere(uri, (ds) => withRule(ds, "carryover-mismatch").length === 2, "2021.txt's carry-over findings");

    // Shown, the view refreshes itself on diagnostics and on the workspace's reports changing.
    await vscode.commands.executeCommand("govReport.review.focus");
    await vscode.commands.executeCommand("govReport.refreshReview");
    const organ = await eventually(api.reviewTree.onDidChangeTreeData, () => {
      const node = shownTree(api.reviewTree).find((o) => labelOf(o.item) === ORGAN);
      const current = node?.children.find((r) => labelOf(r.item).endsWith("2021.txt"));
      const findings = current?.children.reduce((n, rule) => n + rule.children.length, 0);
      return node?.children.length === 2 && findings === reportDiagnostics(uri).length ? node : undefined;
    }, `the review tree to list ${ORGAN}'s two reports`);

    // Organ: two reports, the errors and warnings of both.
    const [last, current] = organ.children;
    assert.match(labelOf(last.item), /^2020(年)? 2020\.txt$/);
    assert.match(labelOf(current.item), /^2021(年)? 2021\.txt$/);
    assert.match(String(organ.item.description), /^(2 份报告|2 reports) · /);
    const lastCounts = parseCounts(String(last.item.description));
    const currentCounts = parseCounts(String(current.item.description));
    assert.deepEqual(parseCounts(String(organ.item.description)), {
      errors: lastCounts.errors + currentCounts.errors,
      warnings: lastCounts.warnings + currentCounts.warnings,
    });

    // This year's report: the counts of its diagnostics; it opens the file.
    assert.deepEqual(currentCounts, countsOf(diagnostics));
    assert.equal(current.item.resourceUri?.toString(), uri.toString());
    assert.equal(current.item.command?.command, "vscode.open");
    assert.equal(current.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);

    // Rules: one node per rule broken, named by what it checks in Chinese, the most findings first, each with its number of findings.
    const byRule = new Map<string, vscode.Diagnostic[]>();
    for (const d of diagnostics) byRule.set(ruleOf(d)!, [...(byRule.get(ruleOf(d)!) ?? []), d]);
    assert.deepEqual(current.children.map((r) => ruleIdOf(r.item)).sort(), [...byRule.keys()].sort());
    for (const rule of current.children) assert.match(labelOf(rule.item), /[\u4e00-\u9fff]/, `${ruleIdOf(rule.item)} is named in Chinese`);
    const sizes = current.children.map((r) => r.children.length);
    assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a), "rules ordered by their number of findings");
    for (const rule of current.children) {
      const expected = byRule.get(ruleIdOf(rule.item))!;
      assert.equal(rule.item.description, `${expected.length} · ${ruleIdOf(rule.item)}`, `count of ${ruleIdOf(rule.item)}`);
      // Findings: the diagnostics' messages, each going to its line.
      assert.deepEqual(rule.children.map((f) => labelOf(f.item)).sort(), expected.map((d) => d.message).sort());
      for (const finding of rule.children) {
        assert.match(String(finding.item.description), /^(第 \d+ 行|line \d+)$/);
        assert.equal(finding.item.command?.command, "govReport.revealRange");
        assert.equal(finding.item.command?.arguments?.[0], uri.toString());
      }
    }
    const carryover = current.children.find((r) => ruleIdOf(r.item) === "carryover-mismatch");
    assert.equal(carryover?.children.length, 2);
  });

  it("shows a table's empty cells as one node that opens onto them, counted as Problems counts them", async () => {
    const api = await extensionApi();
    // Last year's report of another organ with the eight rows of table 三's （三）不予公开 left blank: 56 empty cells.
    const text = reportText({ ...Y2020, organ: "丁镇人民政府" });
    const block = /（三）不予公开\t1\.属于国家秘密[^]*?\t8\.属于行政查询事项[^\n]*/.exec(text)![0];
    const uri = await writeWorkspaceFile("review-view/grouped.txt", text.replace(block, block.replace(/\t0/g, "\t")));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await diagnosticsWhere(uri, (ds) => withRule(ds, "table-cell-empty").length === 56, "grouped.txt's empty cells");
    // In Problems: one warning naming the count, the other 55 hints.
    const empty = withRule(diagnostics, "table-cell-empty");
    const leads = empty.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint);
    assert.equal(leads.length, 1);
    assert.match(leads[0].message, /^表三：56 个单元格为空（第 \d+–\d+ 行）\n/);
    assert.equal(leads[0].relatedInformation?.length, 55);

    await vscode.commands.executeCommand("govReport.review.focus");
    await vscode.commands.executeCommand("govReport.refreshReview");
    const report = await eventually(api.reviewTree.onDidChangeTreeData, () => {
      const organ = shownTree(api.reviewTree).find((o) => labelOf(o.item) === "丁镇人民政府");
      return organ?.children.find((r) => labelOf(r.item).endsWith("grouped.txt"));
    }, "the review tree to list grouped.txt");
    assert.deepEqual(parseCounts(String(report.item.description)), countsOf(diagnostics));
    const rule = report.children.find((r) => ruleIdOf(r.item) === "table-cell-empty")!;
    assert.equal(rule.item.description, "56 · table-cell-empty");
    assert.equal(rule.children.length, 1);
    const [group] = rule.children;
    assert.equal(labelOf(group.item), leads[0].message.split("\n")[0]);
    assert.equal(group.item.description, "56");
    assert.equal(group.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.deepEqual(group.children.map((f) => labelOf(f.item)), empty.map((d) => d.message.split("\n").at(-1)));
  });
});
