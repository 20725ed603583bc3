// The commands, run as the command palette runs them, each prompt answered with what it proposes.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { afterEach, describe, it } from "mocha";
import {
  activeDocumentWhere, closeAllEditors, diagnosticsWhere, eventually, openSample, reportDiagnostics, ruleOf, runAcceptingPrompts, withRule, workspaceUri, writeWorkspaceFile,
} from "./helpers";

const reportTitle = /\d{4}年政府信息公开工作年度报告/;
const sections = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"];

describe("commands", () => {
  afterEach(closeAllEditors);

  it("新建年度报告 opens an untitled report with the six sections", async () => {
    await runAcceptingPrompts("govReport.newReport");
    const doc = await activeDocumentWhere((d) => d.isUntitled && reportTitle.test(d.getText()), "the new report in the active editor");
    assert.equal(doc.languageId, "gov-report");
    assert.deepEqual(sections.filter((s) => !doc.getText().includes(s)), []);
  });

  it("插入标准表格 inserts the picked table of the report's format at the cursor", async () => {
    const doc = await vscode.workspace.openTextDocument({ language: "gov-report", content: "某某市人民政府办公室2025年政府信息公开工作年度报告\n\n" });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    const before = doc.lineCount;
    await runAcceptingPrompts("govReport.insertTable");
    assert.ok(doc.lineCount > before, `a table was inserted (${before} → ${doc.lineCount} lines)`);
    assert.match(doc.getText(), /\n[^\t\n]+\t[^\n]*\t/, "its rows are tab-separated");
  });

  it("修复全部问题 applies the safe fixes: section headings get their numerals", async () => {
    const uri = workspaceUri("samples", "002_f12ce59a37313f78.txt");
    await openSample("002_f12ce59a37313f78.txt");
    await diagnosticsWhere(uri, (ds) => withRule(ds, "section-numbering").length > 0, "section-numbering in 002");
    await runAcceptingPrompts("govReport.fixAll");
    await diagnosticsWhere(uri, (ds) => ds.length > 0 && withRule(ds, "section-numbering").length === 0, "section-numbering gone after 修复全部问题").catch((e: Error) => {
      // Said with what the editor holds: whether the fix reached the text, and what is still reported.
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const rules = reportDiagnostics(uri).map((d) => `${ruleOf(d)}@${d.range.start.line}`);
      throw new Error(`${e.message}; document ${doc?.languageId} v${doc?.version}, fixed heading ${/^一、总体情况$/m.test(doc?.getText() ?? "")}; diagnostics ${rules.join(" ")}`);
    });
    const text = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!.getText();
    assert.match(text, /^一、总体情况$/m);
  });

  it("修复全部问题 run on a plain-text report just opened, while it switches to the report language, fixes it", async () => {
    const sample = await vscode.workspace.fs.readFile(workspaceUri("samples", "002_f12ce59a37313f78.txt"));
    const uri = await writeWorkspaceFile("fix-all-at-once.txt", new TextDecoder().decode(sample));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await runAcceptingPrompts("govReport.fixAll");
    await diagnosticsWhere(uri, (ds) => ds.length > 0 && withRule(ds, "section-numbering").length === 0, "section-numbering gone after 修复全部问题");
    assert.match(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!.getText(), /^一、总体情况$/m);
  });

  it("a finding's rule link opens the rule's page in the editor, not a web site", async () => {
    const uri = workspaceUri("samples", "002_f12ce59a37313f78.txt");
    await openSample("002_f12ce59a37313f78.txt");
    const [finding] = withRule(await diagnosticsWhere(uri, (ds) => withRule(ds, "section-numbering").length > 0, "section-numbering in 002"), "section-numbering");
    const link = (finding.code as { value: string; target: vscode.Uri }).target;
    assert.equal(link.scheme, "command");
    assert.equal(link.path, "govReport.showRuleDocs");
    assert.deepEqual(JSON.parse(decodeURIComponent(link.query)), ["section-numbering"]);
    await vscode.commands.executeCommand(link.path, ...(JSON.parse(decodeURIComponent(link.query)) as string[]));
    const page = await eventually(vscode.workspace.onDidOpenTextDocument, () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === "gov-report-rule" && d.uri.path === "/section-numbering.md"), "the rule's page");
    assert.match(page.getText(), /## 格式要求\n\n.*国办公开办函〔2021〕30号/);
  });

  it("a row that does not add up: its quick fixes are alternatives, none preferred, one selects the columns", async () => {
    const row = "一、本年新收政府信息公开申请数量\t\t5\t1\t0\t0\t0\t0\t4";
    const text = ["某某市人民政府办公室2025年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", "", row, ""].join("\n");
    const uri = await writeWorkspaceFile("alternatives-2025年度报告.txt", text);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const [finding] = withRule(await diagnosticsWhere(uri, (ds) => withRule(ds, "total-row-mismatch").length > 0, "total-row-mismatch"), "total-row-mismatch");
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const set = titles.indexOf("将总计改为各列之和 6");
    assert.ok(set >= 0, titles.join(" | "));
    assert.equal(titles[set + 1], "若总计 4 无误，请核对各列", "the alternative follows");
    assert.ok(!actions[set].isPreferred && !actions[set + 1].isPreferred, "neither is preferred");
    assert.equal(actions[set + 1].command?.command, "govReport.revealRange");
    assert.ok(titles.includes("在此处忽略此规则（total-row-mismatch）") && titles.includes("在本文件中忽略“total-row-mismatch”"));
  });
});
