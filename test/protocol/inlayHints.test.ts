import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { InlayHint } from "vscode-languageserver-protocol/node";
import { lineOf, skeleton } from "../services/fixtures";
import { fileUri, LspTestClient } from "./lspClient";

/** govReport.inlayHints.enabled over LSP: the hints go and come back live, and the client is asked to show the change. */

const ROW = "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0";

describe("inlay hints setting over LSP", () => {
  it("turning the hints off empties them and asks the client to refresh; turning them on brings them back", async () => {
    const client = await LspTestClient.start();
    const uri = fileUri("hints-toggle.govreport");
    const text = skeleton();
    client.open(uri, text);
    await client.diagnostics(uri);
    const line = lineOf(text, ROW);
    const hints = () =>
      client.request<InlayHint[]>("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: ROW.length } } });
    assert.equal((await hints()).length, 7);

    let mark = client.refreshCount;
    await client.configure({ inlayHints: { enabled: false } });
    await client.refreshed("workspace/inlayHint/refresh", mark);
    assert.deepEqual(await hints(), []);

    mark = client.refreshCount;
    await client.configure({ inlayHints: { enabled: true } });
    await client.refreshed("workspace/inlayHint/refresh", mark);
    assert.equal((await hints()).length, 7);
  });
});
