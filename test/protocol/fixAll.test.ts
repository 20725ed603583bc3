import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from "vscode-languageserver-protocol/node";
import { checkText, ruleById } from "../../server/src/core";
import { skeleton, withFigure } from "../services/fixtures";
import { applyTextEdits, fileUri, LspTestClient } from "./lspClient";

/**
 * The actions that fix more than one finding, over LSP: “fix all of this
 * rule in the file” beside a finding's quick fixes, and the source action
 * editor.codeActionsOnSave asks for by the generic kind source.fixAll.
 */

/** Two cells written with full-width zeros: two table-cell-format findings, each with a fix. */
function twoFullWidthZeros(): string {
  const text = withFigure(skeleton(), "applications", "new", "natural", "０");
  return withFigure(text, "applications", "new", "business", "０");
}

const editsOf = (action: CodeAction, version: number): TextEdit[] => {
  const [change] = action.edit!.documentChanges as TextDocumentEdit[];
  assert.equal(change.textDocument.version, version, "edits carry the document version");
  return change.edits as TextEdit[];
};

describe("fix-all actions over LSP", async () => {
  const client = await LspTestClient.start();

  it("beside a finding's quick fix: fix every finding of its rule in the file", async () => {
    const uri = fileUri("fix-rule.govreport");
    const text = twoFullWidthZeros();
    client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ["table-cell-format", "table-cell-format"]);
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    });
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, "one preferred quick fix for the finding");
    const rule = actions.find((a) => a.title === "修复本文件中全部 2 处“table-cell-format”问题")!;
    assert.equal(rule.kind, "quickfix");
    assert.deepEqual((rule.diagnostics as Diagnostic[]).map((d) => d.range), diagnostics.map((d) => d.range));
    const fixed = applyTextEdits(text, editsOf(rule, 1));
    assert.deepEqual(checkText(fixed).findings, []);
  });

  it("editor.codeActionsOnSave's source.fixAll gets the gov-report fix-all, for the version open", async () => {
    const uri = fileUri("on-save-fix.govreport");
    const text = twoFullWidthZeros();
    client.open(uri, text);
    await client.diagnostics(uri);
    client.change(uri, 2, text);
    await client.diagnostics(uri, (p) => p.version === 2);
    const whole = { start: { line: 0, character: 0 }, end: { line: text.split("\n").length, character: 0 } };
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: whole,
      context: { diagnostics: [], only: ["source.fixAll"], triggerKind: 2 },
    });
    assert.deepEqual(actions.map((a) => a.kind), ["source.fixAll.gov-report"]);
    assert.deepEqual(checkText(applyTextEdits(text, editsOf(actions[0], 2))).findings, []);
    const report = actions[0].command!;
    assert.equal(report.command, "govReport.fixAllReport", "the account of what was fixed runs after the edit");
    const name = ruleById("table-cell-format")!.description.zh;
    assert.deepEqual(report.arguments, [{ fixed: [{ rule: "table-cell-format", name, count: 2 }], left: [], message: `已修复 2 处（${name} 2）；没有其他问题` }]);
  });
});
