import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import { checkText } from "../../server/src/core";
import { tempDir } from "../helpers/cli";
import { sample } from "../helpers/samples";
import { skeleton, withFigure } from "../services/fixtures";
import { fileUri, LspTestClient } from "./lspClient";

/** Validation timing, settings and config files applied live, what the server stays silent about, and how it ends. */

const rulesOf = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => d.code);

describe("server lifecycle over LSP", () => {
  it("a burst of edits ends with diagnostics for the final text, and every diagnostics matches the version it names", async () => {
    const client = await LspTestClient.start({ settings: { debounce: 20 } });
    const uri = fileUri("burst.govreport");
    const base = skeleton();
    const texts = new Map<number, string>([[1, base]]);
    client.open(uri, base);
    for (let v = 2; v <= 40; v++) {
      texts.set(v, withFigure(base, "applications", "new", "natural", String(v)));
      client.change(uri, v, texts.get(v)!);
    }
    const last = await client.diagnostics(uri, (p) => p.version === 40);
    const expected = checkText(texts.get(40)!).findings.map((f) => f.message.zh);
    assert.deepEqual(last.diagnostics.map((d) => d.message), expected);
    for (const p of client.allDiagnostics(uri))
      assert.deepEqual(p.diagnostics.map((d) => d.message), checkText(texts.get(p.version!)!).findings.map((f) => f.message.zh), `version ${p.version}`);
  });

  it("rule settings apply live: off removes the findings, a severity changes them", async () => {
    const client = await LspTestClient.start();
    const uri = fileUri("settings.txt");
    client.open(uri, sample("003"));
    assert.ok(rulesOf(await client.diagnostics(uri)).includes("table-cell-format"));
    let mark = client.diagnosticsCount;
    await client.configure({ rules: { "table-cell-format": "off" } });
    await client.diagnostics(uri, (p) => !rulesOf(p).includes("table-cell-format"), mark);
    mark = client.diagnosticsCount;
    await client.configure({ rules: { "table-cell-format": "error" } });
    const raised = await client.diagnostics(uri, (p) => rulesOf(p).includes("table-cell-format"), mark);
    assert.equal(raised.diagnostics.find((d) => d.code === "table-cell-format")!.severity, 1);
  });

  it(".govreportrc.json in the workspace applies, wins over the settings, and is reloaded when it changes", async () => {
    const folder = tempDir();
    const rc = join(folder, ".govreportrc.json");
    writeFileSync(rc, JSON.stringify({ rules: { "conversion-artifact": "off", "title-year-missing": "error" } }));
    const client = await LspTestClient.start({ workspaceFolder: folder, settings: { rules: { "title-year-missing": "off" } } });
    mkdirSync(join(folder, "drafts"));
    const uri = pathToFileURL(join(folder, "drafts", "draft.txt")).href;
    client.open(uri, sample("003"));
    const first = await client.diagnostics(uri);
    assert.ok(!rulesOf(first).includes("conversion-artifact"));
    assert.equal(first.diagnostics.find((d) => d.code === "title-year-missing")?.severity, 1);
    writeFileSync(rc, JSON.stringify({ rules: {} }));
    const mark = client.diagnosticsCount;
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(rc).href, type: 2 }] });
    const reloaded = await client.diagnostics(uri, (p) => rulesOf(p).includes("conversion-artifact"), mark);
    assert.ok(!rulesOf(reloaded).includes("title-year-missing"), "the settings apply again once the file is silent");
  });

  it("Markdown and plain text that are not reports get no diagnostics; reports in them do; gov-report documents always", async () => {
    const client = await LspTestClient.start();
    const notes = fileUri("notes.md");
    client.open(notes, "# 会议记录\n\n今天讨论了三件事。\n", "markdown");
    assert.deepEqual((await client.diagnostics(notes)).diagnostics, []);
    assert.equal((await client.status(notes)).state, "silent");
    const report = fileUri("report.md");
    client.open(report, sample("004"), "markdown");
    assert.ok((await client.diagnostics(report)).diagnostics.length > 0);
    assert.deepEqual(await client.status(report), { uri: report, state: "report", format: "2019" });
    const own = fileUri("own.govreport");
    client.open(own, "今天讨论了三件事。\n");
    assert.deepEqual(rulesOf(await client.diagnostics(own)), ["not-a-report"]);
  });

  it("enable and autoDetect turn checking off live", async () => {
    const client = await LspTestClient.start();
    const plain = fileUri("plain.txt");
    const own = fileUri("own-report.govreport");
    client.open(plain, sample("004"), "plaintext");
    client.open(own, sample("004"));
    await client.diagnostics(plain, (p) => p.diagnostics.length > 0);
    let mark = client.diagnosticsCount;
    await client.configure({ autoDetect: false });
    await client.diagnostics(plain, (p) => p.diagnostics.length === 0, mark);
    await client.diagnostics(own, (p) => p.diagnostics.length > 0, mark);
    mark = client.diagnosticsCount;
    await client.configure({ enable: false });
    await client.diagnostics(own, (p) => p.diagnostics.length === 0, mark);
  });

  it("with run: onSave, saving checks the latest text", async () => {
    const client = await LspTestClient.start({ settings: { run: "onSave" } });
    const uri = fileUri("on-save.govreport");
    client.open(uri, skeleton());
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
    client.change(uri, 2, withFigure(skeleton(), "applications", "new", "natural", "1"));
    await client.connection.sendNotification("textDocument/didSave", { textDocument: { uri } });
    const saved = await client.diagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(rulesOf(saved).sort(), ["balance-mismatch", "total-row-mismatch"]);
  });

  it("a document over maxDocumentSize gets one notice, is never parsed, and the server keeps answering for others", async () => {
    const client = await LspTestClient.start();
    const big = fileUri("big.govreport");
    // Just over the default limit (1,000,000 characters): the limit, not the transfer, is under test.
    client.open(big, skeleton().repeat(Math.ceil(1_000_001 / skeleton().length)));
    const [notice] = (await client.diagnostics(big)).diagnostics;
    assert.match(String(notice.message), /govReport\.maxDocumentSize/);
    assert.equal((await client.status(big)).state, "too-large");
    assert.deepEqual(await client.request("textDocument/documentSymbol", { textDocument: { uri: big } }), []);
    const notes = fileUri("big-notes.md");
    client.open(notes, "# 会议记录\n\n".padEnd(1_000_001, "记"), "markdown");
    assert.deepEqual(await client.status(notes), { uri: notes, state: "silent" }, "a large Markdown file that is no report gets no notice");
    const small = fileUri("small.govreport");
    client.open(small, sample("003"));
    assert.ok((await client.diagnostics(small)).diagnostics.length > 0);
    const mark = client.diagnosticsCount;
    await client.configure({ maxDocumentSize: 100 });
    await client.diagnostics(small, (p) => p.diagnostics.length === 1 && /maxDocumentSize/.test(String(p.diagnostics[0].message)), mark);
  });

  it("bad requests get errors, not a dead server; a closed document's diagnostics are cleared", async () => {
    const client = await LspTestClient.start();
    await assert.rejects(client.request("textDocument/hover", { textDocument: null }));
    await assert.rejects(client.request("gov-report/no-such-method", {}));
    const uri = fileUri("closed.govreport");
    client.open(uri, sample("001"));
    client.close(uri);
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.deepEqual(await client.request("textDocument/documentSymbol", { textDocument: { uri } }), []);
    assert.ok(client.running);
  });

  it("shuts down cleanly, and exits when its client vanishes", async () => {
    const polite = await LspTestClient.start();
    assert.equal(await polite.stop(), 0);
    const abandoned = await LspTestClient.start();
    await abandoned.vanish();
    assert.equal(abandoned.running, false);
  });
});
