import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyEdits, checkText, fixAll, renderReport } from "../../server/src/core";
import { CLEAN_2019, CLEAN_2021, findingsOf, lineOf, replaceOnce } from "../helpers/mutate";

/** The table rules: presence, rows, cells, template version. */

const T3_NEW_2021 = "一、本年新收政府信息公开申请数量\t\t30\t5\t0\t1\t1\t0\t37";

describe("table rules", () => {
  it("table-missing: a section with no table at all (pasted as an image)", () => {
    const clean = CLEAN_2021();
    const start = clean.indexOf("（本列数据的勾稽关系为");
    const end = clean.indexOf("四、政府信息公开行政复议");
    const text = clean.slice(0, start) + "（表格见图片）\n\n" + clean.slice(end);
    const found = findingsOf(text, "table-missing");
    assert.deepEqual(found.map((f) => f.range.start.line + 1), [lineOf(text, "三、收到和处理")]);
    assert.match(found[0].fixes[0].title.zh, /插入表格：收到和处理政府信息公开申请情况（2021 格式）/);
  });

  it("table-missing: one 第二十条 sub-table of table 二", () => {
    const text = replaceOnce(CLEAN_2021(), /第二十条第（八）项[^]*?行政事业性收费\t0\n/, "");
    assert.deepEqual(findingsOf(text, "table-missing").map((f) => f.message.zh), ["缺少表格：第二十条第（八）项（行政事业性收费）"]);
  });

  it("table-row-missing: reported where the row belongs, fixed with a row of 0s", () => {
    const text = replaceOnce(CLEAN_2021(), /\t3\.补正后申请内容仍不明确[^\n]*\n/, "");
    const [f] = findingsOf(text, "table-row-missing");
    assert.equal(f.range.start.line + 1, lineOf(text, "2.没有现成信息需要另行制作"));
    assert.equal(f.fixes[0].edits[0].newText, "\n\t3.补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t0");
  });

  it("table-cell-count: more values than columns, and dropped blanks", () => {
    const more = replaceOnce(CLEAN_2021(), T3_NEW_2021, T3_NEW_2021 + "\t0");
    assert.deepEqual(findingsOf(more, "table-cell-count").map((f) => f.range.start.line + 1), [lineOf(more, "一、本年新收")]);
    const review = replaceOnce(CLEAN_2021(), "1\t0\t0\t1\t2\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0", "1\t0\t0\t1\t2\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0\t0");
    assert.equal(findingsOf(review, "table-cell-count").length, 1);
    assert.equal(findingsOf(CLEAN_2021(), "table-cell-count").length, 0);
  });

  it("table-cell-empty: blank, / and - cells, each with fill-0 fixes", () => {
    const text = replaceOnce(CLEAN_2021(), T3_NEW_2021, "一、本年新收政府信息公开申请数量\t\t30\t5\t\t/\t-\t0\t37");
    const found = findingsOf(text, "table-cell-empty");
    assert.equal(found.length, 3);
    assert.ok(found.every((f) => f.fixes.length === 2 && !f.fixes[0].safe));
    assert.equal(found[0].fixes[1].edits.length, 3, "fill every empty cell of the table");
    assert.equal(findingsOf(text, "total-row-mismatch").length, 0, "never a mismatch computed from unknown cells");
  });

  it("table-cell-invalid and table-cell-format", () => {
    let text = replaceOnce(CLEAN_2019(), /(行政许可\t)0\t0\t0/, "$1+22\t减2\t１,０００");
    text = replaceOnce(text, /(政府集中采购\t)0\t0/, "$10\t103.3879万元");
    assert.deepEqual(findingsOf(text, "table-cell-invalid").map((f) => f.message.zh), ["“行政许可”的“上一年项目数量”填写“+22”：此列不应带正负号"]);
    assert.deepEqual(
      findingsOf(text, "table-cell-format").map((f) => f.fixes[0].edits[0].newText),
      ["-2", "1000", "103.3879"],
    );
    assert.ok(findingsOf(text, "table-cell-format").every((f) => f.fixes[0].safe));
    assert.equal(findingsOf(replaceOnce(CLEAN_2019(), /(行政许可\t)0/, "$1\u3000\u30000 "), "table-cell-format").length, 0, "padding alone is fine");
  });

  it("template-version: 2019 tables in a 2023 report, and 2021 tables in a 2020 report", () => {
    const old = renderReport({ year: 2023, organ: "某某市人民政府办公室", format: "2019" });
    assert.deepEqual(findingsOf(old, "template-version").map((f) => f.range.start.line + 1), [lineOf(old, "第二十条第（一）项")]);
    // Both parts of a 2020 report carry words only the 2021 format has: each is told on its own first table.
    const ahead = renderReport({ year: 2020, organ: "某某市人民政府办公室", format: "2021" });
    assert.deepEqual(
      findingsOf(ahead, "template-version").map((f) => f.range.start.line + 1),
      [lineOf(ahead, "第二十条第（一）项"), lineOf(ahead, "（本列数据的勾稽关系为")],
    );
    assert.equal(checkText(old).findings.filter((f) => f.rule !== "template-version" && f.severity === "error").length, 0, "the old tables are still read in their own format");
  });

  it("template-version fix rewrites the tables in the right format, carrying the figures over", () => {
    const text = renderReport({ year: 2023, organ: "某某市人民政府办公室", format: "2019" })
      .replace("行政许可\t0\t0\t0", "行政许可\t0\t0\t9")
      .replace("（六）其他处理\t\t0\t0\t0\t0\t0\t0\t0", "（六）其他处理\t\t1\t0\t0\t0\t0\t0\t1");
    const [f] = findingsOf(text, "template-version");
    assert.equal(f.fixes[0].safe, true, "no figure is lost");
    const fixed = applyEdits(text, f.fixes[0].edits).text;
    const { model, findings } = checkText(fixed);
    assert.equal(model.format.detected, "2021");
    const rules = (list: { rule: string }[]) => list.map((x) => x.rule).filter((r) => r !== "template-version" && r !== "citation-number");
    assert.deepEqual(rules(findings), rules(checkText(text).findings), "the same findings apart from the format's");
    const cell = (table: string, row: string, col: number) => model.tables.find((t) => t.spec.id === table)!.rows.find((r) => r.spec.id === row)!.cells[col]!.value;
    assert.equal(cell("active-五", "licensing", 0), 9);
    assert.equal(cell("applications", "other-3", 6), 1, "（六）其他处理 carried into （六）3.其他");
    for (const layout of ["pipes", "cell-per-line"] as const) {
      const other = renderReport({ year: 2023, organ: "某某市人民政府办公室", format: "2019", layout });
      assert.equal(checkText(fixAll(other).text).model.format.detected, "2021", layout);
    }
  });

  it("template-version fix is only a suggestion when figures would be dropped", () => {
    const text = renderReport({ year: 2023, organ: "某某市人民政府办公室", format: "2019" }).replace("行政许可\t0\t0\t0", "行政许可\t5\t2\t9");
    const [f] = findingsOf(text, "template-version");
    assert.equal(f.fixes[0].safe, false);
    assert.match(f.fixes[0].title.zh, /2 个数值在新格式中没有对应栏目/);
  });
});
