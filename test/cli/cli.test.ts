import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, statSync, writeFileSync, chmodSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";
import { renderReport } from "../../server/src/core";
import { CLI, runCli, tempDir } from "../helpers/cli";
import { example, SAMPLES_DIR } from "../helpers/samples";

/** The CLI contract: exit codes, JSON and SARIF shapes, fix, new, parse, config, locale. */

function writeDrafts(dir: string) {
  writeFileSync(join(dir, "clean.txt"), example("示例市生态环境局"));
  writeFileSync(join(dir, "mistakes.txt"), example("问题示例"));
  writeFileSync(join(dir, "notes.md"), "# 会议纪要\n\n与年报无关。\n");
}

describe("gov-report check", () => {
  it("exits 0 on a clean report, 1 when there are errors", () => {
    const dir = tempDir();
    writeDrafts(dir);
    assert.equal(runCli(["check", join(dir, "clean.txt")]).status, 0);
    assert.equal(runCli(["check", join(dir, "mistakes.txt")]).status, 1);
  });

  it("prints the JSON contract with 1-based positions", () => {
    const dir = tempDir();
    writeDrafts(dir);
    const r = runCli(["check", "--format", "json", join(dir, "mistakes.txt")]);
    const [result] = JSON.parse(r.stdout);
    assert.equal(result.file, join(dir, "mistakes.txt"));
    const d = result.diagnostics.find((x: { rule: string }) => x.rule === "total-row-mismatch");
    assert.deepEqual(Object.keys(d).sort(), ["column", "endColumn", "endLine", "fingerprint", "fixable", "line", "message", "rule", "severity"]);
    assert.deepEqual([d.severity, d.line, d.column, d.endColumn, d.fixable], ["error", 51, 32, 34, true]);
    assert.match(d.fingerprint, /^[0-9a-f]{16}$/);
  });

  it("writes JSON on one line when piped, indented in a terminal, the same document either way", () => {
    const dir = tempDir();
    writeDrafts(dir);
    const file = join(dir, "mistakes.txt");
    const piped = runCli(["check", "--format", "json", file]).stdout;
    assert.equal(piped.trimEnd().split("\n").length, 1);
    // util-linux's script(1) runs the command on a pseudo-terminal (which writes line ends as \r\n).
    const command = [process.execPath, CLI, "check", "--format", "json", file].map((a) => `'${a}'`).join(" ");
    const tty = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env: { ...process.env, LANG: "C", LC_ALL: "" } });
    const shown = tty.stdout.replace(/\r\n/g, "\n");
    assert.match(shown, /^\[\n  \{\n    "file": /);
    assert.deepEqual(JSON.parse(shown), JSON.parse(piped));
  });

  it("walks folders for reports and skips files that are not reports", () => {
    const dir = tempDir();
    writeDrafts(dir);
    const files = JSON.parse(runCli(["check", "--format", "json", dir]).stdout).map((r: { file: string }) => r.file);
    assert.deepEqual(files, [join(dir, "clean.txt"), join(dir, "mistakes.txt")]);
  });

  it("checks the samples as the conformance run does", () => {
    const r = runCli(["check", "--format", "json", SAMPLES_DIR]);
    assert.equal(JSON.parse(r.stdout).length, 5);
    assert.equal(r.status, 1);
  });

  it("writes SARIF 2.1.0 with rules and results", () => {
    const dir = tempDir();
    writeDrafts(dir);
    const sarif = JSON.parse(runCli(["check", "--format", "sarif", join(dir, "mistakes.txt")]).stdout);
    assert.equal(sarif.version, "2.1.0");
    const run = sarif.runs[0];
    assert.ok(run.tool.driver.rules.some((r: { id: string }) => r.id === "balance-mismatch"));
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === "balance-mismatch");
    assert.equal(result.level, "error");
    assert.equal(result.locations[0].physicalLocation.region.startLine, 75);
  });

  it("speaks English with --locale en, Chinese by default", () => {
    const dir = tempDir();
    writeDrafts(dir);
    const zh = JSON.parse(runCli(["check", "--format", "json", join(dir, "mistakes.txt")]).stdout)[0].diagnostics[0].message;
    const en = JSON.parse(runCli(["check", "--format", "json", "--locale", "en", join(dir, "mistakes.txt")]).stdout)[0].diagnostics[0].message;
    assert.match(zh, /[\u4e00-\u9fff]{4}/);
    assert.match(en, /[a-z]{4} [a-z]{2,}/);
    assert.notEqual(zh, en);
  });

  it("reads .govreportrc.json: a rule turned off, and a bad key named with exit 2", () => {
    const dir = tempDir();
    writeDrafts(dir);
    writeFileSync(join(dir, ".govreportrc.json"), JSON.stringify({ rules: { "total-row-mismatch": "off", "balance-mismatch": "warning" } }));
    const rules = JSON.parse(runCli(["check", "--format", "json", join(dir, "mistakes.txt")]).stdout)[0].diagnostics;
    assert.ok(!rules.some((d: { rule: string }) => d.rule === "total-row-mismatch"));
    assert.equal(rules.find((d: { rule: string }) => d.rule === "balance-mismatch").severity, "warning");
    writeFileSync(join(dir, ".govreportrc.json"), JSON.stringify({ rules: { "no-such-rule": "off" }, colour: true }));
    const r = runCli(["check", join(dir, "clean.txt")]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /rules\.no-such-rule/);
    assert.match(r.stderr, /colour/);
  });

  it("applies to each file the nearest .govreportrc.json above it, in one run over nested folders", () => {
    const root = tempDir();
    const sub = join(root, "sub");
    const deeper = join(sub, "deeper");
    const other = join(root, "other");
    for (const d of [deeper, other]) mkdirSync(d, { recursive: true });
    for (const d of [root, sub, deeper, other]) writeFileSync(join(d, "mistakes.txt"), example("问题示例"));
    writeFileSync(join(sub, ".govreportrc.json"), JSON.stringify({ rules: { "total-row-mismatch": "off" } }));
    writeFileSync(join(other, ".govreportrc.json"), JSON.stringify({ rules: { "total-row-mismatch": "info" } }));
    const out: { file: string; diagnostics: { rule: string; severity: string }[] }[] = JSON.parse(runCli(["check", "--format", "json", root]).stdout);
    const severityIn = (d: string) => {
      const report = out.find((r) => resolve(r.file) === join(d, "mistakes.txt"));
      return [...new Set(report!.diagnostics.filter((x) => x.rule === "total-row-mismatch").map((x) => x.severity))];
    };
    assert.deepEqual(severityIn(root), ["error"]);
    assert.deepEqual(severityIn(sub), []);
    assert.deepEqual(severityIn(deeper), []);
    assert.deepEqual(severityIn(other), ["info"]);
  });

  it("exits 2 on usage errors and unreadable paths, still checking the other files", () => {
    const dir = tempDir();
    writeDrafts(dir);
    assert.equal(runCli(["check"]).status, 2);
    assert.equal(runCli(["check", "--format", "xml", dir]).status, 2);
    const r = runCli(["check", "--format", "json", join(dir, "missing.txt"), join(dir, "clean.txt")]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing\.txt/);
    assert.equal(JSON.parse(r.stdout).find((x: { file: string }) => x.file.endsWith("clean.txt")).diagnostics.length, 0);
  });

  it("reads GBK and UTF-16 drafts", () => {
    const dir = tempDir();
    const text = example("示例市生态环境局");
    writeFileSync(join(dir, "utf16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    // Node has no GBK encoder: "一、总体情况" written as its GBK bytes.
    writeFileSync(join(dir, "gbk.txt"), Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6, 0x0a]));
    assert.equal(runCli(["check", join(dir, "utf16.txt")]).status, 0);
    const r = runCli(["check", "--format", "json", join(dir, "gbk.txt")]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout)[0].diagnostics.map((d: { rule: string }) => d.rule), ["not-a-report"]);
  });
});

describe("gov-report fix", () => {
  it("applies safe fixes in place, keeping BOM, CRLF, permissions; writes only files that change", () => {
    const dir = tempDir();
    const raw = readFileSync(join(SAMPLES_DIR, "003_1c583c53b8133690.txt"), "utf8");
    const path = join(dir, "003.txt");
    writeFileSync(path, "\ufeff" + raw.replace(/\n/g, "\r\n"));
    chmodSync(path, 0o640);
    writeFileSync(join(dir, "clean.txt"), example("示例市生态环境局"));
    const cleanBefore = statSync(join(dir, "clean.txt")).mtimeMs;
    const r = runCli(["fix", dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /003\.txt: 已修复 2 处（conversion-artifact 1、table-cell-format 1），尚有 \d+ 处需逐条核对 \/ 2 fixes applied, \d+ findings left\n/);
    const out = readFileSync(path, "utf8");
    assert.ok(out.startsWith("\ufeff"));
    assert.ok(!/[^\r]\n/.test(out), "every line ends in CRLF");
    assert.ok(out.includes("\t\u3000-2\r\n") && !out.includes("[bookmark"));
    assert.equal(statSync(path).mode & 0o777, 0o640);
    assert.equal(statSync(join(dir, "clean.txt")).mtimeMs, cleanBefore);
  });

  it("never writes a file it cannot read as text", () => {
    const dir = tempDir();
    const path = join(dir, "binary.txt");
    writeFileSync(path, Buffer.from([0, 1, 2, 3, 0xff]));
    const r = runCli(["fix", path]);
    assert.equal(r.status, 2);
    assert.deepEqual([...readFileSync(path)], [0, 1, 2, 3, 0xff]);
  });
});

describe("gov-report new and parse", () => {
  it("new prints the same skeleton as the core, which checks clean, in the format of the year", () => {
    const r = runCli(["new", "--year", "2025", "--organ", "某某区人民政府"]);
    assert.equal(r.stdout, renderReport({ year: 2025, organ: "某某区人民政府" }));
    assert.match(r.stdout, /本年制发件数/);
    const dir = tempDir();
    mkdirSync(join(dir, "d"));
    writeFileSync(join(dir, "d", "new.txt"), r.stdout);
    assert.equal(runCli(["check", join(dir, "d", "new.txt")]).status, 0);
    assert.match(runCli(["new", "--year", "2020"]).stdout, /本年新制作数量/);
    assert.match(runCli(["new", "--year", "2025", "--format", "2019"]).stdout, /本年新制作数量/);
    assert.equal(runCli(["new", "--year", "abc"]).status, 2);
  });

  it("parse --json prints the model", () => {
    const dir = tempDir();
    copyFileSync(join(SAMPLES_DIR, "004_8b4e4b229e41f1f5.txt"), join(dir, "004.txt"));
    const model = JSON.parse(runCli(["parse", "--json", join(dir, "004.txt")]).stdout);
    assert.equal(model.title.text, "景芝镇人民政府2020年政府信息公开工作年度报告");
    assert.equal(model.sections.length, 6);
    assert.equal(model.tables.find((t: { id: string }) => t.id === "applications").rows[0].cells[6].value, 5);
  });
});
