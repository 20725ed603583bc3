/**
 * Malformed frames on the language server's stdio: a Content-Length that is
 * not a number, one of 4e9 bytes, a header without one, a header that never
 * ends. Each is logged with its reason and the server ends the connection,
 * instead of waiting forever or buffering what the header announced.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { describe, it } from "node:test";
import { SERVER } from "../protocol/lspClient";

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const INITIALIZE = frame(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } }));

/** Sends a valid initialize, then `bad` (split in two writes), and keeps stdin open: only the server can end the exchange. */
function serverAfter(bad: string): Promise<{ code: number | null; stderr: string; answered: boolean }> {
  const child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  let stdout = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
    // Once initialize is answered, the malformed frame follows.
    if (stdout.includes('"id":1') && !child.stdin.writableEnded) {
      child.stdin.write(bad.slice(0, 7));
      child.stdin.write(bad.slice(7));
    }
  });
  child.stdin.on("error", () => undefined);
  child.stdin.write(INITIALIZE);
  const guard = setTimeout(() => child.kill("SIGKILL"), 30_000);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(guard);
      resolve({ code, stderr, answered: stdout.includes('"id":1') });
    }),
  );
}

describe("malformed LSP frames", () => {
  const cases: [string, string, RegExp][] = [
    ["a Content-Length that is not a number", "Content-Length: abc\r\n\r\n{}", /Content-Length is not a byte count: "abc"/],
    ["a Content-Length of 4e9 bytes", "Content-Length: 4000000000\r\n\r\n{", /Content-Length 4000000000 is over the limit/],
    ["a header without Content-Length", "Content-Type: application/json\r\n\r\n{}", /no Content-Length header/],
    ["a header that never ends", `X-Padding: ${"x".repeat(10_000)}`, /header longer than 8192 bytes/],
  ];
  for (const [what, bad, reason] of cases) {
    it(`${what}: logged, and the connection closed`, async () => {
      const r = await serverAfter(bad);
      assert.ok(r.answered, "initialize was answered first");
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /gov-report: malformed message from the client \(.*\); closing the connection/);
      assert.match(r.stderr, reason);
    });
  }
});
