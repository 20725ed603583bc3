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
    assert.deepEqual(hints.map((h) => h.label), ["自然人:", "商业企业:", "科研机构:", "社会公益组织:", "法律服务机构:", "其他:", "总计:"]);
    assert.deepEqual(hints[0].position, cellOf(parse(text), "applications", "new", "natural").contentRange.start);
  });

  it("tell table 四's repeated column names apart by their group", () => {
    const text = skeleton();
    const line = lineOf(text, "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
    const labels = inlayHints(parse(text), line, line).map((h) => h.label);
    assert.deepEqual(labels.slice(0, 2), ["行政复议·结果维持:", "行政复议·结果纠正:"]);
    assert.equal(labels[5], "未经复议直接起诉·结果维持:");
    assert.equal(labels[14], "复议后起诉·总计:");
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
