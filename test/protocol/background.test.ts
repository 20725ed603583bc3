import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { CodeAction, CodeLens, DocumentSymbol, FoldingRange } from "vscode-languageserver-protocol/node";
import {
  balanceLenses,
  checkText,
  documentSymbols,
  fixAllAction,
  foldingRanges,
  parse,
  quickFixes,
  renderReportHtml,
  type CodeActionEntry,
} from "../../server/src/core";
import { readClientFeatures } from "../../server/src/server/clientFeatures";
import { toCodeAction } from "../../server/src/server/convert";
import { FIX_ALL_KIND } from "../../server/src/server/protocol";
import { PREVIEW_REQUEST, type PreviewResult } from "../../server/src/server/reviewProtocol";
import { asCliDiagnostics, cliDiagnosticsOf } from "../helpers/cli";
import { sample } from "../helpers/samples";
import { fileUri, LspTestClient, VSCODE_CLIENT } from "./lspClient";

/**
 * Long documents are checked in the server's check worker
 * (server/src/server/background.ts): while a 1 MB draft is checked, the
 * server keeps answering about other documents, and the draft's diagnostics
 * are still exactly the CLI's. Assertions are on the order of events and on
 * outcomes, none on how long anything took.
 */



/** The samples one after another until the draft is 1 MB of UTF-8 (as the benchmark's large draft). */
function largeDraft(): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let n = 0; bytes < 1 << 20; n++) {
    const part = sample(`00${n % 5}`);
    parts.push(part);
    bytes += Buffer.byteLength(part) + 1;
  }
  return parts.join("\n");
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("long documents over LSP", () => {
  it("while a 1 MB draft is checked after an edit, hover and completion on a small report are answered before its diagnostics, which are the CLI's", async () => {
    const client = await LspTestClient.start({ settings: { debounce: 0 } });
    const smallUri = fileUri("background-small.govreport");
    const small = sample("004");
    client.open(smallUri, small);
    await client.diagnostics(smallUri, (p) => p.version === 1);

    const bigUri = fileUri("background-large.govreport");
    let big = TextDocument.create(bigUri, "gov-report", 1, largeDraft());
    client.open(bigUri, big.getText());
    const opened = await client.diagnostics(bigUri, (p) => p.version === 1);
    assert.ok(opened.diagnostics.length > 0, "the large draft is checked");

    // One keystroke into the large draft; then, while it is being checked, two requests about the small report.
    const events: string[] = [];
    const at = { line: 2, character: 0 };
    const change = { range: { start: at, end: at }, text: "字" };
    big = TextDocument.update(big, [change], 2);
    const checked = client.diagnostics(bigUri, (p) => p.version === 2).then((p) => (events.push("diagnostics"), p));
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: bigUri, version: 2 }, contentChanges: [change] });
    // Lets the server start the check (debounce 0) before the requests arrive; the order asserted below does not depend on this pause.
    await pause(30);
    const textDocument = { uri: smallUri };
    const hover = client.request("textDocument/hover", { textDocument, position: { line: small.split("\n").findIndex((l) => l.startsWith("一、")), character: 1 } }).then((h) => (events.push("hover"), h));
    const completion = client
      .request("textDocument/completion", { textDocument, position: { line: 1, character: 0 } })
      .then((c) => (events.push("completion"), c));
    const [hovered, , published] = await Promise.all([hover, completion, checked]);

    assert.ok(hovered, "the hover has content");
    assert.equal(events.at(-1), "diagnostics", `order of events: ${events.join(", ")}`);
    assert.deepEqual(asCliDiagnostics(published.diagnostics), cliDiagnosticsOf(big.getText()));
  });

  it("the editor's requests about the 1 MB draft itself are answered after an edit, as the core answers them on that version's model", async () => {
    const client = await LspTestClient.start({ settings: { debounce: 0 } });
    const uri = fileUri("background-features.govreport");
    let doc = TextDocument.create(uri, "gov-report", 1, largeDraft());
    client.open(uri, doc.getText());
    await client.diagnostics(uri, (p) => p.version === 1);

    const at = { line: 2, character: 0 };
    const change = { range: { start: at, end: at }, text: "字" };
    doc = TextDocument.update(doc, [change], 2);
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [change] });
    const textDocument = { uri };
    const [symbols, folding, lenses, published] = await Promise.all([
      client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument }),
      client.request<FoldingRange[]>("textDocument/foldingRange", { textDocument }),
      client.request<CodeLens[]>("textDocument/codeLens", { textDocument }),
      client.diagnostics(uri, (p) => p.version === 2),
    ]);

    const model = parse(doc.getText());
    assert.deepEqual(symbols.map((s) => s.name), documentSymbols(model, "zh-cn").map((s) => s.name));
    assert.deepEqual(folding, foldingRanges(model).map((r) => ({ startLine: r.startLine, endLine: r.endLine })));
    assert.deepEqual(lenses.map((l) => l.command?.title), balanceLenses(model, "zh-cn").map((l) => l.title));
    assert.deepEqual(asCliDiagnostics(published.diagnostics), cliDiagnosticsOf(doc.getText()));
  });

  it("a burst of edits into a 1 MB draft ends with the final version's diagnostics, the CLI's, never going back to an older version; its code actions and preview are the core's", async () => {
    const client = await LspTestClient.start({ settings: { debounce: 0 } });
    const uri = fileUri("background-burst.govreport");
    let doc = TextDocument.create(uri, "gov-report", 1, largeDraft());
    client.open(uri, doc.getText());
    await client.diagnostics(uri, (p) => p.version === 1);
    const since = client.diagnosticsCount;

    const last = 12;
    for (let v = 2; v <= last; v++) {
      const at = { line: 4 + v, character: 0 };
      // A figure in the middle of the burst, then taken back out: the findings change and change back.
      const change = v === 5 ? { range: { start: at, end: at }, text: "（七）总计\t1\t2\n" } : { range: { start: at, end: at }, text: "年" };
      doc = TextDocument.update(doc, [change], v);
      await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: v }, contentChanges: [change] });
    }
    const final = await client.diagnostics(uri, (p) => p.version === last, since);

    const versions = client
      .allDiagnostics(uri)
      .map((p) => p.version ?? 0)
      .filter((v) => v > 1);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      "versions published in order",
    );
    assert.deepEqual(asCliDiagnostics(final.diagnostics), cliDiagnosticsOf(doc.getText()));

    // The findings' fixes stay in the check worker, which answers the code actions and the preview from them.
    const text = doc.getText();
    const findings = checkText(text).findings;
    const textDocument = { uri };
    const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
    const actions = (entries: CodeActionEntry[]) => asJson(entries.map((a) => toCodeAction(a, { uri, version: last }, "zh-cn", readClientFeatures({ processId: null, rootUri: null, ...VSCODE_CLIENT }))));
    const fixed = findings.filter((f) => f.fixes.length > 0);
    assert.ok(fixed.length > 1);
    for (const { range } of [fixed[0], fixed.at(-1)!]) {
      const answered = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument, range, context: { diagnostics: [] } });
      assert.deepEqual(answered, actions(quickFixes(text, findings, range, "zh-cn")));
    }
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const fixAll = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument, range, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
    assert.deepEqual(fixAll, actions([fixAllAction(text, { config: { rules: {} } }, "zh-cn")!]));
    const preview = await client.request<PreviewResult>(PREVIEW_REQUEST, { uri });
    assert.deepEqual(preview, { version: last, html: renderReportHtml(parse(text), findings, "zh-cn") });
  });
});
