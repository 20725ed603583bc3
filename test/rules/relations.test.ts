import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyEdits, checkText, quickFixes, type Finding } from "../../server/src/core";
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
    assert.equal(found[0].fixes[0].title.zh, "将“结转下年度继续办理”改为新收加上年结转减办理结果总计 3");
    const negative = replaceOnce(CLEAN_2021(), "\t0\t1\t0\t3", "\t0\t1\t0\t3").replace("一、本年新收政府信息公开申请数量\t\t30", "一、本年新收政府信息公开申请数量\t\t20").replace("\t1\t0\t37", "\t1\t0\t27");
    const neg = findingsOf(negative, "balance-mismatch").find((f) => f.message.zh.includes("自然人"))!;
    assert.deepEqual(neg.fixes.flatMap((f) => f.edits), [], "四 would be negative: no figure to set");
    assert.equal(neg.fixes.length, 1);
    assert.ok(neg.fixes[0].reveal);
    assert.match(neg.fixes[0].title.zh, /^若“结转下年度继续办理” \d+ 无误，请核对新收、上年结转和办理结果总计$/);
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

/** A row whose total disagrees with its columns while the text states the row's figure: all three are shown before a figure is changed. */
describe("a relation the text also speaks of", () => {
  const NEW_ROW = "一、本年新收政府信息公开申请数量\t\t30\t5\t0\t1\t1\t0\t37";
  const cellText = (text: string, f: Finding) => text.split("\n")[f.range.start.line].slice(f.range.start.character, f.range.end.character);
  /** The quick fixes of the row's finding, computed over the findings of one check. */
  const rowActions = (text: string) => {
    const findings = checkText(text).findings;
    const row = findings.find((f) => f.rule === "total-row-mismatch")!;
    return quickFixes(text, findings, row.range, "zh-cn").filter((a) => a.findings.includes(row));
  };

  it("the text agrees with the total, not with the columns: the row names the text's figure, the narrative mismatch is reported, the fixes are alternatives", () => {
    const text = replaceOnce(CLEAN_2021(), NEW_ROW, NEW_ROW.replace("\t30\t", "\t32\t"));
    const [row] = findingsOf(text, "total-row-mismatch");
    assert.match(row.message.zh, /总计为 37，但各列之和为 39（.*）；正文写作 37件$/);
    assert.match(row.message.en, /; the text says 37$/);
    const [narrative] = findingsOf(text, "narrative-table-mismatch");
    assert.equal(narrative.message.zh, "正文称“本年新收申请”37件，与统计表的总计一致，但表中各项之和为 39");
    assert.equal(cellText(text, narrative), "37");
    const actions = rowActions(text);
    assert.deepEqual(actions.slice(0, 2).map((a) => a.title), ["将总计改为各列之和 39（正文写作 37 件，需一并核对）", "这一行与正文 37 件一致时，请核对各列"]);
    assert.ok(actions.every((a) => !a.preferred), "no figure-changing fix is preferred");
    const check = actions[1];
    assert.deepEqual(check.edits, [], "the alternative changes nothing");
    assert.equal(text.split("\n")[check.reveal!.start.line].slice(check.reveal!.start.character, check.reveal!.end.character), "32\t5\t0\t1\t1\t0", "it selects the columns");
  });

  it("the text agrees with the columns: setting the total is said to agree with the text", () => {
    const text = replaceOnce(CLEAN_2021(), NEW_ROW, NEW_ROW.replace(/37$/, "35"));
    const [row] = findingsOf(text, "total-row-mismatch");
    assert.match(row.message.zh, /；正文写作 37件$/);
    assert.equal(findingsOf(text, "narrative-table-mismatch")[0].message.zh, "正文称“本年新收申请”37件，与表中各项之和一致，但统计表的总计为 35");
    assert.deepEqual(
      rowActions(text).slice(0, 2).map((a) => a.title),
      ["将总计改为各列之和 37（与正文 37 件一致）", "若总计 35 无误，请核对各列"],
    );
    assert.equal(applyEdits(text, row.fixes[0].edits).text, CLEAN_2021());
  });

  it("the text agrees with neither", () => {
    const text = replaceOnce(replaceOnce(CLEAN_2021(), NEW_ROW, NEW_ROW.replace(/37$/, "35")), "本年新收政府信息公开申请37件", "本年新收政府信息公开申请36件");
    assert.equal(findingsOf(text, "narrative-table-mismatch")[0].message.zh, "正文称“本年新收申请”36件，统计表的总计为 35，各项之和为 37");
  });

  it("review cases of table 四: the group's total against the text", () => {
    const text = replaceOnce(CLEAN_2021(), /^1\t0\t0\t1\t2\t/m, "1\t0\t0\t1\t3\t");
    const [review] = findingsOf(text, "review-total-mismatch");
    assert.match(review.message.zh, /^行政复议：总计为 3，.*；正文写作 2件$/);
    assert.deepEqual(review.fixes.map((f) => f.title.zh), ["将行政复议总计改为各项结果之和 2（与正文 2 件一致）", "若行政复议总计 3 无误，请核对结果维持、结果纠正、其他结果和尚未审结"]);
    assert.match(findingsOf(text, "narrative-table-mismatch")[0].message.zh, /与表中各项之和一致，但统计表的总计为 3/);
  });

  it("without a figure in the text the message is unchanged and the alternatives are still two", () => {
    const text = replaceOnce(CLEAN_2021(), "三、本年度办理结果\t（一）予以公开\t16\t3\t0\t1\t0\t0\t20", "三、本年度办理结果\t（一）予以公开\t16\t3\t0\t1\t0\t0\t21");
    const [row] = findingsOf(replaceOnce(text, "予以公开20件", "同意公开20件"), "total-row-mismatch");
    assert.ok(!row.message.zh.includes("正文"));
    assert.deepEqual(row.fixes.map((f) => f.title.zh), ["将总计改为各列之和 20", "若总计 21 无误，请核对各列"]);
    assert.ok(row.fixes.every((f) => f.uncertain));
  });
});
