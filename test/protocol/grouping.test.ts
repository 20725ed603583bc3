import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type TextDocumentEdit, type TextEdit } from "vscode-languageserver-protocol/node";
import { checkText, parse } from "../../server/src/core";
import { messageOf } from "../helpers/cli";
import { sample } from "../helpers/samples";
import { figures } from "../services/fixtures";
import { applyTextEdits, fileUri, LspTestClient } from "./lspClient";
import { reviewReports } from "./reviewPages";

/**
 * A table with many empty cells is one entry in Problems: its first cell a
 * warning that names the count and lists the others as related information,
 * the others hints (marked in the text, left out of Problems); the fill-with-0
 * quick fix covers the table. Sample 001 leaves 145 cells of table 三 and 12
 * of table 四 empty.
 */

const T3 = "表三：145 个单元格为空（第 54–75 行）";
const T4 = "表四：12 个单元格为空（第 84 行）";

const emptyCells = (ds: Diagnostic[]) => ds.filter((d) => d.code === "table-cell-empty");

function assertGrouped(uri: string, diagnostics: Diagnostic[]): Diagnostic[] {
  const empty = emptyCells(diagnostics);
  assert.equal(empty.length, 157, "every empty cell keeps its diagnostic (its hover, its quick fixes)");
  const leads = empty.filter((d) => d.severity !== DiagnosticSeverity.Hint);
  assert.deepEqual(leads.map((d) => [d.severity, messageOf(d).split("\n")[0]]), [
    [DiagnosticSeverity.Warning, T3],
    [DiagnosticSeverity.Warning, T4],
  ]);
  const [t3, t4] = leads;
  assert.equal(messageOf(t3).split("\n")[1], "“一、本年新收政府信息公开申请数量”的“自然人”为空，应填数字（没有则填 0）", "then the first cell's own message");
  assert.equal(t3.relatedInformation!.length, 144);
  assert.equal(t4.relatedInformation!.length, 11);
  const hints = empty.filter((d) => d.severity === DiagnosticSeverity.Hint);
  assert.equal(hints.length, 155);
  assert.deepEqual(
    [...t3.relatedInformation!, ...t4.relatedInformation!].map((r) => [r.location.uri, r.location.range, r.message]),
    hints.map((d) => [uri, d.range, d.message]),
    "the related information lists the other cells, where they are and what they say",
  );
  // The rest of the findings are as they were.
  assert.ok(diagnostics.filter((d) => d.code !== "table-cell-empty").every((d) => !d.relatedInformation && d.severity !== DiagnosticSeverity.Hint));
  return leads;
}

const edits = (action: CodeAction): TextEdit[] => (action.edit!.documentChanges as TextDocumentEdit[])[0].edits as TextEdit[];

describe("grouped findings over LSP", async () => {
  const client = await LspTestClient.start();

  it("a table's empty cells: the first a warning naming the count with the others as related information, the others hints", async () => {
    const uri = fileUri("grouped-001.txt");
    client.open(uri, sample("001"));
    assertGrouped(uri, (await client.diagnostics(uri)).diagnostics);
    client.close(uri);
  });

  it("one quick fix fills every empty cell of the table with 0, from the warning and from any hint, and nothing else", async () => {
    const uri = fileUri("grouped-fix-001.txt");
    const text = sample("001");
    client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri);
    const [t3] = assertGrouped(uri, diagnostics);
    const tableWide = async (d: Diagnostic) => {
      const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      return actions.find((a) => a.title === "将本表所有空单元格填 0（145 处）");
    };
    const fromLead = await tableWide(t3);
    assert.ok(fromLead, "offered on the warning");
    const hint = emptyCells(diagnostics).find((d) => d.severity === DiagnosticSeverity.Hint && d.range.start.line === 70)!;
    assert.deepEqual(edits((await tableWide(hint))!), edits(fromLead), "the same fix on a hint of the table");
    assert.equal(edits(fromLead).length, 145);
    assert.ok(edits(fromLead).every((e) => e.newText === "0"));

    const fixed = applyTextEdits(text, edits(fromLead));
    const after = checkText(fixed).findings;
    const t3Lines = (f: { range: { start: { line: number } } }) => f.range.start.line >= 53 && f.range.start.line <= 74;
    assert.deepEqual(after.filter((f) => f.rule === "table-cell-empty" && t3Lines(f)), [], "table 三 has no empty cell left");
    assert.equal(after.filter((f) => f.rule === "table-cell-empty").length, 12, "table 四's are left for its own fix");
    // Every figure that was written stays; only the empty cells of table 三 became 0.
    const before = figures(parse(text));
    const now = figures(parse(fixed));
    for (const [cell, value] of Object.entries(before)) {
      if (value === "empty" && cell.startsWith("applications/")) assert.equal(now[cell], 0, cell);
      else assert.equal(now[cell], value, cell);
    }
    assert.equal(fixed.replace(/0/g, ""), text.replace(/0/g, ""), "no other text changed");
    client.close(uri);
  });

  it("a long document checked in the check worker is grouped alike", async () => {
    const uri = fileUri("grouped-long.txt");
    // Sample 001 with its last section padded past the worker's threshold (BACKGROUND_MIN_CHARS, 100,000 characters).
    const text = sample("001") + "\n" + "本机关将继续做好政府信息公开工作，不断提高公开质量。\n".repeat(4_000);
    assert.ok(text.length > 100_000);
    client.open(uri, text);
    assertGrouped(uri, (await client.diagnostics(uri)).diagnostics);
    client.close(uri);
  });

  it("the 年报检查 view's request names each group and its members", async () => {
    const uri = fileUri("grouped-review-001.txt");
    client.open(uri, sample("001"));
    await client.diagnostics(uri);
    const reports = await reviewReports(client);
    const report = reports.find((r) => r.uri === uri)!;
    assert.deepEqual(report.groups.map((g) => [g.rule, g.severity, g.message, g.members.length]), [
      ["table-cell-empty", "warning", T3, 145],
      ["table-cell-empty", "warning", T4, 12],
    ]);
    const members = report.groups.flatMap((g) => g.members.map((i) => report.findings[i]));
    assert.ok(members.every((f) => f.rule === "table-cell-empty"));
    assert.equal(new Set(members).size, 157);
    client.close(uri);
  });
});
