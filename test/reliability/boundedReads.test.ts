/**
 * Every file the CLI and the language server read is a regular file of
 * bounded size: a .govreportrc.json that is a FIFO or a link to /dev/zero (it
 * can come with a cloned workspace) is answered at once with a message
 * naming the path only; so is a Word request naming one. Encodings are read
 * without losing a byte: text after a UTF-8 BOM is validated, a UTF-16 file's
 * odd trailing byte is reported. A config saved with a BOM is accepted, and
 * a folder alias is not a loop.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import { IMPORT_WORD_REQUEST } from "../../server/src/server/wordProtocol";
import { runCli, tempDir } from "../helpers/cli";
import { sample } from "../helpers/samples";
import { LspTestClient } from "../protocol/lspClient";

const mkfifo = (path: string) => execFileSync("mkfifo", [path]);

/** A folder with a draft and, as its .govreportrc.json, a FIFO or a link to /dev/zero. */
function hostileConfig(kind: "fifo" | "zero"): { dir: string; draft: string; config: string } {
  const dir = tempDir();
  const draft = join(dir, "draft.txt");
  writeFileSync(draft, sample("003"));
  const config = join(dir, ".govreportrc.json");
  if (kind === "fifo") mkfifo(config);
  else symlinkSync("/dev/zero", config);
  return { dir, draft, config };
}

describe("configs that are not regular files", () => {
  for (const kind of ["fifo", "zero"] as const) {
    it(`CLI: a .govreportrc.json that is ${kind === "fifo" ? "a FIFO" : "a link to /dev/zero"} is named as not a regular file, and the draft is checked`, () => {
      const { draft, config } = hostileConfig(kind);
      const r = runCli(["check", "--format", "json", draft]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`${config}: 配置文件无法读取 / cannot read config: 不是普通文件 / not a regular file`));
      assert.equal((JSON.parse(r.stdout) as { file: string }[])[0].file, draft);
    });

    it(`server: a workspace whose .govreportrc.json is ${kind === "fifo" ? "a FIFO" : "a link to /dev/zero"} still gets its diagnostics`, async () => {
      const { dir, draft } = hostileConfig(kind);
      const client = await LspTestClient.start({ workspaceFolder: dir });
      const uri = pathToFileURL(draft).href;
      client.open(uri, sample("003"));
      const published = await client.diagnostics(uri);
      assert.ok(published.diagnostics.length > 0);
    });
  }

  it("server: a Word request naming a FIFO or /dev/zero is refused at once", async () => {
    const dir = tempDir();
    const fifo = join(dir, "pipe.docx");
    mkfifo(fifo);
    const client = await LspTestClient.start({ locale: "en" });
    for (const path of [fifo, "/dev/zero"]) await assert.rejects(client.request(IMPORT_WORD_REQUEST, { uri: pathToFileURL(path).href }), new RegExp(`${path}: .*not a regular file`));
  });
});

describe("config contents", () => {
  it("a .govreportrc.json saved with a BOM is read", () => {
    const dir = tempDir();
    const draft = join(dir, "draft.txt");
    writeFileSync(draft, sample("003"));
    writeFileSync(join(dir, ".govreportrc.json"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"locale":"en"}')]));
    const r = runCli(["check", draft]);
    assert.doesNotMatch(r.stderr, /cannot read config/);
    assert.match(r.stdout, /problems? \(/, "English output: the config was read");
  });

  it("a config that does not parse is named by its path, without its content", () => {
    const dir = tempDir();
    const secret = join(dir, "secret.txt");
    writeFileSync(secret, "口令 hunter2-SECRET\n");
    symlinkSync(secret, join(dir, ".govreportrc.json"));
    writeFileSync(join(dir, "draft.txt"), sample("003"));
    const r = runCli(["check", join(dir, "draft.txt")]);
    assert.match(r.stderr, /\.govreportrc\.json: 配置文件无法读取 \/ cannot read config: 不是有效的 JSON \/ not valid JSON/);
    assert.doesNotMatch(r.stderr + r.stdout, /hunter2|SECRET|口令/);
  });
});

describe("drafts read whole or not at all", () => {
  it("GBK text after a UTF-8 BOM is refused, not turned into U+FFFD and written back", () => {
    const dir = tempDir();
    const path = join(dir, "bom-gbk.txt");
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample("003"), "utf8"), Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0x0a])]);
    writeFileSync(path, bytes);
    const r = runCli(["fix", path]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bom-gbk\.txt: .*starts with a UTF-8 byte order mark but is not valid UTF-8/);
    assert.deepEqual(readFileSync(path), bytes);
  });

  it("a UTF-16 file with an odd trailing byte is reported, and left as it is", () => {
    const dir = tempDir();
    const path = join(dir, "odd.txt");
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample("003"), "utf16le"), Buffer.from([0x41])]);
    writeFileSync(path, bytes);
    const r = runCli(["fix", path]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /odd\.txt: .*odd number of bytes/);
    assert.deepEqual(readFileSync(path), bytes);
  });

  it("a draft over the size limit is refused before it is read", () => {
    const dir = tempDir();
    const path = join(dir, "huge.txt");
    writeFileSync(path, "");
    truncateSync(path, 65 * 1024 * 1024);
    const r = runCli(["check", path]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /huge\.txt: .*file too large \(over 64 MB\)/);
  });
});

describe("folders", () => {
  it("a folder alias (latest -> 2023) is read once and is not a loop", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "2023"));
    writeFileSync(join(dir, "2023", "report.txt"), sample("003"));
    symlinkSync("2023", join(dir, "latest"));
    const r = runCli(["check", "--format", "json", dir]);
    assert.doesNotMatch(r.stderr, /loop/);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((x) => x.file), [join(dir, "2023", "report.txt")]);
  });
});
