// `--socket=N`: the server connects to the editor listening on port N of this machine's loopback
// address, speaks LSP there as over stdio, and is the only way gov-report opens a socket.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { join } from "node:path";
import { describe, it } from "node:test";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";
import { ensureBuilt, SERVER } from "./lspClient";

const DIST = join(import.meta.dirname, "..", "..", "dist");

/** Listens on an ephemeral loopback port and resolves with the first connection, once the server is started with that port. */
async function serverOverSocket(args: (port: number) => string[]): Promise<{ socket: Socket; stop: () => void }> {
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const port = (listener.address() as { port: number }).port;
  const child = spawn(process.execPath, [SERVER, ...args(port)], { stdio: ["ignore", "ignore", "pipe"] });
  const socket = await new Promise<Socket>((resolve, reject) => {
    listener.once("connection", resolve);
    child.once("exit", (code) => reject(new Error(`the server exited (${code}) without connecting`)));
  });
  return { socket, stop: () => (child.kill(), listener.close()) };
}

describe("--socket", () => {
  ensureBuilt();

  for (const form of [(port: number) => [`--socket=${port}`], (port: number) => ["--socket", String(port)]]) {
    it(`speaks LSP over the loopback connection (${form(0)[0]})`, async () => {
      const { socket, stop } = await serverOverSocket(form);
      try {
        const connection = createProtocolConnection(new StreamMessageReader(socket), new StreamMessageWriter(socket));
        connection.listen();
        const result = (await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} })) as { capabilities: { textDocumentSync?: unknown } };
        assert.ok(result.capabilities.textDocumentSync, "the server answers initialize over the socket");
        await connection.sendRequest("shutdown");
        connection.dispose();
      } finally {
        stop();
      }
    });
  }

  it("refuses a port that is no port, with a message and exit code 2", async () => {
    const child = spawn(process.execPath, [SERVER, "--socket=http://example.org"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    assert.equal(code, 2);
    assert.match(stderr, /--socket needs a port number/);
  });

  it("the socket bundle is the only one with Node's net, and it connects to the loopback address alone", () => {
    const code = readFileSync(join(DIST, "loopback.js"), "utf8");
    assert.match(code, /require\("(node:)?net"\)/);
    const hosts = [...code.matchAll(/host:\s*([^,}\s]+)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(hosts)], ["LOOPBACK_HOST"]);
    assert.match(code, /LOOPBACK_HOST = "127\.0\.0\.1"/);
    assert.doesNotMatch(readFileSync(join(DIST, "server.js"), "utf8"), /require\("(node:)?net"\)/);
  });
});
