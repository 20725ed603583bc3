import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkText, parse, type ReportModel } from "../../server/src/core";
import { renderLayoutReport, type WebLayout } from "../helpers/layouts";

/**
 * Tables copied from a web page as a `|` stream (FORMATS.md §7): lines of
 * pipes alone are no cells, so a row's count of cells is its count of values,
 * and values are placed by position only where that count proves it.
 */

const report = (layout: WebLayout) => renderLayoutReport({ year: 2020, formats: "2019", layout });

/** The report with the first line that is exactly `from` (counted from `after`) and the next `count - 1` lines made one line `to`. */
function joinLines(text: string, after: string, from: string, count: number, to: string): string {
  const lines = text.split("\n");
  const start = lines.indexOf(from, lines.indexOf(after));
  assert.ok(start > 0, `${from} after ${after}`);
  lines.splice(start, count, to);
  return lines.join("\n");
}

const rowOf = (model: ReportModel, table: string, row: string) => model.tables.find((t) => t.spec.id === table)?.rows.find((r) => r.spec.id === row);

/** Findings on the lines of table 三 (the 2019 report's applications table). */
function applicationFindings(text: string): string[] {
  const { findings } = checkText(text);
  const lines = text.split("\n");
  const first = lines.findIndex((l) => l.includes("（本列数据的勾稽关系"));
  const last = lines.findIndex((l) => l.startsWith("四、政府信息公开行政复议"));
  assert.ok(first > 0 && last > first, "table 三 stands in the report");
  return findings.filter((f) => f.range.start.line >= first && f.range.end.line < last).map((f) => f.rule);
}

describe("| streams", () => {
  for (const layout of ["pipe-per-line", "lone-pipe-rows", "alternating-pipes"] as const) {
    it(`${layout}: every row reads its seven values, and nothing else, as its cells`, () => {
      const model = parse(report(layout));
      const table = model.tables.find((t) => t.spec.id === "applications");
      assert.ok(table);
      for (const row of table.rows) assert.deepEqual([row.spec.id, row.placement, row.rawCells.length], [row.spec.id, "placed", 7]);
    });
  }

  it("pipe-per-line: a row that lost a value is not placed on the spacer line after it", () => {
    const text = joinLines(report("pipe-per-line"), "（一）予以公开 |", "0 |", 2, "00 |");
    assert.deepEqual([rowOf(parse(text), "applications", "granted")?.placement], ["too-few"]);
    assert.deepEqual(applicationFindings(text), ["table-cell-count"]);
  });

  it("lone-pipe-rows: the lone pipe that opens the next row is no cell of the row before it", () => {
    const text = joinLines(report("lone-pipe-rows"), "2.没有现成信息需要另行制作 |", "0 |", 2, "00 |");
    assert.deepEqual([rowOf(parse(text), "applications", "unable-2")?.placement], ["too-few"]);
    assert.deepEqual(applicationFindings(text), ["table-cell-count"]);
  });

  it("pipe-per-line: blank '|' cells after a label that spans both label columns are the row's blank values", () => {
    const text = report("pipe-per-line").replace(/(一、本年新收政府信息公开申请数量 \|\n)((?:0 \|\n){7})/, (_, label: string, values: string) => label + values.replace(/0 \|/g, "|"));
    const row = rowOf(parse(text), "applications", "new");
    assert.deepEqual([row?.placement, row?.cells.map((c) => c?.status)], ["placed", new Array(7).fill("empty")]);
  });

  it("a label lost between rows: its values run into the row before, and the table gets one finding", () => {
    const text = report("pipe-per-line").replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形） |\n", "");
    const model = parse(text);
    assert.deepEqual(model.unreadableTables.map((t) => t.spec.id), ["applications"]);
    assert.deepEqual(applicationFindings(text), ["table-unreadable"]);
  });
});
