import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inlayHints, parse } from "../../server/src/core";
import { sample } from "../helpers/samples";
import { cellOf, lineOf, skeleton } from "./fixtures";

describe("inlay hints", () => {
  it("name the column before each value of a table row", () => {
    const text = skeleton();
    const line = lineOf(text, "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0");
    const hints = inlayHints(parse(text), line, line);
    assert.deepEqual(hints.map((h) => h.label), ["自然人:", "企业:", "科研:", "公益:", "法律:", "其他:", "总计:"]);
    assert.deepEqual(hints[0].position, cellOf(parse(text), "applications", "new", "natural").contentRange.start);
  });

  it("tell table 四's repeated column names apart by their abbreviated group", () => {
    const text = skeleton();
    const line = lineOf(text, "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
    const labels = inlayHints(parse(text), line, line).map((h) => h.label);
    assert.deepEqual(labels.slice(0, 5), ["复议·维持:", "复议·纠正:", "复议·其他:", "复议·未结:", "复议·总计:"]);
    assert.equal(labels[5], "直诉·维持:");
    assert.equal(labels[14], "复议后·总计:");
    assert.equal(new Set(labels).size, 15);
  });

  it("all fifteen of table 四 fit in the editor's hint length per line, and no label is longer than seven characters", () => {
    for (const text of [skeleton(), skeleton(2020)]) {
      const model = parse(text);
      for (const table of model.tables) {
        const hints = inlayHints(model, table.range.start.line, table.range.end.line);
        assert.ok(hints.every((h) => h.label.length <= 7), hints.map((h) => h.label).join(" "));
      }
      const review = model.tables.find((t) => t.spec.id === "review")!;
      const line = inlayHints(model, review.range.start.line, review.range.end.line);
      assert.ok(line.map((h) => h.label).join("").length <= 100);
    }
  });

  it("only for the lines asked for, one per cell in the one-cell-per-line layout", () => {
    const model = parse(sample("002"));
    const table = model.tables.find((t) => t.spec.id === "applications")!;
    const hints = inlayHints(model, table.range.start.line, table.range.end.line);
    const placed = table.rows.flatMap((r) => r.cells.filter(Boolean));
    assert.equal(hints.length, placed.length);
    assert.ok(hints.every((h) => h.position.line >= table.range.start.line && h.position.line <= table.range.end.line));
    assert.deepEqual(inlayHints(model, 0, 10), []);
  });
});
