/**
 * Replacing a file (cli/atomic.ts) when things go wrong: short writes and a
 * full disk (through the DiskWrites seam), a link planted at the temporary
 * name, the file changed while it was being fixed, another owner, other hard
 * links, a read-only file. Each time the original stays as it was, no
 * temporary file is left, and the CLI says why and exits 2.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import * as fs from "node:fs";
import { appendFileSync, chmodSync, chownSync, linkSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { writeAtomically, writeOutput, type DiskWrites } from "../../server/src/cli/atomic";
import { readStampedDraft } from "../../server/src/node/files";
import { runCli, tempDir } from "../helpers/cli";
import { sample } from "../helpers/samples";

/** node:crypto as the module system holds it, so that a mock of randomBytes is what atomic.ts calls. */
const nodeCrypto = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");

const ORIGINAL = "原稿\n".repeat(1000);
const NEW = Buffer.from("新稿\n".repeat(3000), "utf8");

function draftIn(dir: string, name = "draft.txt"): string {
  const path = join(dir, name);
  writeFileSync(path, ORIGINAL);
  return path;
}

const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

/** Writes at most `chunk` bytes a call, and fails as a full disk does after `budget` bytes. */
function fullDisk(budget: number, chunk = 4096): DiskWrites {
  let left = budget;
  return {
    writeSync(fd, buffer, offset, length) {
      if (left <= 0) throw enospc();
      const n = fs.writeSync(fd, buffer, offset, Math.min(length, chunk, left));
      left -= n;
      return n;
    },
    fsyncSync: fs.fsyncSync,
  };
}

const onlyFiles = (dir: string) => readdirSync(dir).sort();

describe("writeAtomically", () => {
  it("writes everything through short writes", () => {
    const dir = tempDir();
    const path = draftIn(dir);
    writeAtomically(path, NEW, { disk: fullDisk(Infinity, 1000) });
    assert.deepEqual(readFileSync(path), NEW);
    assert.deepEqual(onlyFiles(dir), ["draft.txt"]);
  });

  it("on a full disk keeps the original, leaves no temporary file, and says why", () => {
    const dir = tempDir();
    const path = draftIn(dir);
    assert.throws(() => writeAtomically(path, NEW, { disk: fullDisk(5000) }), /ENOSPC/);
    assert.equal(readFileSync(path, "utf8"), ORIGINAL);
    assert.deepEqual(onlyFiles(dir), ["draft.txt"]);
  });

  it("a write that returns 0 bytes is a failure, not an endless loop or a short file", () => {
    const dir = tempDir();
    const path = draftIn(dir);
    const stuck: DiskWrites = { writeSync: () => 0, fsyncSync: fs.fsyncSync };
    assert.throws(() => writeAtomically(path, NEW, { disk: stuck }), /write failed \(disk full\?\); left unchanged/);
    assert.equal(readFileSync(path, "utf8"), ORIGINAL);
    assert.deepEqual(onlyFiles(dir), ["draft.txt"]);
  });

  it("a failed flush keeps the original", () => {
    const dir = tempDir();
    const path = draftIn(dir);
    const eio = () => Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" });
    const failing: DiskWrites = {
      writeSync: fs.writeSync,
      fsyncSync: () => {
        throw eio();
      },
    };
    assert.throws(() => writeAtomically(path, NEW, { disk: failing }), /EIO/);
    assert.equal(readFileSync(path, "utf8"), ORIGINAL);
    assert.deepEqual(onlyFiles(dir), ["draft.txt"]);
  });

  it("never opens or follows a link planted at the temporary name it chooses", (t) => {
    const dir = tempDir();
    const path = draftIn(dir);
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "他人的文件");
    // Every name the writer could choose made known in advance, and a link planted at each.
    const fixed = Buffer.alloc(12, 7);
    t.mock.method(nodeCrypto, "randomBytes", () => fixed);
    const planted = join(dir, `.draft.txt.${fixed.toString("hex")}.gov-report.tmp`);
    symlinkSync(victim, planted);
    assert.throws(() => writeAtomically(path, NEW), /EEXIST/);
    assert.equal(readFileSync(victim, "utf8"), "他人的文件");
    assert.equal(readFileSync(path, "utf8"), ORIGINAL);
    assert.ok(fs.lstatSync(planted).isSymbolicLink());
    t.mock.restoreAll();
    // With names it cannot guess, the link is simply not in the way.
    writeAtomically(path, NEW);
    assert.deepEqual(readFileSync(path), NEW);
    assert.equal(readFileSync(victim, "utf8"), "他人的文件");
  });

  it("refuses to replace a file changed since it was read, and keeps the change", () => {
    const dir = tempDir();
    const path = draftIn(dir);
    const { stamp } = readStampedDraft(path);
    // A line added while the fixes were being computed…
    appendFileSync(path, "新增的一行\n");
    assert.throws(() => writeAtomically(path, NEW, { expected: stamp }), /the file changed after it was read/);
    assert.equal(readFileSync(path, "utf8"), `${ORIGINAL}新增的一行\n`);
    // …and one added while the new content was being written.
    const writing: DiskWrites = {
      writeSync(fd, buffer, offset, length) {
        appendFileSync(path, "写入时新增\n");
        return fs.writeSync(fd, buffer, offset, length);
      },
      fsyncSync: fs.fsyncSync,
    };
    const again = readStampedDraft(path).stamp;
    assert.throws(() => writeAtomically(path, NEW, { expected: again, disk: writing }), /the file changed after it was read/);
    assert.ok(readFileSync(path, "utf8").endsWith("写入时新增\n"));
    assert.deepEqual(onlyFiles(dir), ["draft.txt"]);
  });

  it("keeps the owner, group and mode", (t) => {
    if (process.getuid?.() !== 0) return t.skip("changing a file's owner needs root");
    const dir = tempDir();
    const path = draftIn(dir);
    chownSync(path, 65534, 65534);
    chmodSync(path, 0o640);
    writeAtomically(path, NEW);
    const st = statSync(path);
    assert.deepEqual([st.uid, st.gid, st.mode & 0o7777], [65534, 65534, 0o640]);
  });

  it("refuses a file with other hard links and a read-only file", () => {
    const dir = tempDir();
    const path = draftIn(dir);
    linkSync(path, join(dir, "other-name.txt"));
    assert.throws(() => writeAtomically(path, NEW), /the file has other hard links, which replacing it would split; left unchanged/);
    assert.equal(readFileSync(join(dir, "other-name.txt"), "utf8"), ORIGINAL);
    const readOnly = draftIn(dir, "read-only.txt");
    chmodSync(readOnly, 0o444);
    assert.throws(() => writeAtomically(readOnly, NEW), /the file is read-only; left unchanged/);
    assert.equal(readFileSync(readOnly, "utf8"), ORIGINAL);
  });
});

describe("writeOutput", () => {
  it("a new output that fails to write leaves nothing behind; an existing one is kept", () => {
    const dir = tempDir();
    const fresh = join(dir, "report.json");
    assert.throws(() => writeOutput(fresh, NEW, fullDisk(100)), /ENOSPC/);
    assert.deepEqual(onlyFiles(dir), []);
    const existing = draftIn(dir, "old.json");
    assert.throws(() => writeOutput(existing, NEW, fullDisk(100)), /ENOSPC/);
    assert.equal(readFileSync(existing, "utf8"), ORIGINAL);
    assert.deepEqual(onlyFiles(dir), ["old.json"]);
    writeOutput(fresh, NEW);
    assert.deepEqual(readFileSync(fresh), NEW);
  });

  it("an output made in chunks is written chunk by chunk through short writes, or not at all", () => {
    const dir = tempDir();
    const path = join(dir, "page.html");
    const chunks = function* () {
      for (let i = 0; i < NEW.length; i += 700) yield NEW.subarray(i, i + 700);
    };
    writeOutput(path, chunks(), fullDisk(Infinity, 300));
    assert.deepEqual(readFileSync(path), NEW);
    assert.throws(() => writeOutput(path, chunks(), fullDisk(5000, 300)), /ENOSPC/);
    assert.deepEqual(readFileSync(path), NEW);
    assert.deepEqual(onlyFiles(dir), ["page.html"]);
  });
});

describe("the CLI's writes", () => {
  it("fix says why it left a file unchanged and exits 2; the other files are still fixed", () => {
    const dir = tempDir();
    const good = join(dir, "good.txt");
    const linked = join(dir, "linked.txt");
    const readOnly = join(dir, "read-only.txt");
    for (const p of [good, linked, readOnly]) writeFileSync(p, sample("003"));
    linkSync(linked, join(dir, "linked-too.txt"));
    chmodSync(readOnly, 0o444);
    const r = runCli(["fix", good, linked, readOnly]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /linked\.txt: .*other hard links.*left unchanged/);
    assert.match(r.stderr, /read-only\.txt: .*read-only; left unchanged/);
    assert.match(r.stdout, /good\.txt: .*fixes applied/);
    assert.equal(readFileSync(linked, "utf8"), sample("003"));
    assert.equal(readFileSync(readOnly, "utf8"), sample("003"));
  });

  it("check -o and import -o refuse to overwrite their input; check -o replaces an existing output", () => {
    const dir = tempDir();
    const draft = join(dir, "draft.txt");
    writeFileSync(draft, sample("003"));
    const check = runCli(["check", "--format", "json", "-o", draft, draft]);
    assert.equal(check.status, 2);
    assert.match(check.stderr, /the output must not be a file being checked/);
    assert.equal(readFileSync(draft, "utf8"), sample("003"));
    const word = join(dir, "report.docx");
    writeFileSync(word, "PK");
    const imported = runCli(["import", word, "-o", word]);
    assert.equal(imported.status, 2);
    assert.match(imported.stderr, /the output must not be the Word file itself/);
    assert.equal(readFileSync(word, "utf8"), "PK");
    const out = join(dir, "out.json");
    writeFileSync(out, "old");
    assert.ok([0, 1].includes(runCli(["check", "--format", "json", "-o", out, draft]).status!));
    assert.ok(Array.isArray(JSON.parse(readFileSync(out, "utf8"))));
    assert.deepEqual(onlyFiles(dir), ["draft.txt", "out.json", "report.docx"]);
  });
});
