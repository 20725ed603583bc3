// Neovim and Emacs (eglot), headless, each open a draft through the installed `gov-report lsp`
// (the project packed and installed with npm i -g into a temporary prefix), wait for the
// diagnostics, apply one quick fix and report what they saw (test/editors/neovim.lua,
// test/editors/emacs.el). The diagnostics must be the CLI's findings for the same file, and the
// text after the fix the text with that fix's edits. The editors come from scripts/setup-system.sh.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { applyEdits, checkText, quickFixes } from "../../server/src/core";
import { installPacked } from "../helpers/install";
import { SAMPLES_DIR } from "../helpers/samples";

const HERE = import.meta.dirname;
/** Sample 003: a finding of each severity but error, each with a fix; saved under a Chinese name (percent-encoded in its URI). */
const SAMPLE = "003_1c583c53b8133690.txt";
const FIX_RULE = "conversion-artifact";
const EDITOR_TIMEOUT_MS = 90_000;
const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };

interface Seen {
  error?: string;
  diagnostics: { line: number; character: number; code: string; message: string; severity: number }[];
  fix: string;
  text: string;
}

const EDITORS = [
  { name: "Neovim", command: "nvim", args: ["--headless", "--clean", "-n", "-i", "NONE", "-u", "NONE", "-c", `luafile ${join(HERE, "neovim.lua")}`] },
  { name: "Emacs with eglot", command: "emacs", args: ["--batch", "-Q", "-l", join(HERE, "emacs.el")] },
];

const installed = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;

describe("other editors through gov-report lsp", () => {
  let dir: string;
  let bin: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "gov-report-editors-test-"));
    const install = installPacked(dir);
    assert.equal(install.status, 0, install.stderr);
    bin = install.bin;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const editor of EDITORS)
    it(`${editor.name}: the CLI's findings as diagnostics, and a quick fix applied`, { skip: !installed(editor.command) && `${editor.command} is not installed (scripts/setup-system.sh)` }, () => {
      const folder = join(dir, editor.command);
      mkdirSync(folder);
      const file = join(folder, "2019年度报告.txt");
      copyFileSync(join(SAMPLES_DIR, SAMPLE), file);
      chmodSync(file, 0o644);
      const original = readFileSync(file, "utf8");
      const out = join(folder, "seen.json");
      const run = spawnSync(editor.command, editor.args, {
        cwd: folder,
        encoding: "utf8",
        timeout: EDITOR_TIMEOUT_MS,
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, GOV_REPORT_FILE: file, GOV_REPORT_OUT: out, GOV_REPORT_FIX_RULE: FIX_RULE, LANG: "C.UTF-8" },
      });
      const seen = readSeen(out, run);
      assert.equal(seen.error, undefined, seen.error);

      assert.deepEqual(sorted(seen.diagnostics), sorted(cliFindings(bin, file)));

      const expected = expectedFix(original, FIX_RULE);
      assert.equal(seen.fix, expected.title);
      assert.equal(seen.text, expected.text);
    });
});

function readSeen(out: string, run: ReturnType<typeof spawnSync>): Seen {
  try {
    return JSON.parse(readFileSync(out, "utf8")) as Seen;
  } catch {
    throw new Error(`the editor wrote nothing (status ${run.status}, signal ${run.signal}):\n${String(run.stderr).slice(-2000)}`);
  }
}

/** The installed CLI's findings for the file, as the editor places them (0-based, UTF-16 columns). */
function cliFindings(bin: string, file: string): Seen["diagnostics"] {
  let json: string;
  try {
    json = execFileSync(join(bin, "gov-report"), ["check", "--format", "json", "--locale", "zh-cn", file], { encoding: "utf8" });
  } catch (e) {
    json = (e as { stdout: string }).stdout; // exit status 1: the file has errors
  }
  const [report] = JSON.parse(json) as { diagnostics: { rule: string; severity: string; message: string; line: number; column: number }[] }[];
  return report.diagnostics.map((d) => ({ line: d.line - 1, character: d.column - 1, code: d.rule, message: d.message, severity: SEVERITY[d.severity] }));
}

/** The first finding of the rule's first quick fix, applied: what the server offers and the editor applies. */
function expectedFix(text: string, rule: string): { title: string; text: string } {
  const finding = checkText(text).findings.find((f) => f.rule === rule)!;
  const [fix] = quickFixes(text, [finding], finding.range, "zh-cn").filter((a) => a.edits.length > 0);
  return { title: fix.title, text: applyEdits(text, fix.edits).text };
}

const sorted = <T extends { line: number; character: number; code: string }>(list: T[]) =>
  [...list].sort((a, b) => a.line - b.line || a.character - b.character || a.code.localeCompare(b.code));
