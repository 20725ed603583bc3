import { spawnSync } from "node:child_process";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import type { Diagnostic } from "vscode-languageserver-protocol/node";

/** Runs the bundled CLI (dist/cli.js; `npm test` builds it first). */
export const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.js");

export function runCli(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) {
  if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `node scripts/build.mjs` first");
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    cwd: options.cwd,
    input: options.input,
    env: { ...process.env, LANG: "C", LC_ALL: "", LC_MESSAGES: "", ...options.env },
    // A guard against a hang, not a speed limit: a batch of a hundred reports on a busy two-core machine takes a minute.
    timeout: 300_000,
    // A folder of reports in JSON is more than the default megabyte.
    maxBuffer: 64 * 1024 * 1024,
  });
  // A killed run's output is cut short: say so, rather than leave a test to fail on half a JSON document.
  if (r.error || r.signal) throw new Error(`gov-report ${args.join(" ")}: ${r.error?.message ?? `killed by ${r.signal}`}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder removed when the test file ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "gov-report-test-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const SEVERITY = ["", "error", "warning", "info", "hint"];

/**
 * Each diagnostic as the finding it stands for. A table's findings of one
 * rule are one entry in Problems (server/src/server/convert.ts toDiagnostics):
 * the first has the group's line before its own message and lists the others,
 * which are hints of the first's rule; undone here.
 */
/** The server sends plain-text messages. */
export const messageOf = (d: Diagnostic): string => (typeof d.message === "string" ? d.message : d.message.value);

export function ungrouped(ds: Diagnostic[]): Diagnostic[] {
  const key = (code: Diagnostic["code"], r: Diagnostic["range"]) => `${code} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  const leads = new Map<string, Diagnostic>();
  for (const d of ds) for (const info of d.relatedInformation ?? []) leads.set(key(d.code, info.location.range), d);
  return ds.map((d) => {
    if (d.relatedInformation) return { ...d, message: messageOf(d).slice(messageOf(d).indexOf("\n") + 1) };
    const lead = leads.get(key(d.code, d.range));
    return lead && d.severity === 4 ? { ...d, severity: lead.severity } : d;
  });
}

/** LSP diagnostics as the CLI's JSON has them (1-based), to compare the two. */
export const asCliDiagnostics = (ds: Diagnostic[]) =>
  ungrouped(ds).map((d) => ({
    rule: d.code,
    severity: SEVERITY[d.severity!],
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  }));

/** What `gov-report check --format json` reports for a text, in the fields asCliDiagnostics gives. */
export function cliDiagnosticsOf(text: string) {
  const file = join(tempDir(), "draft.txt");
  writeFileSync(file, text);
  const r = runCli(["check", "--format", "json", "--locale", "zh-cn", file]);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const [result] = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] }[];
  return result.diagnostics.map(({ rule, severity, message, line, column, endLine, endColumn }) => ({ rule, severity, message, line, column, endLine, endColumn }));
}
