import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { foldingRanges, parse } from "../../server/src/core";
import { sample } from "../helpers/samples";
import { lineOf, skeleton } from "./fixtures";

describe("folding ranges", () => {
  it("one per section, ending on its last non-blank line, and one per table", () => {
    const text = skeleton();
    const regions = foldingRanges(parse(text));
    const lines = text.split("\n");
    assert.ok(regions.some((r) => r.startLine === lineOf(text, "三、收到和处理政府信息公开申请情况") && r.endLine === lineOf(text, "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0")));
    assert.ok(regions.some((r) => r.startLine === lineOf(text, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\t\t\t\t\t\t")));
    for (const r of regions) {
      assert.ok(r.endLine > r.startLine);
      assert.notEqual(lines[r.endLine].trim(), "");
    }
  });

  it("a sample in the one-cell-per-line layout folds each table over all its lines", () => {
    const model = parse(sample("002"));
    const regions = foldingRanges(model);
    for (const t of model.tables) assert.ok(regions.some((r) => r.startLine === t.range.start.line && r.endLine === t.range.end.line), t.spec.id);
    assert.equal(regions.length, model.sections.length + model.tables.length);
  });
});
