import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyEdits, checkText } from "../../server/src/core";
import { CLEAN_2021, findingsOf, lineOf, replaceOnce } from "../helpers/mutate";

/** The four arithmetic rules (勾稽关系): reported at the right cell, fixed by a suggestion only. */

function fixWith(text: string, rule: string): string {
  const [f] = findingsOf(text, rule);
  assert.ok(f, `no ${rule}`);
  assert.equal(f.fixes[0].safe, false, "a figure is changed only when the user picks it");
  return applyEdits(text, f.fixes[0].edits).text;
}

describe("relation rules", () => {
  it("total-row-mismatch at the 总计 cell, fixed to the sum", () => {
    const text = replaceOnce(CLEAN_2021(), "三、本年度办理结果\t（一）予以公开\t16\t3\t0\t1\t0\t0\t20", "三、本年度办理结果\t（一）予以公开\t16\t3\t0\t1\t0\t0\t21");
    const [f] = findingsOf(text, "total-row-mismatch");
    assert.equal(f.range.start.line + 1, lineOf(text, "（一）予以公开"));
    assert.equal(text.split("\n")[f.range.start.line].slice(f.range.start.character, f.range.end.character), "21");
    assert.match(f.message.zh, /总计为 21，但各列之和为 20/);
    assert.equal(fixWith(text, "total-row-mismatch"), replaceOnce(text, "\t0\t21", "\t0\t20"));
  });

  it("total-column-mismatch at the （七） cell of the column", () => {
    const text = replaceOnce(CLEAN_2021(), "（七）总计\t\t30\t5", "（七）总计\t\t31\t5");
    const found = checkText(text).findings.filter((f) => f.severity === "error");
    assert.deepEqual(found.map((f) => f.rule).sort(), ["balance-mismatch", "total-column-mismatch", "total-row-mismatch"]);
    const [col] = findingsOf(text, "total-column-mismatch");
    assert.equal(col.range.start.line + 1, lineOf(text, "（七）总计"));
    assert.equal(col.fixes[0].edits[0].newText, "30");
  });

  it("balance-mismatch at the 四、结转下年度继续办理 cell; its fix is offered only when ≥ 0", () => {
    const text = replaceOnce(CLEAN_2021(), "二、上年结转政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2", "二、上年结转政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3");
    const found = findingsOf(text, "balance-mismatch");
    assert.deepEqual(found.map((f) => f.range.start.line + 1), [lineOf(text, "四、结转下年度"), lineOf(text, "四、结转下年度")]);
    assert.deepEqual(found.map((f) => f.fixes[0].edits[0].newText), ["3", "4"]);
    const negative = replaceOnce(CLEAN_2021(), "\t0\t1\t0\t3", "\t0\t1\t0\t3").replace("一、本年新收政府信息公开申请数量\t\t30", "一、本年新收政府信息公开申请数量\t\t20").replace("\t1\t0\t37", "\t1\t0\t27");
    const neg = findingsOf(negative, "balance-mismatch").find((f) => f.message.zh.includes("自然人"))!;
    assert.deepEqual(neg.fixes, [], "四 would be negative: no fix");
  });

  it("review-total-mismatch for each of the three groups of table 四", () => {
    const text = replaceOnce(CLEAN_2021(), "1\t0\t0\t1\t2\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0", "1\t0\t0\t1\t2\t0\t0\t0\t1\t2\t0\t1\t0\t0\t0");
    assert.deepEqual(findingsOf(text, "review-total-mismatch").map((f) => f.message.zh.split("：")[0]), ["未经复议直接起诉", "复议后起诉"]);
  });

  it("a group row with values is a subtotal, never added to （七） twice", () => {
    const text = replaceOnce(CLEAN_2021(), "（三）不予公开\t1.属于国家秘密", "（三）不予公开\t\t1\t0\t0\t0\t0\t0\t1\n\t1.属于国家秘密");
    assert.deepEqual(checkText(text).findings.filter((f) => f.severity === "error"), []);
  });
});
