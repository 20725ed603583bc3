import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { balanceLenses, parse } from "../../server/src/core";
import { sample } from "../helpers/samples";
import { cellOf, skeleton, withFigure } from "./fixtures";

describe("balance code lenses", () => {
  it("one above each table with relations: ✓ when they hold", () => {
    const model = parse(skeleton());
    const lenses = balanceLenses(model, "zh-cn");
    assert.deepEqual(
      lenses.map((l) => l.range.start.line),
      model.tables.filter((t) => t.spec.relations.length).map((t) => t.range.start.line),
    );
    assert.ok(lenses.every((l) => l.title.startsWith("勾稽关系 ✓") && !l.firstMismatch));
  });

  it("counts the mismatches and points at the first one", () => {
    // One applicant in 自然人 of row 一 breaks that row's total and the 自然人 column's balance.
    const text = withFigure(skeleton(), "applications", "new", "natural", "1");
    const model = parse(text);
    const [lens] = balanceLenses(model, "zh-cn");
    assert.equal(lens.title, "勾稽关系：2 处不平衡");
    assert.deepEqual(lens.firstMismatch, cellOf(model, "applications", "new", "total").contentRange);
    assert.equal(balanceLenses(model, "en")[0].title, "Relations: 2 mismatches");
  });

  it("says so when the figures are too incomplete to check", () => {
    const lenses = balanceLenses(parse(sample("001")), "zh-cn");
    assert.ok(lenses.some((l) => l.title === "勾稽关系：数据不全，无法核对"));
  });
});
