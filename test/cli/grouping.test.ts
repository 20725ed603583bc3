import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DOMParser } from "@xmldom/xmldom";
import { runCli, tempDir } from "../helpers/cli";
import { SAMPLES_DIR } from "../helpers/samples";

/**
 * What people read groups a table's findings of one rule (core/group.ts): the
 * stylish output and the review page show one line per table and rule, while
 * --format json and sarif still list every cell.
 */

const SAMPLE_001 = join(SAMPLES_DIR, "001_16b2a9bff0093b49.txt");

interface JsonDiagnostic {
  rule: string;
  line: number;
  column: number;
  message: string;
}

const diagnosticsOf = (args: string[]): JsonDiagnostic[] =>
  (JSON.parse(runCli(["check", "--format", "json", ...args]).stdout) as { diagnostics: JsonDiagnostic[] }[]).flatMap((r) => r.diagnostics);

/** The finding lines of stylish output (indented, with a line:column). */
const findingLines = (stdout: string) => stdout.split("\n").filter((l) => /^ {2}\d+:\d+ /.test(l));

describe("check: grouped findings", () => {
  it("stylish prints a table's empty cells as one line naming the count and lines; JSON keeps every cell", () => {
    const r = runCli(["check", SAMPLE_001]);
    const empty = findingLines(r.stdout).filter((l) => l.endsWith("table-cell-empty"));
    assert.deepEqual(
      empty.map((l) => l.replace(/\s+/g, " ").trim()),
      ["54:19 warning 表三：145 个单元格为空（第 54–75 行） table-cell-empty", "84:1 warning 表四：12 个单元格为空（第 84 行） table-cell-empty"],
    );
    const json = diagnosticsOf([SAMPLE_001]).filter((d) => d.rule === "table-cell-empty");
    assert.equal(json.length, 157, "every cell in --format json");
    assert.deepEqual([json[0].line, json[0].column], [54, 19]);
    assert.match(r.stdout, /共 1 个文件，\d+ 个问题（错误 \d+，警告 \d+，提示 \d+）\n同一表格中的同类问题合并为一行显示；--format json 逐处列出。/);
  });

  it("speaks English with --locale en", () => {
    const r = runCli(["check", "--locale", "en", SAMPLE_001]);
    assert.ok(findingLines(r.stdout).some((l) => l.includes("Table 三: 145 empty cells (lines 54–75)")));
    assert.match(r.stdout, /Findings of one rule in one table are shown as one line; --format json lists each one\.$/m);
  });

  it("on the samples: far fewer lines, and every finding of the JSON is read, alone or counted in its group's line", () => {
    const lines = findingLines(runCli(["check", SAMPLES_DIR]).stdout);
    const json = diagnosticsOf([SAMPLES_DIR]);
    assert.ok(json.length > 150);
    assert.ok(lines.length < 25, `${lines.length} lines`);
    const counted = lines.reduce((n, l) => n + Number(/：(\d+) 个/.exec(l)?.[1] ?? 1), 0);
    assert.equal(counted, json.length);
    const alone = lines.filter((l) => !/：\d+ 个/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    for (const at of alone) assert.ok(json.some((d) => `${d.line}:${d.column}` === at), `${at} is a finding of the JSON`);
  });

  it("a group of fewer than three stays as its findings", () => {
    const dir = tempDir();
    // Table 四's one row (line 84) with two blank cells of its fifteen.
    const lines = readFileSync(SAMPLE_001, "utf8").split("\n");
    lines[83] = "0\t0\t0\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t\t0";
    writeFileSync(join(dir, "two.txt"), lines.join("\n"));
    const empty = findingLines(runCli(["check", join(dir, "two.txt")]).stdout).filter((l) => l.endsWith("table-cell-empty") && l.includes("案件数量"));
    const json = diagnosticsOf([join(dir, "two.txt")]).filter((d) => d.rule === "table-cell-empty" && d.line === 84);
    assert.equal(json.length, 2);
    assert.equal(empty.length, json.length);
  });

  it("the review page shows the group's line, opening onto every member", () => {
    const dir = tempDir();
    const out = join(dir, "review.html");
    runCli(["check", "--format", "html", "-o", out, SAMPLE_001]);
    const doc = new DOMParser().parseFromString(readFileSync(out, "utf8"), "text/html");
    const items = Array.from(doc.getElementsByTagName("li")).filter((li) => (li.getAttribute("class") ?? "").split(" ").includes("gr-group"));
    assert.equal(items.length, 2);
    const [table3] = items;
    const summary = table3.getElementsByTagName("summary")[0];
    assert.match(summary.textContent ?? "", /表三：145 个单元格为空（第 54–75 行）/);
    assert.equal(table3.getElementsByTagName("details").length, 1);
    const members = Array.from(table3.getElementsByTagName("li"));
    assert.equal(members.length, 145);
    assert.match(members[0].textContent ?? "", /“一、本年新收政府信息公开申请数量”的“自然人”为空/);
  });
});
