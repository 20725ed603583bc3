import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";

/** Runs the bundled CLI (dist/cli.js; `npm test` builds it first). */
export const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.js");

export function runCli(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) {
  if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `node scripts/build.mjs` first");
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    cwd: options.cwd,
    input: options.input,
    env: { ...process.env, LANG: "C", LC_ALL: "", LC_MESSAGES: "", ...options.env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder removed when the test file ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "gov-report-test-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
