/**
 * The CLI and the file system: `fix` killed at random moments leaves the
 * original or the fixed file, never a truncated one; what it writes keeps the
 * encoding, line ends, permissions and final newline, and goes through
 * symlinks to their target; unreadable files, folders it cannot enter,
 * symlink loops, non-UTF-8 and device files each get a message of their own
 * while the other files are still checked, and the exit code is 2.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CLI, runCli, tempDir } from "../helpers/cli";
import { sample } from "../helpers/samples";
import { seeded } from "../helpers/random";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** A draft with safe fixes near the top and ~48 MB of prose after it: cheap to parse, slow to write. */
function largeDraft(): string {
  return `${sample("003")}\n${`${"甲".repeat(2000)}\n`.repeat(8000)}`;
}

function runFix(path: string): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [CLI, "fix", path], { stdio: "ignore" });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

describe("gov-report fix writes atomically", () => {
  it("killed at random moments, it leaves the original or the fixed file, never a truncated one", async () => {
    const dir = tempDir();
    const path = join(dir, "large.txt");
    const original = Buffer.from(largeDraft(), "utf8");
    writeFileSync(path, original);
    const started = performance.now();
    assert.equal((await runFix(path)).code, 0);
    // How long a whole run takes here spreads the kills over it; no assertion depends on it.
    const duration = performance.now() - started;
    const fixed = readFileSync(path);
    assert.notEqual(sha(fixed), sha(original), "the draft has something to fix");
    const states = { original: sha(original), fixed: sha(fixed) };
    const next = seeded(11);
    for (let round = 0; round < 12; round++) {
      writeFileSync(path, original);
      const child = spawn(process.execPath, [CLI, "fix", path], { stdio: "ignore" });
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      await new Promise((r) => setTimeout(r, next() * duration * 1.1));
      child.kill("SIGKILL");
      await exited;
      const now = sha(readFileSync(path));
      assert.ok(now === states.original || now === states.fixed, `round ${round}: the file is neither the original nor the fixed one`);
      // A temporary file a killed run leaves is never the draft: it is removed before the next round.
      for (const name of readdirSync(dir)) if (name !== "large.txt") rmSync(join(dir, name));
    }
  });

  it("keeps the encoding, the line ends, a missing final newline, and the permissions; writes through a symlink to its target", () => {
    const dir = tempDir();
    const text = sample("003").trimEnd().replace(/\r?\n/g, "\r\n");
    // UTF-16LE with BOM, CRLF, no final newline, mode 0604.
    const utf16 = join(dir, "utf16.txt");
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    chmodSync(utf16, 0o604);
    // Plain UTF-8, LF, final newline, reached through a symlink.
    const target = join(dir, "target.txt");
    writeFileSync(target, `${sample("003").replace(/\r\n/g, "\n").trimEnd()}\n`);
    const link = join(dir, "link.txt");
    symlinkSync(target, link);
    const r = runCli(["fix", utf16, link]);
    assert.equal(r.status, 0, r.stderr);
    const bytes = readFileSync(utf16);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    const out = bytes.subarray(2).toString("utf16le");
    assert.notEqual(out, text, "fixed");
    assert.ok(!/[^\r]\n/.test(out) && !out.endsWith("\n"), "CRLF kept, no final newline added");
    assert.equal(statSync(utf16).mode & 0o777, 0o604);
    assert.ok(lstatSync(link).isSymbolicLink(), "the link is still a link");
    const fixedTarget = readFileSync(target, "utf8");
    assert.ok(fixedTarget.endsWith("\n") && !fixedTarget.includes("\r") && !fixedTarget.includes("[bookmark"), "the target was fixed, LF kept");
  });
});

/**
 * Runs the CLI so that mode 000 denies reading: as is when not root; as
 * nobody when root (root reads everything). Undefined when neither can be done.
 */
function runAsUnprivileged(args: string[], dir: string) {
  const root = process.getuid?.() === 0;
  if (root) {
    if ((statSync(dir).mode & 0o755) !== 0o755) chmodSync(dir, 0o755);
    const probe = spawnSync(process.execPath, ["-e", "0"], { uid: 65534, gid: 65534 });
    if (probe.status !== 0) return undefined;
  }
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: { ...process.env, LANG: "C" },
    timeout: 60_000,
    ...(root ? { uid: 65534, gid: 65534 } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("files the CLI cannot use", () => {
  it("check and fix name each unusable file and folder, go on with the others, and exit 2", (t) => {
    const dir = tempDir();
    writeFileSync(join(dir, "good.txt"), sample("003"));
    writeFileSync(join(dir, "unreadable.txt"), sample("003"));
    chmodSync(join(dir, "unreadable.txt"), 0o000);
    mkdirSync(join(dir, "locked"));
    writeFileSync(join(dir, "locked", "inside.txt"), sample("003"));
    chmodSync(join(dir, "locked"), 0o000);
    mkdirSync(join(dir, "nested"));
    symlinkSync(dir, join(dir, "nested", "loop"));
    symlinkSync(join(dir, "self-a.txt"), join(dir, "self-b.txt"));
    symlinkSync(join(dir, "self-b.txt"), join(dir, "self-a.txt"));
    writeFileSync(join(dir, "latin1.txt"), Buffer.from([0x80, 0xff, 0xfe, 0x41, 0xff, 0x0a]));
    const explicit = ["/dev/null", "/dev/zero", join(dir, "self-a.txt"), join(dir, "missing.txt")];
    const expectations: [string, RegExp][] = [
      ["unreadable.txt", /unreadable\.txt: .*(EACCES|permission denied)/i],
      ["locked", /locked: .*(EACCES|cannot read folder)/i],
      ["loop", /loop: .*symlink loop/],
      ["latin1.txt", /latin1\.txt: .*not UTF-8/],
      ["/dev/null", /\/dev\/null: .*not a regular file/],
      ["/dev/zero", /\/dev\/zero: .*not a regular file/],
      ["self-a.txt", /self-a\.txt: .*(ELOOP|cannot access)/],
      ["missing.txt", /missing\.txt: .*(ENOENT|cannot access)/],
    ];
    try {
      for (const command of ["check", "fix"]) {
        // fix writes its temporary file beside the draft: the folder must be writable to whoever runs it.
        if (command === "fix") chmodSync(dir, 0o777);
        // …and the good file its own: fix keeps a file's owner, and refuses a file it cannot keep the owner of.
        if (command === "fix" && process.getuid?.() === 0) chownSync(join(dir, "good.txt"), 65534, 65534);
        const r = runAsUnprivileged([command, ...(command === "check" ? ["--format", "json"] : []), dir, ...explicit], dir);
        if (!r) return t.skip("running as root, and no unprivileged user to run the CLI as: mode 000 cannot deny reading");
        assert.equal(r.status, 2, `${command}: ${r.stderr}`);
        for (const [what, pattern] of expectations) assert.match(r.stderr, pattern, `${command}: a message for ${what}`);
        if (command === "check") {
          const checked = (JSON.parse(r.stdout) as { file: string; error?: string }[]).filter((x) => !x.error).map((x) => x.file);
          assert.ok(checked.some((f) => f.endsWith("good.txt")), "the good file was still checked");
        } else assert.match(r.stdout, /good\.txt: .*fixes applied/, "the good file was still fixed");
      }
    } finally {
      chmodSync(join(dir, "locked"), 0o755);
      chmodSync(join(dir, "unreadable.txt"), 0o644);
    }
  });
});
