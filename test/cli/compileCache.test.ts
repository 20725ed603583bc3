import assert from "node:assert/strict";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runCli, tempDir } from "../helpers/cli";
import { SAMPLES_DIR } from "../helpers/samples";

/**
 * The CLI keeps V8's compiled code between runs (server/src/node/compileCache.ts,
 * started by server/src/cli/launch.ts): in a folder of its own under the
 * temporary directory, one file per command. The output never depends on it;
 * a damaged cache is made again; a folder that is not this user's alone is
 * not used. Each case runs with its own TMPDIR.
 */

const sample = join(SAMPLES_DIR, readdirSync(SAMPLES_DIR).filter((f) => f.endsWith(".txt")).sort()[0]);
const uid = process.getuid?.();
const folderName = `gov-report-compile-cache${uid === undefined ? "" : `-${uid}`}`;

function checkWith(tmp: string, env: NodeJS.ProcessEnv = {}) {
  const r = runCli(["check", "--format", "json", sample], { env: { TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: "", ...env } });
  assert.equal(r.stderr, "");
  return r.stdout;
}

const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".cache")) : []);
const identity = (file: string) => {
  const s = statSync(file);
  return `${s.ino}:${s.mtimeMs}`;
};

describe("compile cache", () => {
  const plain = checkWith(tempDir(), { NODE_DISABLE_COMPILE_CACHE: "1" });

  it("the first run makes the command's cache, the next uses it as it is, and the output is the same", () => {
    const tmp = tempDir();
    assert.equal(checkWith(tmp), plain);
    const dir = join(tmp, folderName);
    const [file] = cacheFiles(dir);
    assert.match(file ?? "", /^check-[0-9a-f]{32}\.cache$/);
    if (uid !== undefined) {
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      assert.equal(statSync(join(dir, file)).mode & 0o777, 0o600);
    }
    const made = identity(join(dir, file));
    assert.equal(checkWith(tmp), plain);
    // V8 took it: a refused cache would have been written again (a new file renamed over it).
    assert.equal(identity(join(dir, file)), made);
    assert.deepEqual(cacheFiles(dir), [file], "no temporary file is left");
  });

  it("each command keeps its own cache", () => {
    const tmp = tempDir();
    const r = runCli(["new", "--year", "2025"], { env: { TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: "" } });
    assert.equal(r.status, 0);
    checkWith(tmp);
    assert.deepEqual(cacheFiles(join(tmp, folderName)).map((f) => f.split("-")[0]).sort(), ["check", "new"]);
  });

  it("a damaged cache is refused by V8 and made again; the output is unchanged", () => {
    const tmp = tempDir();
    checkWith(tmp);
    const dir = join(tmp, folderName);
    const file = join(dir, cacheFiles(dir)[0]);
    const size = readFileSync(file).length;
    writeFileSync(file, Buffer.alloc(size, 0x5a));
    const damaged = identity(file);
    assert.equal(checkWith(tmp), plain);
    assert.notEqual(identity(file), damaged);
    assert.notDeepEqual(readFileSync(file), Buffer.alloc(size, 0x5a));
    const remade = identity(file);
    checkWith(tmp);
    assert.equal(identity(file), remade);
  });

  it("NODE_DISABLE_COMPILE_CACHE turns it off: nothing is written", () => {
    const tmp = tempDir();
    assert.equal(checkWith(tmp, { NODE_DISABLE_COMPILE_CACHE: "1" }), plain);
    assert.deepEqual(readdirSync(tmp), []);
  });

  it("a folder that others can write to is not used", { skip: uid === undefined && "no file modes on this system" }, () => {
    const tmp = tempDir();
    const dir = join(tmp, folderName);
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    assert.equal(checkWith(tmp), plain);
    assert.deepEqual(cacheFiles(dir), []);
  });

  it("a link in the folder's place is not followed", () => {
    const tmp = tempDir();
    const elsewhere = join(tmp, "elsewhere");
    mkdirSync(elsewhere, { mode: 0o700 });
    symlinkSync(elsewhere, join(tmp, folderName));
    assert.equal(checkWith(tmp), plain);
    assert.deepEqual(readdirSync(elsewhere), []);
  });

  it("another user's folder is not used", { skip: uid !== 0 && "only root can give a folder to another user" }, () => {
    const tmp = tempDir();
    const dir = join(tmp, folderName);
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, 65534, 65534);
    assert.equal(checkWith(tmp), plain);
    assert.deepEqual(cacheFiles(dir), []);
  });
});
