/**
 * A file name is data: a newline in it cannot forge a line of the stylish,
 * summary or error output (control characters are escaped), and SARIF gets
 * it as a percent-encoded URI reference. A name that is not UTF-8 is told.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runCli, tempDir } from "../helpers/cli";
import { sample } from "../helpers/samples";

const FORGING = "a\nforged.txt: error";

describe("file names with control characters", () => {
  it("stylish, --summary and error lines escape a newline in a name; SARIF percent-encodes it", () => {
    const dir = tempDir();
    const folder = join(dir, "drafts");
    mkdirSync(folder);
    writeFileSync(join(folder, `${FORGING}.txt`), sample("003"));
    writeFileSync(join(folder, "b\nbinary.txt"), Buffer.from([0, 1, 2]));
    const stylish = runCli(["check", folder, join(folder, "b\nbinary.txt")]);
    assert.ok(stylish.stdout.includes("a\\nforged.txt: error.txt"), stylish.stdout);
    assert.ok(!stylish.stdout.split("\n").some((l) => l.startsWith("forged")), "no forged line");
    assert.ok(stylish.stderr.includes("b\\nbinary.txt: "), stylish.stderr);
    assert.ok(!stylish.stderr.split("\n").some((l) => l.startsWith("binary")), "no forged error line");
    const summary = runCli(["check", "--summary", folder]);
    assert.ok(summary.stdout.includes("a\\nforged.txt: error.txt"), summary.stdout);
    const sarif = JSON.parse(runCli(["check", "--format", "sarif", folder]).stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const uris = sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0);
    for (const uri of uris) {
      assert.ok(uri.endsWith("/a%0Aforged.txt%3A%20error.txt"), uri);
      assert.doesNotMatch(uri, /[\s\n]/);
    }
  });

  it("a draft whose name is not UTF-8 is named as such in a folder, and the other drafts are checked", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "good.txt"), sample("003"));
    // 报 in GBK: a name saved by a system that does not use UTF-8.
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xb1, 0xa8]), Buffer.from(".txt")]), sample("003"));
    const r = runCli(["check", "--format", "json", dir]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.txt: .*the file name is not valid UTF-8 and cannot be read; rename it/);
    assert.ok((JSON.parse(r.stdout) as { file: string }[]).some((x) => x.file.endsWith("good.txt")));
  });
});
