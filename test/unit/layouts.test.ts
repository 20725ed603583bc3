import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkText, formatById, parse, renderReport, renderTable, type TemplateLayout } from "../../server/src/core";
import { fillGuidance } from "../helpers/mutate";

/** Every table layout of FORMATS.md §7 reads back to the same figures. */

const LAYOUTS: TemplateLayout[] = ["tabs", "pipes", "cell-per-line"];

/** A report whose figures are all distinct per row, so misplaced values would show. */
function numbered(year: number, layout: TemplateLayout): string {
  return fillGuidance(renderReport({ year, organ: "某某市人民政府办公室", layout }));
}

describe("layouts", () => {
  for (const year of [2020, 2025]) {
    for (const layout of LAYOUTS) {
      it(`${year} skeleton in ${layout} layout parses with every row placed and checks clean`, () => {
        const text = numbered(year, layout);
        const { model, findings } = checkText(text);
        const format = formatById(year < 2021 ? "2019" : "2021");
        assert.equal(model.format.detected, format.id);
        assert.deepEqual(model.tables.map((t) => t.spec.id), format.tables.map((t) => t.id));
        for (const t of model.tables) {
          assert.equal(t.missingRows.length, 0, t.spec.id);
          for (const r of t.rows) assert.equal(r.placement, "placed", `${t.spec.id}/${r.spec.id}`);
        }
        assert.deepEqual(findings.map((f) => `${f.rule}@${f.range.start.line + 1}`), []);
      });
    }
  }

  it("reads pipe rows with and without outer pipes, and one cell per line ending in |", () => {
    const spec = formatById("2021").tables.find((t) => t.id === "review")!;
    const values = "1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0";
    const bare = `四、政府信息公开行政复议、行政诉讼情况\n\n行政复议 | 行政诉讼\n${values}\n`;
    const outer = `四、政府信息公开行政复议、行政诉讼情况\n\n| 行政复议 | 行政诉讼 |\n| --- | --- |\n| ${values} |\n`;
    const perLine = `四、政府信息公开行政复议、行政诉讼情况\n\n行政复议 |\n行政诉讼 |\n\n${values.split(" | ").map((v) => `${v} |`).join("\n")}\n`;
    for (const text of [bare, outer, perLine]) {
      const t = parse(text).tables.find((x) => x.spec === spec || x.spec.id === spec.id)!;
      assert.ok(t, text);
      assert.deepEqual(t.rows[0].cells.map((c) => c?.value), [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }
  });

  it("says a row whose blank cells were dropped cannot be placed", () => {
    const table = renderTable(formatById("2021").tables.find((t) => t.id === "applications")!, "pipes");
    const broken = table.replace(/\| 一、本年新收政府信息公开申请数量[^\n]*/, "| 一、本年新收政府信息公开申请数量 | 3 | 3 |");
    const m = parse(`三、收到和处理政府信息公开申请情况\n\n${broken}\n`);
    const row = m.tables[0].rows.find((r) => r.spec.id === "new")!;
    assert.deepEqual([row.placement, row.valueCount], ["too-few", 2]);
  });

  it("normalises padding, full-width digits and spaced labels", () => {
    const table = renderTable(formatById("2019").tables.find((t) => t.id === "applications")!)
      .replace("一、本年新收政府信息公开申请数量", "一、 本 年 新 收 政府信息公开申请数量")
      .replace(/(二、上年结转政府信息公开申请数量\t\t)0\t0/, "$1\u3000０\t\u00a00");
    const m = parse(`三、收到和处理政府信息公开申请情况\n\n${table}\n`);
    const rows = m.tables[0].rows;
    assert.equal(rows[0].spec.id, "new");
    assert.deepEqual(rows[1].cells.slice(0, 2).map((c) => [c?.value, c?.canonical]), [[0, "0"], [0, undefined]]);
  });
});
