import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkModel, fingerprintFindings, parse } from "../../server/src/core/index.ts";
import { runCli, tempDir } from "../helpers/cli";
import { reportText, Y2021 } from "../fixtures/cross-year/reports";

/** A review that remembers: check reads .govreport-review.json beside the reports; review --prune drops decisions whose finding is gone. */

/** 乙镇's 2021 report, table 三 unbalanced in 自然人 and 总计 (two balance-mismatch errors). */
const TEXT = reportText({ ...Y2021, organ: "乙镇人民政府", applications: { new: [3, 0], carried: [0, 0], granted: [2, 0], forward: [0, 0] } });

/** The fingerprints check gives the report's findings (the report is known by its organ and year). */
function prints(text: string) {
  const model = parse(text);
  const findings = checkModel(model);
  return { findings, prints: fingerprintFindings(model.lines.map((l) => l.text), findings, "乙镇人民政府 2021") };
}

function folder(text: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, "yi-2021.txt"), text);
  const { findings, prints: p } = prints(TEXT);
  const balance = findings.map((f, i) => (f.rule === "balance-mismatch" ? i : -1)).filter((i) => i >= 0);
  assert.equal(balance.length, 2);
  const decisions = [
    { fingerprint: p[balance[0]], decision: "dismissed", reason: "口径说明见附件", rule: "balance-mismatch" },
    { fingerprint: p[balance[1]], decision: "accepted", rule: "balance-mismatch" },
  ];
  writeFileSync(join(dir, ".govreport-review.json"), JSON.stringify({ version: 1, decisions }));
  return dir;
}

const json = (dir: string) => JSON.parse(runCli(["check", "--format", "json", dir]).stdout)[0].diagnostics as { rule: string; message: string; accepted?: boolean }[];

describe("check with a review file", () => {
  it("leaves the dismissed finding out and marks the accepted one", () => {
    const all = prints(TEXT).findings;
    const shown = json(folder(TEXT));
    assert.equal(shown.length, all.length - 1);
    const balance = shown.filter((d) => d.rule === "balance-mismatch");
    assert.equal(balance.length, 1);
    assert.equal(balance[0].accepted, true);
    assert.match(balance[0].message, /“总计”列/);
  });

  it("counts the dismissed finding in the stylish output and the summary", () => {
    const dir = folder(TEXT);
    assert.match(runCli(["check", dir]).stdout, /已排除 1 个/);
    assert.match(runCli(["check", dir]).stdout, /\[已确认\] “总计”列不平衡/);
    assert.match(runCli(["check", "--summary", dir]).stdout, /已排除 1 个问题/);
  });

  it("gives each finding's fingerprint in the JSON output, the one a decision names", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "yi-2021.txt"), TEXT);
    const shown = json(dir) as { fingerprint?: string }[];
    assert.deepEqual(shown.map((d) => d.fingerprint), prints(TEXT).prints);
  });

  it("keeps the decisions when lines are added above the findings", () => {
    const edited = TEXT.replace("一、总体情况\n", "一、总体情况\n\n本年度新增一段说明。\n");
    const shown = json(folder(edited));
    assert.equal(shown.filter((d) => d.rule === "balance-mismatch").length, 1);
  });
});

/** TEXT with two half-width commas between Chinese characters in section 一: two repeated-text findings, each with a safe fix. */
const COMMAS = TEXT.replace("一、总体情况\n", "一、总体情况\n\n本机关坚持主动公开,依申请公开并重。\n\n全年办理的申请,均按时答复。\n");

describe("fix with a review file", () => {
  it("leaves as it is the finding a reviewer marked 不是问题 and fixes the others", () => {
    const { findings, prints: p } = prints(COMMAS);
    const commas = findings.flatMap((f, i) => (f.rule === "repeated-text" ? [p[i]] : []));
    assert.equal(commas.length, 2);
    const dir = tempDir();
    const file = join(dir, "yi-2021.txt");
    writeFileSync(file, COMMAS);
    writeFileSync(join(dir, ".govreport-review.json"), JSON.stringify({ version: 1, decisions: [{ fingerprint: commas[0], decision: "dismissed", reason: "原文引用" }] }));
    const r = runCli(["fix", file]);
    assert.equal(r.status, 0, r.stderr);
    const fixed = readFileSync(file, "utf8");
    assert.ok(fixed.includes("主动公开,依申请公开"), "the dismissed comma is kept");
    assert.ok(fixed.includes("全年办理的申请，均按时答复"), "the other comma is fixed");
  });
});

describe("review --prune", () => {
  it("finds nothing stale while every finding still occurs", () => {
    const r = runCli(["review", folder(TEXT)]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /审核记录均仍适用/);
  });

  it("judges the decisions by every report beside the review file, not only the one named", () => {
    const dir = folder(TEXT);
    writeFileSync(join(dir, "other.txt"), reportText({ ...Y2021, organ: "丙镇人民政府" }));
    const r = runCli(["review", "--prune", join(dir, "other.txt")]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /审核记录均仍适用/);
    assert.equal(JSON.parse(readFileSync(join(dir, ".govreport-review.json"), "utf8")).decisions.length, 2);
  });

  it("names the decision whose finding is gone, and --prune removes it", () => {
    // 自然人 handled 3 instead of 2: the 自然人 column balances, 总计 still does not (its text changed too: new figures).
    const lines = TEXT.split("\n");
    const dir = folder(TEXT);
    const f = prints(TEXT).findings.find((x) => x.rule === "balance-mismatch")!;
    const line = lines[f.range.start.line];
    lines[f.range.start.line] = line.slice(0, f.range.start.character) + "2" + line.slice(f.range.end.character);
    writeFileSync(join(dir, "yi-2021.txt"), lines.join("\n"));
    const listed = runCli(["review", dir]);
    assert.match(listed.stdout, /口径|balance-mismatch/);
    assert.match(listed.stdout, /--prune/);
    const before = JSON.parse(readFileSync(join(dir, ".govreport-review.json"), "utf8")).decisions.length;
    const pruned = runCli(["review", "--prune", dir]);
    assert.equal(pruned.status, 0, pruned.stderr);
    const after = JSON.parse(readFileSync(join(dir, ".govreport-review.json"), "utf8")).decisions;
    assert.ok(after.length < before);
    assert.match(runCli(["review", dir]).stdout, /审核记录均仍适用/);
  });
});
