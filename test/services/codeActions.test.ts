import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyEdits, checkModel, fixAllAction, parse, quickFixes, renderReport, ruleById, type Finding } from "../../server/src/core";
import { fillGuidance } from "../helpers/mutate";
import { sample } from "../helpers/samples";
import { figures, skeleton, withFigure } from "./fixtures";

const findingsOf = (text: string) => checkModel(parse(text));
const at = (f: Finding) => f.range;

describe("code actions", () => {
  it("each fix of the finding under the cursor, the first preferred, and the rule's documentation", () => {
    const text = sample("003");
    const findings = findingsOf(text);
    const format = findings.find((f) => f.rule === "table-cell-format")!;
    const actions = quickFixes(text, findings, at(format), "zh-cn");
    const fix = actions.find((a) => a.findings.includes(format) && a.edits.length)!;
    assert.equal(fix.title, "改为“-2”");
    assert.equal(fix.preferred, true);
    assert.equal(fix.kind, "quickfix");
    assert.ok(actions.some((a) => a.showDocs === "table-cell-format" && a.title === "查看规则说明：table-cell-format"));
    const fixed = applyEdits(text, fix.edits).text;
    assert.deepEqual(findingsOf(fixed).filter((f) => f.rule === "table-cell-format"), []);
  });

  it("fix all of one rule in the file, when it has more than one finding with a fix", () => {
    const text = sample("001");
    const findings = findingsOf(text);
    const empty = findings.find((f) => f.rule === "table-cell-empty")!;
    const all = quickFixes(text, findings, at(empty), "zh-cn").find((a) => a.title.startsWith("修复本文件中全部"))!;
    assert.equal(all.findings.length, findings.filter((f) => f.rule === "table-cell-empty").length);
    const fixed = applyEdits(text, all.edits).text;
    assert.deepEqual(findingsOf(fixed).filter((f) => f.rule === "table-cell-empty"), []);
  });

  it("a relation's fix sets the total the parts add up to", () => {
    const text = withFigure(skeleton(), "applications", "new", "natural", "4");
    const findings = findingsOf(text);
    const row = findings.find((f) => f.rule === "total-row-mismatch")!;
    const [fix] = quickFixes(text, findings, at(row), "en").filter((a) => a.findings.includes(row) && a.edits.length);
    assert.equal(fix.title, "Set 总计 to the columns' sum, 4");
    assert.equal(fix.preferred, false, "another cell could be the wrong one");
  });

  it("figures set from other cells are never fixed in bulk", () => {
    let text = withFigure(skeleton(), "applications", "new", "natural", "4");
    text = withFigure(text, "applications", "carried", "natural", "2");
    const findings = findingsOf(text);
    const rows = findings.filter((f) => f.rule === "total-row-mismatch");
    assert.equal(rows.length, 2);
    assert.ok(!quickFixes(text, findings, at(rows[0]), "zh-cn").some((a) => a.title.startsWith("修复本文件中全部")));
  });

  it("nothing outside every finding's range", () => {
    const text = skeleton();
    assert.deepEqual(quickFixes(text, findingsOf(text), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, "zh-cn"), []);
  });

  it("the fix-all source action applies only the safe fixes and never changes a figure", () => {
    const text = sample("003");
    const action = fixAllAction(text, {}, "zh-cn")!;
    assert.equal(action.kind, "source.fixAll");
    assert.equal(action.edits.length, 1);
    const fixed = applyEdits(text, action.edits).text;
    const left = findingsOf(fixed).map((f) => f.rule);
    for (const rule of ["conversion-artifact", "table-cell-format"]) assert.ok(!left.includes(rule), rule);
    assert.deepEqual(figures(parse(fixed)), figures(parse(text)));
    assert.equal(fixAllAction(fixed, {}, "zh-cn"), undefined);
  });

  it("the fix-all source action counts by rule what it fixed and what it left", () => {
    const text = sample("003");
    const { summary } = fixAllAction(text, {}, "zh-cn")!;
    const fixedRules = summary!.fixed.map((c) => c.rule);
    assert.ok(fixedRules.includes("conversion-artifact") && fixedRules.includes("table-cell-format"), fixedRules.join());
    const fixedCount = (rule: string) => summary!.fixed.find((c) => c.rule === rule)!.count;
    const before = findingsOf(text);
    for (const rule of ["conversion-artifact", "table-cell-format"]) assert.equal(fixedCount(rule), before.filter((f) => f.rule === rule).length, rule);
    const after = findingsOf(applyEdits(text, fixAllAction(text, {}, "zh-cn")!.edits).text);
    assert.deepEqual(
      summary!.left.map((c) => [c.rule, c.count]).sort(),
      [...new Set(after.map((f) => f.rule))].map((rule) => [rule, after.filter((f) => f.rule === rule).length]).sort(),
    );
    const artifact = summary!.fixed.find((c) => c.rule === "conversion-artifact")!;
    assert.equal(artifact.name, ruleById("conversion-artifact")!.description.zh);
    assert.match(summary!.message, /^已修复 \d+ 处（.*Word\/HTML 转换残留.*）；尚有 \d+ 处需逐条核对（.*）$/);
    assert.match(fixAllAction(text, {}, "en")!.summary!.message, /^Fixed \d+ \(.*\); \d+ left to check one by one \(.*\)$/);
  });

  it("the fix-all source action leaves alone the rules the config turns off", () => {
    const text = sample("003");
    const fixed = applyEdits(text, fixAllAction(text, { config: { rules: { "conversion-artifact": "off" } } }, "zh-cn")!.edits).text;
    assert.ok(fixed.includes("[bookmark: _GoBack]"));
    assert.ok(!fixed.includes("减2"));
  });

  describe("ignore here / in this file", () => {
    const titled = (text: string, f: Finding, title: string) => quickFixes(text, checkModel(parse(text)), at(f), "zh-cn").find((a) => a.title === title);
    const broken = () => withFigure(skeleton(), "applications", "new", "natural", "4");
    const rowFinding = (text: string) => findingsOf(text).find((f) => f.rule === "total-row-mismatch")!;

    it("在此处忽略 writes a disable-next-line comment above the finding's line: that finding goes, the rest stay", () => {
      const text = broken();
      const f = rowFinding(text);
      const action = titled(text, f, "在此处忽略此规则（total-row-mismatch）")!;
      assert.deepEqual(action.findings, [f]);
      const fixed = applyEdits(text, action.edits).text;
      assert.equal(fixed.split("\n")[f.range.start.line], "<!-- gov-report-disable-next-line total-row-mismatch -->");
      const left = findingsOf(fixed).map((x) => x.rule);
      assert.ok(!left.includes("total-row-mismatch"));
      assert.deepEqual(left, findingsOf(text).map((x) => x.rule).filter((r) => r !== "total-row-mismatch"), "nothing else found or lost");
    });

    it("在本文件中忽略 writes a disable comment at the top, or adds the rule to the one there", () => {
      const text = broken();
      const action = titled(text, rowFinding(text), "在本文件中忽略“total-row-mismatch”")!;
      const fixed = applyEdits(text, action.edits).text;
      assert.ok(fixed.startsWith("<!-- gov-report-disable total-row-mismatch -->\n"));
      assert.ok(!findingsOf(fixed).some((f) => f.rule === "total-row-mismatch"));
      const balance = findingsOf(fixed).find((f) => f.rule === "balance-mismatch")!;
      const twice = applyEdits(fixed, titled(fixed, balance, "在本文件中忽略“balance-mismatch”")!.edits).text;
      assert.ok(twice.startsWith("<!-- gov-report-disable total-row-mismatch balance-mismatch -->\n"), "one comment, two rules");
    });

    it("the English titles", () => {
      const text = broken();
      const titles = quickFixes(text, findingsOf(text), at(rowFinding(text)), "en").map((a) => a.title);
      assert.ok(titles.includes("Ignore total-row-mismatch here") && titles.includes("Ignore total-row-mismatch in this file"), titles.join(" | "));
    });

    it("no 在此处忽略 where a comment line would cut a table row (one cell per line)", () => {
      const text = fillGuidance(renderReport({ year: 2025, organ: "某县民政局", layout: "cell-per-line" }));
      const cells = withFigure(text, "applications", "new", "natural", "4");
      const f = rowFinding(cells);
      assert.equal(titled(cells, f, "在此处忽略此规则（total-row-mismatch）"), undefined);
      assert.ok(titled(cells, f, "在本文件中忽略“total-row-mismatch”"));
    });

    it("in a plain-text report the comment is not itself reported (no conversion-artifact, no other finding)", () => {
      const text = sample("003");
      const debris = findingsOf(text).find((f) => f.rule === "conversion-artifact")!;
      const fixed = applyEdits(text, titled(text, debris, "在此处忽略此规则（conversion-artifact）")!.edits).text;
      const comment = debris.range.start.line;
      assert.deepEqual(findingsOf(fixed).filter((f) => f.range.start.line === comment), []);
      assert.ok(findingsOf(fixed).length < findingsOf(text).length);
    });
  });
});
