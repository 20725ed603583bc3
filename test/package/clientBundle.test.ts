import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { build } from "esbuild";

/**
 * The client is a thin adapter: Word, the checks and the templates run in the
 * language server. Its bundle takes from server/src only protocol names,
 * types and a few tiny helpers, and none of the Word libraries.
 */
describe("dist/client.js", () => {
  it("bundles no Word library and only a few kilobytes of server/src", async () => {
    const result = await build({
      entryPoints: ["client/src/extension.ts"],
      bundle: true,
      platform: "node",
      format: "cjs",
      external: ["vscode"],
      write: false,
      metafile: true,
      outfile: "client.js",
      logLevel: "silent",
    });
    const inputs = Object.values(result.metafile.outputs).find((o) => o.entryPoint)!.inputs;
    const files = Object.keys(inputs);
    assert.deepEqual(files.filter((f) => /node_modules\/(docx|jszip|@xmldom|pako)\//.test(f)), []);
    assert.deepEqual(files.filter((f) => f.startsWith("server/src/docx/")), []);
    const fromServer = files.filter((f) => f.startsWith("server/src/")).reduce((sum, f) => sum + inputs[f].bytesInOutput, 0);
    assert.ok(fromServer < 16_000, `server/src takes ${fromServer} bytes of the client bundle`);
    const own = files.filter((f) => !f.startsWith("node_modules/")).reduce((sum, f) => sum + inputs[f].bytesInOutput, 0);
    assert.ok(own < 100_000, `the client's own code and what it takes from server/src: ${own} bytes`);
  });
});
