/**
 * Small .docx files that claim huge amounts of work (hostileDocx.ts makes
 * them): each is refused with a message naming the limit it passed, by the
 * CLI running with a 512 MB heap and by the language server, and a folder
 * holding them all still has its good draft checked.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { IMPORT_WORD_REQUEST } from "../../server/src/server/wordProtocol";
import { CLI, tempDir } from "../helpers/cli";
import { sample } from "../helpers/samples";
import { LspTestClient } from "../protocol/lspClient";
import { hostileDocxSet } from "./hostileDocx";

/** What each file is refused for. */
const EXPECTED: Record<string, RegExp> = {
  "grid-span.docx": /a table row spans \d+ grid columns, more than 256/,
  "span-flood.docx": /more than 500000 table cells/,
  "paragraph-flood.docx": /more than 100000 paragraphs/,
  "markup-flood.docx": /has more than 500000 tags and attributes/,
  "zip-bomb.docx": /inflates to more than 32 MB \(possibly a zip bomb\)/,
  "deep-nesting.docx": /nested more than 256 levels deep/,
  "many-entries.docx": /the archive has 20003 entries/,
};

/** The CLI with a 512 MB heap: a file that is read whole before it is refused ends in an out-of-memory abort, not exit 2. */
function checkBounded(args: string[]) {
  const r = spawnSync(process.execPath, ["--max-old-space-size=512", CLI, "check", ...args], {
    encoding: "utf8",
    env: { ...process.env, LANG: "C" },
    timeout: 120_000,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe("hostile .docx files", () => {
  const dir = tempDir();
  let set: Record<string, Buffer>;
  before(async () => {
    set = await hostileDocxSet();
    for (const [name, data] of Object.entries(set)) writeFileSync(join(dir, name), data);
  });

  it("the set is small on disk", () => {
    for (const [name, data] of Object.entries(set)) assert.ok(data.length < 4 * 1024 * 1024, `${name}: ${data.length} bytes`);
    assert.deepEqual(Object.keys(set).sort(), Object.keys(EXPECTED).sort());
  });

  for (const name of Object.keys(EXPECTED)) {
    it(`gov-report check ${name}: refused with a message under a 512 MB heap`, () => {
      const r = checkBounded([join(dir, name)]);
      assert.equal(r.signal, null, `${name}: killed by ${r.signal}`);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`${name}: Word 文档过大或结构异常，不予读取：.* / Word document too large or malformed, not read: `));
      assert.match(r.stderr, EXPECTED[name]);
    });
  }

  it("gov-report check on the folder reports every hostile file and still checks the good draft", () => {
    const folder = tempDir();
    for (const [name, data] of Object.entries(set)) writeFileSync(join(folder, name), data);
    writeFileSync(join(folder, "good.txt"), sample("003"));
    const r = checkBounded(["--format", "json", folder]);
    assert.equal(r.signal, null);
    assert.equal(r.status, 2, r.stderr);
    for (const name of Object.keys(EXPECTED)) assert.match(r.stderr, new RegExp(`${name}: .*${EXPECTED[name].source}`));
    const results = JSON.parse(r.stdout) as { file: string; diagnostics?: unknown[] }[];
    assert.ok(results.some((x) => x.file.endsWith("good.txt") && Array.isArray(x.diagnostics)), "good.txt checked");
  });

  it("the language server refuses each one, sent or named by a file: URI, and keeps answering", async () => {
    const client = await LspTestClient.start({ locale: "en" });
    for (const name of Object.keys(EXPECTED)) {
      await assert.rejects(client.request(IMPORT_WORD_REQUEST, { data: set[name].toString("base64") }), EXPECTED[name], name);
      await assert.rejects(client.request(IMPORT_WORD_REQUEST, { uri: `file://${join(dir, name)}` }), EXPECTED[name], name);
    }
  });
});
