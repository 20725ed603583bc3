// The npm package: `npm pack` holds the bundles, the schemas, the docs, README, CHANGELOG and
// LICENSE and nothing else; it depends on nothing (everything it runs is bundled), so that
// `npm i -g` of it installs no other package and warns nothing, and gives both commands.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";
import { installPacked, npm } from "../helpers/install";

const root = join(import.meta.dirname, "../..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

/** What may be in the package. */
const allowed: RegExp[] = [
  /^package\.json$/,
  /^dist\/[^/]+\.(js|html)$/,
  /^schemas\/[^/]+\.json$/,
  /^docs\/([^/]+\/)*[^/]+\.md$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
];
const required = ["package.json", "dist/cli.js", "dist/server.js", "dist/loopback.js", "dist/docx.js", "dist/gov-report.html", "schemas/govreportrc.schema.json",
  "docs/editors.md", "docs/rules/README.md", "README.md", "CHANGELOG.md", "LICENSE"];

describe("the npm package", () => {
  it("holds the bundles, schemas, docs, README, CHANGELOG and LICENSE, and no sources, maps, tests or dependencies", () => {
    const [pack] = JSON.parse(npm(["pack", "--dry-run", "--json", "--ignore-scripts"])) as [{ files: { path: string }[] }];
    const paths = pack.files.map((f) => f.path);
    assert.deepEqual(paths.filter((p) => !allowed.some((pattern) => pattern.test(p))), []);
    assert.deepEqual(required.filter((p) => !paths.includes(p)), []);
  });

  it("depends on nothing at run time, and names both commands", () => {
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), []);
    assert.deepEqual(manifest.bin, { "gov-report": "./dist/cli.js", "gov-report-language-server": "./dist/server.js" });
  });

  describe("installed with npm i -g from the packed file", () => {
    let dir: string;
    let install: ReturnType<typeof installPacked>;
    const bin = (name: string) => join(install.bin, name);

    before(() => {
      dir = mkdtempSync(join(tmpdir(), "gov-report-npm-test-"));
      install = installPacked(dir);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("installs this one package and warns nothing", () => {
      assert.equal(install.status, 0, install.stderr);
      assert.match(install.stdout, /added 1 package/);
      assert.doesNotMatch(install.stderr, /warn/i);
    });

    it("gov-report answers --version and --help", () => {
      assert.equal(execFileSync(bin("gov-report"), ["--version"], { encoding: "utf8" }).trim(), manifest.version);
      assert.match(execFileSync(bin("gov-report"), ["--help"], { encoding: "utf8" }), /gov-report lsp/);
    });

    for (const [name, args] of [["gov-report", ["lsp"]], ["gov-report", ["lsp", "--stdio"]], ["gov-report-language-server", []]] as const)
      it(`${[name, ...args].join(" ")} speaks LSP over stdio`, async () => {
        assert.equal(await serverName(bin(name), [...args]), "gov-report");
      });
  });
});

/** Starts a language server, initializes it, shuts it down; the name it gives in its initialize result. */
async function serverName(command: string, args: string[]): Promise<string | undefined> {
  const child = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  try {
    const result = (await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} })) as {
      serverInfo?: { name: string };
    };
    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
    assert.equal(await exited, 0);
    return result.serverInfo?.name;
  } finally {
    clearTimeout(timer);
    connection.dispose();
  }
}
