import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CodeLens, CompletionItem, DocumentSymbol, FoldingRange, Hover, InlayHint, MarkupContent, TextEdit } from "vscode-languageserver-protocol/node";
import { parse } from "../../server/src/core";
import { sample } from "../helpers/samples";
import { cellOf, figures, lineOf, skeleton, withFigure } from "../services/fixtures";
import { applyTextEdits, fileUri, LspTestClient } from "./lspClient";

/** The navigation and editing features, requested over LSP on reports opened in the server. */
describe("features over LSP", async () => {
  const client = await LspTestClient.start();
  let version = 0;
  async function openReport(name: string, text: string, languageId = "gov-report") {
    const uri = fileUri(name);
    client.open(uri, text, languageId, ++version);
    await client.diagnostics(uri);
    return { textDocument: { uri } };
  }

  it("completion: the table template of an empty section, inserted as is", async () => {
    const full = skeleton();
    const text = full.slice(0, full.indexOf("（本列数据")) + full.slice(full.indexOf("四、政府信息公开行政复议"));
    const doc = await openReport("completion.govreport", text);
    const line = lineOf(text, "三、收到和处理政府信息公开申请情况") + 1;
    const items = await client.request<CompletionItem[]>("textDocument/completion", { ...doc, position: { line, character: 0 } });
    const [first] = items;
    assert.equal(first.label, "插入表三：收到和处理政府信息公开申请情况（2021 格式）");
    assert.equal(first.insertTextMode, 1, "templates keep their tabs");
    assert.match((first.documentation as MarkupContent).value, /一、本年新收政府信息公开申请数量/, "a preview of the rows");
    assert.equal((first.documentation as MarkupContent).kind, "markdown");
    assert.equal(first.preselect, true);
    const edit = first.textEdit as TextEdit;
    const inserted = applyTextEdits(text, [{ range: edit.range, newText: edit.newText + "\n" }]);
    assert.ok(parse(inserted).tables.some((t) => t.spec.id === "applications"));
  });

  it("completion in Markdown: pipe tables", async () => {
    const full = skeleton();
    const text = full.slice(0, full.indexOf("（本列数据")) + full.slice(full.indexOf("四、政府信息公开行政复议"));
    const doc = await openReport("completion.md", text, "markdown");
    const line = lineOf(text, "三、收到和处理政府信息公开申请情况") + 1;
    const [first] = await client.request<CompletionItem[]>("textDocument/completion", { ...doc, position: { line, character: 0 } });
    assert.ok((first.textEdit as TextEdit).newText.startsWith("| （本列数据的勾稽关系为"));
  });

  it("hover: a total shows its parts", async () => {
    const text = withFigure(skeleton(), "applications", "new", "natural", "2");
    const doc = await openReport("hover.govreport", text);
    const total = cellOf(parse(text), "applications", "new", "total");
    const hover = await client.request<Hover>("textDocument/hover", { ...doc, position: total.contentRange.start });
    assert.match((hover.contents as { value: string }).value, /= 自然人 2 \+ 商业企业 0 .* = 2 ✗/);
    assert.equal(await client.request("textDocument/hover", { ...doc, position: { line: 1, character: 0 } }), null);
  });

  it("document symbols: the outline shows the title and six sections", async () => {
    const doc = await openReport("symbols.txt", sample("004"), "plaintext");
    const [title] = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", doc);
    assert.equal(title.name, "景芝镇人民政府2020年政府信息公开工作年度报告");
    assert.equal(title.children!.length, 6);
    assert.equal(title.children![2].children![0].name, "收到和处理政府信息公开申请情况");
  });

  it("folding ranges: sections and tables", async () => {
    const text = skeleton();
    const doc = await openReport("folding.govreport", text);
    const ranges = await client.request<FoldingRange[]>("textDocument/foldingRange", doc);
    assert.ok(ranges.some((r) => r.startLine === lineOf(text, "三、收到和处理政府信息公开申请情况")));
    assert.equal(ranges.length, 6 + parse(text).tables.length);
  });

  it("inlay hints: the column names of the visible rows", async () => {
    const text = skeleton();
    const doc = await openReport("hints.govreport", text);
    const line = lineOf(text, "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0");
    const hints = await client.request<InlayHint[]>("textDocument/inlayHint", { ...doc, range: { start: { line, character: 0 }, end: { line, character: 40 } } });
    assert.deepEqual(hints.map((h) => h.label), ["自然人:", "企业:", "科研:", "公益:", "法律:", "其他:", "总计:"]);
  });

  it("code lens: the balance of each table with relations, jumping to the first mismatch", async () => {
    const text = withFigure(skeleton(), "applications", "new", "natural", "1");
    const doc = await openReport("lens.govreport", text);
    const lenses = await client.request<CodeLens[]>("textDocument/codeLens", doc);
    assert.deepEqual(lenses.map((l) => l.command!.title), ["勾稽关系：2 处不平衡", "勾稽关系 ✓（已核对 3 项）"]);
    assert.equal(lenses[0].command!.command, "govReport.revealRange");
    assert.deepEqual(lenses[0].command!.arguments, [doc.textDocument.uri, cellOf(parse(text), "applications", "new", "total").contentRange]);
    assert.equal(lenses[1].command!.command, "");
  });

  it("formatting: tables one row per line, figures unchanged", async () => {
    const text = sample("002");
    const doc = await openReport("format.txt", text, "plaintext");
    const edits = await client.request<TextEdit[]>("textDocument/formatting", { ...doc, options: { tabSize: 4, insertSpaces: false } });
    const formatted = applyTextEdits(text, edits);
    assert.deepEqual(figures(parse(formatted)), figures(parse(text)));
    assert.ok(parse(formatted).tables.every((t) => t.layout === "tabs"));
  });

  it("requests about positions outside the document or unknown documents answer emptily", async () => {
    const doc = await openReport("outside.govreport", skeleton());
    const far = { line: 100_000, character: 5 };
    assert.deepEqual(await client.request("textDocument/completion", { ...doc, position: far }), []);
    assert.equal(await client.request("textDocument/hover", { ...doc, position: far }), null);
    assert.deepEqual(await client.request("textDocument/inlayHint", { ...doc, range: { start: far, end: far } }), []);
    assert.deepEqual(await client.request("textDocument/documentSymbol", { textDocument: { uri: fileUri("never-opened.txt") } }), []);
  });
});
