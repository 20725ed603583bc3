import assert from "node:assert/strict";
import { fork, spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
  type CodeAction,
  type Command,
  type CompletionItem,
  type Diagnostic,
  type Hover,
} from "vscode-languageserver-protocol/node";
import { checkText } from "../../server/src/core";
import { SERVER_COMMANDS, SHOW_DOCUMENT_COMMAND } from "../../server/src/server/serverCommands";
import { CLIENT_COMMANDS } from "../../server/src/server/protocol";
import { normalUri } from "../../server/src/server/uris";
import { CLI, tempDir } from "../helpers/cli";
import { sample } from "../helpers/samples";
import { ensureBuilt, fileUri, LspTestClient, SERVER, VSCODE_CLIENT } from "./lspClient";

/** Clients other than VS Code: what they are sent follows what they say they take; their URIs are read in one form. */

const ARTIFACT = "[bookmark: _GoBack]";
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));

async function requestsBeforeAndAfterInitialize(child: ChildProcess, reader: MessageReader, writer: MessageWriter): Promise<void> {
  const connection = createProtocolConnection(reader, writer);
  connection.listen();
  try {
    const early = connection.sendRequest("textDocument/hover", { textDocument: { uri: fileUri("early.txt") }, position: { line: 0, character: 0 } });
    await assert.rejects(early, { code: -32002 });
    const result = (await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} })) as { serverInfo: { name: string } };
    assert.equal(result.serverInfo.name, "gov-report");
  } finally {
    connection.dispose();
    child.kill();
  }
}

describe("clients other than VS Code", () => {
  it("a request before initialize is answered with ServerNotInitialized; initialize then works (stdio)", async () => {
    ensureBuilt();
    const child = spawn(process.execPath, [SERVER], { stdio: ["pipe", "pipe", "inherit"] });
    await requestsBeforeAndAfterInitialize(child, new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  });

  it("the same through gov-report lsp --node-ipc, the transport the VS Code client uses", async () => {
    ensureBuilt();
    const child = fork(CLI, ["lsp", "--node-ipc"], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
    await requestsBeforeAndAfterInitialize(child, new IPCMessageReader(child), new IPCMessageWriter(child));
  });

  it("a minimal client gets plain answers: flat symbols, plain-text hovers and completions, quick fixes as commands the server runs", async () => {
    const client = await LspTestClient.start({ client: { capabilities: {} } });
    const uri = fileUri("minimal.txt");
    const textDocument = { uri };
    client.open(uri, sample("003"));
    const { diagnostics } = await client.diagnostics(uri);

    const symbols = await client.request<Record<string, unknown>[]>("textDocument/documentSymbol", { textDocument });
    assert.ok(symbols.length > 1);
    for (const s of symbols) assert.ok("location" in s && !("children" in s), JSON.stringify(s));

    const cell = diagnostics.find((d) => d.code === "table-cell-format")!;
    const hover = await client.request<Hover>("textDocument/hover", { textDocument, position: cell.range.start });
    assert.equal((hover.contents as { kind: string }).kind, "plaintext");
    assert.doesNotMatch((hover.contents as { value: string }).value, /\*\*|```/);

    const completions = await client.request<CompletionItem[]>("textDocument/completion", { textDocument, position: { line: 4, character: 0 } });
    for (const item of completions) {
      assert.notEqual(item.insertTextFormat, 2, "no snippets");
      assert.ok(item.documentation === undefined || typeof item.documentation === "string", JSON.stringify(item.documentation));
    }

    const artifact = diagnostics.find((d) => d.code === "conversion-artifact")!;
    const actions = await client.request<(CodeAction | Command)[]>("textDocument/codeAction", { textDocument, range: artifact.range, context: { diagnostics: [artifact] } });
    assert.ok(actions.length > 0);
    for (const a of actions) {
      assert.equal(typeof a.command, "string", "a Command, not a CodeAction literal");
      assert.ok(SERVER_COMMANDS.includes((a as Command).command), (a as Command).command);
    }
    const [fix] = actions as Command[];
    await client.request("workspace/executeCommand", { command: fix.command, arguments: fix.arguments });
    const [edit] = client.appliedEdits;
    assert.ok(edit?.documentChanges?.length, "the server asked the client to apply the fix");
  });

  it("VS Code's own commands only for a client that names them; window/showDocument opens the rule's page for another", async () => {
    const { capabilities } = VSCODE_CLIENT;
    const withoutShowDocument = { ...capabilities, window: {} };
    const commandsOf = async (client: LspTestClient) => {
      const uri = fileUri("commands.txt");
      client.open(uri, sample("003"));
      const { diagnostics } = await client.diagnostics(uri);
      const artifact = diagnostics.find((d) => d.code === "conversion-artifact")!;
      const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: artifact.range, context: { diagnostics: [artifact] } });
      return actions.flatMap((a) => (a.command ? [a.command] : []));
    };
    const vscode = await commandsOf(await LspTestClient.start());
    assert.ok(vscode.some((c) => CLIENT_COMMANDS.includes(c.command)));
    const other = await LspTestClient.start({ client: { capabilities } });
    const shows = await commandsOf(other);
    assert.ok(shows.length > 0 && shows.every((c) => c.command === SHOW_DOCUMENT_COMMAND), JSON.stringify(shows));
    await other.request("workspace/executeCommand", { command: shows[0].command, arguments: shows[0].arguments });
    assert.match(other.shownDocuments[0].uri, /^https:\/\/.+\/conversion-artifact\.md$/);
    assert.equal(other.shownDocuments[0].external, true);
    assert.deepEqual(await commandsOf(await LspTestClient.start({ client: { capabilities: withoutShowDocument } })), []);
  });

  it("a file opened under a lower-case percent-encoded URI (as Neovim writes them) is one file with the workspace check's copy on disk", async () => {
    const dir = tempDir();
    const draft = join(dir, "年报 (草稿).txt");
    const disk = sample("003");
    assert.ok(disk.includes(ARTIFACT));
    writeFileSync(draft, disk);
    writeFileSync(join(dir, "other.txt"), disk);
    const client = await LspTestClient.start({ workspaceFolder: dir, settings: { workspaceCheck: true } });
    const lowerCase = pathToFileURL(draft).href.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    assert.notEqual(lowerCase, pathToFileURL(draft).href);
    const isDraft = (uri: string) => uri.startsWith("file:") && fileURLToPath(uri) === draft;

    const opened = client.diagnosticsCount;
    client.open(lowerCase, disk.replace(ARTIFACT, ""));
    await client.diagnostics(normalUri(lowerCase), (p) => p.version === 1);
    // The settings change: the workspace check publishes its files again, the open one excepted.
    const changed = client.diagnosticsCount;
    await client.configure({ debounce: 1 });
    await client.diagnostics(normalUri(pathToFileURL(join(dir, "other.txt")).href), () => true, changed);
    await client.diagnostics(normalUri(lowerCase), () => true, changed);

    const afterOpen = client.publishedWhere(isDraft, opened);
    assert.deepEqual([...new Set(afterOpen.map((p) => p.uri))], [normalUri(lowerCase)], "one URI for the file");
    for (const p of afterOpen) assert.ok(!codes(p.diagnostics).includes("conversion-artifact"), "the disk copy's findings never replace the buffer's");
  });

  it("a client that pulls diagnostics (LSP 3.17) gets the findings by textDocument/diagnostic, and none pushed", async () => {
    const client = await LspTestClient.start({ client: { capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } } });
    const uri = fileUri("pulled.txt");
    const text = sample("003");
    client.open(uri, text);
    await client.status(uri);
    const report = await client.request<{ kind: string; items: Diagnostic[] }>("textDocument/diagnostic", { textDocument: { uri } });
    assert.equal(report.kind, "full");
    assert.deepEqual(codes(report.items), checkText(text).findings.map((f) => f.rule));
    assert.deepEqual(client.allDiagnostics(uri), []);
  });

  it("normalUri: one form for Neovim's, Node's and VS Code's spelling of a path", () => {
    const vscode = "file:///home/u/%E5%B9%B4%E6%8A%A5%20%28%E8%8D%89%E7%A8%BF%29.txt";
    assert.equal(normalUri("file:///home/u/%e5%b9%b4%e6%8a%a5%20%28%e8%8d%89%e7%a8%bf%29.txt"), vscode);
    assert.equal(normalUri(pathToFileURL("/home/u/年报 (草稿).txt").href), vscode);
    assert.equal(normalUri(vscode), vscode);
    assert.equal(normalUri("file:///C:/Users/a.txt"), "file:///c%3A/Users/a.txt");
    assert.equal(normalUri("file:///c%3a/Users/a.txt"), "file:///c%3A/Users/a.txt");
    assert.equal(normalUri("untitled:Untitled-1"), "untitled:Untitled-1");
    assert.equal(normalUri("file:///a/100%.txt"), "file:///a/100%.txt");
  });
});
