/**
 * The language server under load and fault, over real LSP (dist/server.js on
 * stdio): a long burst of random incremental edits, requests at positions
 * outside the document, malformed requests and notifications, documents
 * closed while being checked, a 50 MB document. test/protocol/lifecycle.test.ts
 * covers the basics (a short burst, the size notice, one bad request, stdin
 * closing); these push further. Every assertion is on an outcome, none on how
 * long something took.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import { checkText } from "../../server/src/core";
import { asCliDiagnostics, cliDiagnosticsOf, ungrouped } from "../helpers/cli";
import { sample } from "../helpers/samples";
import { fileUri, LspTestClient } from "../protocol/lspClient";
import { seeded } from "../helpers/random";



/** Resident memory of a process, from /proc (Linux). */
function rssOf(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

const pidOf = (client: LspTestClient) => (client as unknown as { child: { pid: number } }).child.pid;

/** Pieces random edits insert: report wording, figures, table separators, line ends, characters outside the BMP. */
const PIECES = ["", "0", "12", "-3", "\t", "|", "\n", "\r\n", "总计", "一、总体情况", "（七）总计\t1\t2", "😀", "e\u0301", "\u200B", "年", " ", "１２"];

/** One random edit of `doc`: a range that splits no surrogate pair, replaced by a piece. */
function randomEdit(doc: TextDocument, next: () => number) {
  const text = doc.getText();
  const at = (n: number) => {
    let o = Math.floor(n * (text.length + 1));
    if (o > 0 && o < text.length && /[\uDC00-\uDFFF]/.test(text[o]) && /[\uD800-\uDBFF]/.test(text[o - 1])) o--;
    return o;
  };
  const from = at(next());
  const to = Math.min(text.length, from + Math.floor(next() * 12));
  const end = to > from && /[\uD800-\uDBFF]/.test(text[to - 1]) ? to + 1 : to;
  return { range: { start: doc.positionAt(from), end: doc.positionAt(end) }, text: PIECES[Math.floor(next() * PIECES.length)] };
}

describe("language server under load and fault", () => {
  it("10,000 random incremental edits sent without waiting: the server stays up, its memory flat, and its last diagnostics are the CLI's on the final text", async () => {
    const client = await LspTestClient.start({ settings: { debounce: 0 } });
    const uri = fileUri("load.govreport");
    let doc = TextDocument.create(uri, "gov-report", 1, sample("004"));
    client.open(uri, doc.getText());
    await client.diagnostics(uri);
    const next = seeded(7);
    const send = (count: number) => {
      for (let i = 0; i < count; i++) {
        const change = randomEdit(doc, next);
        doc = TextDocument.update(doc, [change], doc.version + 1);
        void client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: doc.version }, contentChanges: [change] });
      }
      return client.diagnostics(uri, (p) => p.version === doc.version);
    };
    // Warm up (code compiled, caches filled) before the baseline.
    await send(1_000);
    const baseline = rssOf(pidOf(client));
    const last = await send(9_000);
    const final = rssOf(pidOf(client));
    assert.ok(client.running);
    assert.equal(doc.version, 10_001);
    assert.deepEqual(asCliDiagnostics(last.diagnostics), cliDiagnosticsOf(doc.getText()));
    // A leak of one document version (or one analysis) per edit would hold 9,000 × ~10 kB of text and far more of models.
    if (baseline !== undefined && final !== undefined)
      assert.ok(final - baseline < 64 * 1024 * 1024, `resident memory grew by ${Math.round((final - baseline) / 1048576)} MB over 9,000 edits`);
  });

  it("requests at positions and ranges outside the document get empty answers; edits outside it are clamped", async () => {
    const client = await LspTestClient.start();
    const uri = fileUri("outside.govreport");
    const text = sample("003");
    client.open(uri, text);
    await client.diagnostics(uri);
    const positions = [
      { line: 1_000_000, character: 0 },
      { line: 0, character: 1_000_000 },
      { line: -1, character: -5 },
      { line: 2 ** 31, character: 2 ** 31 },
      { line: 1.5, character: 0.5 },
    ];
    for (const position of positions) {
      const range = { start: position, end: position };
      assert.equal(await client.request("textDocument/hover", { textDocument: { uri }, position }), null, `hover at ${JSON.stringify(position)}`);
      assert.deepEqual(await client.request("textDocument/completion", { textDocument: { uri }, position }), [], `completion at ${JSON.stringify(position)}`);
      assert.deepEqual(await client.request("textDocument/inlayHint", { textDocument: { uri }, range }), [], `inlay hints at ${JSON.stringify(position)}`);
      const actions = await client.request("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics: [] } });
      assert.deepEqual(actions, [], `quick fixes at ${JSON.stringify(position)}`);
    }
    // An incremental change whose range lies beyond the end appends (LSP clamps positions to the document).
    void client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 99_999, character: 5 }, end: { line: 99_999, character: 9 } }, text: "\n五、存在的主要问题及改进情况\n" }],
    });
    const after = await client.diagnostics(uri, (p) => p.version === 2);
    const expected = checkText(`${text}\n五、存在的主要问题及改进情况\n`).findings.map((f) => f.message.zh);
    assert.deepEqual(after.diagnostics.map((d) => d.message), expected);
  });

  it("malformed requests get an answer or an error, malformed notifications are ignored, and the server carries on", async () => {
    const client = await LspTestClient.start();
    const uri = fileUri("malformed.govreport");
    const bad: unknown[] = [null, 5, "x", [], {}, { textDocument: 5 }, { textDocument: { uri: 5 } }, { textDocument: { uri: "not a uri" }, position: "x", range: [] }];
    const methods = [
      "textDocument/hover", "textDocument/completion", "textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/inlayHint",
      "textDocument/codeLens", "textDocument/formatting", "textDocument/codeAction", "govReport/preview", "govReport/review",
    ];
    for (const method of methods)
      for (const params of bad) {
        const outcome = await client.request(method, params).then(
          () => "answered",
          (e: { code?: number }) => (typeof e.code === "number" ? "error" : "no response"),
        );
        assert.ok(outcome !== "no response", `${method} ${JSON.stringify(params)}`);
      }
    const notifications: [string, unknown][] = [
      ["textDocument/didOpen", { textDocument: { uri } }],
      ["textDocument/didOpen", null],
      ["textDocument/didChange", { textDocument: { uri: fileUri("never-opened.govreport"), version: 2 }, contentChanges: [{ text: "x" }] }],
      ["textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: "x" }],
      ["textDocument/didOpen", { textDocument: { uri: fileUri("opened.govreport"), languageId: "gov-report", version: 1, text: sample("001") } }],
      ["textDocument/didChange", { textDocument: { uri: fileUri("opened.govreport"), version: 2 }, contentChanges: [{ text: 5 }] }],
      ["textDocument/didChange", { textDocument: { uri: fileUri("opened.govreport"), version: 3 }, contentChanges: [{ range: { start: "x", end: {} }, text: "" }] }],
      ["textDocument/didClose", { textDocument: { uri: fileUri("never-opened.govreport") } }],
      ["textDocument/didSave", { textDocument: 5 }],
      ["workspace/didChangeConfiguration", { settings: { govReport: { maxDocumentSize: "big", rules: 5, debounce: -1 } } }],
      ["workspace/didChangeWatchedFiles", { changes: [{ uri: 5, type: 9 }] }],
      ["workspace/didChangeWatchedFiles", null],
      ["$/cancelRequest", { id: "no such request" }],
      ["gov-report/no-such-notification", { anything: true }],
    ];
    for (const [method, params] of notifications) void client.connection.sendNotification(method, params);
    const good = fileUri("good.govreport");
    client.open(good, sample("003"));
    const diagnostics = await client.diagnostics(good);
    assert.deepEqual(diagnostics.diagnostics.map((d) => d.message), checkText(sample("003")).findings.map((f) => f.message.zh));
    // The malformed changes were refused: the document still holds the text it was opened with.
    const opened = fileUri("opened.govreport");
    client.change(opened, 4, `${sample("001")}\n`);
    const kept = await client.diagnostics(opened, (p) => p.version === 4);
    assert.deepEqual(ungrouped(kept.diagnostics).map((d) => d.message), checkText(`${sample("001")}\n`).findings.map((f) => f.message.zh));
    assert.ok(client.running);
  });

  it("documents closed while being checked end with empty diagnostics, and nothing is published for them afterwards", async () => {
    const client = await LspTestClient.start({ settings: { debounce: 0 } });
    const big = sample("004").repeat(60); // ~700 kB: a check long enough for the close to arrive during it
    const uris = Array.from({ length: 6 }, (_, i) => fileUri(`closing-${i}.govreport`));
    for (const [i, uri] of uris.entries()) {
      client.open(uri, big);
      // Edits and the close interleave with the check in varying ways: after 0..5 further changes.
      for (let v = 2; v < 2 + i; v++) client.change(uri, v, big + String(v));
      client.close(uri);
    }
    // A request answered after every notification above was handled, and a check of another document after that.
    const marker = fileUri("after-closing.govreport");
    client.open(marker, sample("003"));
    await client.diagnostics(marker);
    await client.request("textDocument/documentSymbol", { textDocument: { uri: marker } });
    for (const uri of uris) {
      const published: PublishDiagnosticsParams[] = client.allDiagnostics(uri);
      assert.ok(published.length >= 1, `${uri} was cleared`);
      assert.deepEqual(published.at(-1)!.diagnostics, [], `the last diagnostics of ${uri} are empty`);
      assert.deepEqual(await client.request("textDocument/documentSymbol", { textDocument: { uri } }), []);
    }
    assert.ok(client.running);
  });

  it("a 50 MB document gets the too-large notice (edits to it too) while other documents are checked as usual", async () => {
    const client = await LspTestClient.start({ locale: "en" });
    const huge = fileUri("huge.govreport");
    const unit = sample("004");
    const text = unit.repeat(Math.ceil(50_000_000 / unit.length));
    client.open(huge, text);
    const notice = await client.diagnostics(huge);
    assert.equal(notice.diagnostics.length, 1);
    assert.match(String(notice.diagnostics[0].message), new RegExp(`${text.length} characters, over the live-check limit of 1000000 \\(setting govReport\\.maxDocumentSize\\); not checked`));
    assert.equal((await client.status(huge)).state, "too-large");
    // Edits to the huge document and a check of a small one, interleaved.
    const small = fileUri("small-beside-huge.govreport");
    client.open(small, sample("003"));
    for (let v = 2; v <= 6; v++)
      void client.connection.sendNotification("textDocument/didChange", {
        textDocument: { uri: huge, version: v },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `${v}` }],
      });
    const smallDiagnostics = await client.diagnostics(small);
    assert.deepEqual(smallDiagnostics.diagnostics.map((d) => d.message), checkText(sample("003")).findings.map((f) => f.message.en));
    const edited = await client.diagnostics(huge, (p) => p.version === 6);
    assert.equal(edited.diagnostics.length, 1);
    assert.match(String(edited.diagnostics[0].message), /govReport\.maxDocumentSize/);
    for (const [method, params] of [
      ["textDocument/hover", { textDocument: { uri: huge }, position: { line: 0, character: 0 } }],
      ["textDocument/completion", { textDocument: { uri: huge }, position: { line: 0, character: 0 } }],
      ["textDocument/foldingRange", { textDocument: { uri: huge } }],
      ["textDocument/codeLens", { textDocument: { uri: huge } }],
      ["textDocument/formatting", { textDocument: { uri: huge }, options: { tabSize: 4, insertSpaces: false } }],
      ["textDocument/codeAction", { textDocument: { uri: huge }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ["source.fixAll.gov-report"] } }],
      ["govReport/preview", { uri: huge }],
    ] as const) {
      const answer = await client.request(method, params);
      assert.ok(answer === null || (Array.isArray(answer) && answer.length === 0), `${method} on the huge document: ${JSON.stringify(answer)?.slice(0, 100)}`);
    }
    assert.ok(client.running);
  });

  it("exits by itself when the client's process dies, though its pipes stay open", async () => {
    const parent = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    const server = spawn(process.execPath, [join(import.meta.dirname, "..", "..", "dist", "server.js"), "--stdio"], { stdio: ["pipe", "pipe", "ignore"] });
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: parent.pid, rootUri: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await new Promise<void>((resolve) => server.stdout.once("data", () => resolve()));
    parent.kill("SIGKILL");
    // vscode-languageserver polls the client's process every few seconds; the test's own timeout is the bound.
    const code = await Promise.race([exited, new Promise<"still running">((r) => setTimeout(() => r("still running"), 30_000).unref())]);
    if (code === "still running") server.kill("SIGKILL");
    assert.notEqual(code, "still running", "the server outlived its client");
  });

  it("exits when the client vanishes in the middle of sending a document", async () => {
    const server = spawn(process.execPath, [join(import.meta.dirname, "..", "..", "dist", "server.js"), "--stdio"], { stdio: ["pipe", "pipe", "ignore"] });
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    const init = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(init)}\r\n\r\n${init}`);
    await new Promise<void>((resolve) => server.stdout.once("data", () => resolve()));
    const open = JSON.stringify({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri: fileUri("cut.govreport"), languageId: "gov-report", version: 1, text: sample("004") } } });
    // Half a message, then the pipes go away, as when the editor's process is killed.
    server.stdin.write(`Content-Length: ${Buffer.byteLength(open)}\r\n\r\n${open.slice(0, open.length >> 1)}`);
    server.stdin.destroy();
    server.stdout.destroy();
    const code = await Promise.race([exited, new Promise<"still running">((r) => setTimeout(() => r("still running"), 20_000).unref())]);
    if (code === "still running") server.kill("SIGKILL");
    assert.notEqual(code, "still running", "the server outlived its client");
  });
});
