// The commands, run as the command palette runs them, each prompt answered with what it proposes.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { afterEach, describe, it } from "mocha";
import {
  activeDocumentWhere, closeAllEditors, diagnosticsWhere, eventually, openSample, runAcceptingPrompts, withRule, workspaceUri,
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
    await diagnosticsWhere(uri, (ds) => ds.length > 0 && withRule(ds, "section-numbering").length === 0, "section-numbering gone after 修复全部问题");
    const text = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!.getText();
    assert.match(text, /^一、总体情况$/m);
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
});
