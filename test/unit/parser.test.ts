import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse, type ReportModel, type Table } from "../../server/src/core";
import { sample } from "../helpers/samples";

/** The parser on every real sample: title, year, sections with their lines, and table 三 row by row. */

const sectionLines = (m: ReportModel) => m.sections.map((s) => [s.spec.index, s.range.start.line + 1]);
const applications = (m: ReportModel): Table => m.tables.find((t) => t.spec.id === "applications")!;
/** Table 三 as [label, line, values] with "?" for unplaced and "" for empty cells. */
const rows = (t: Table) =>
  t.rows.map((r) => [r.spec.id, r.range.start.line + 1, r.cells.map((c) => (c ? (c.status === "number" ? String(c.value) : c.status === "empty" ? "" : "!") : "?")).join(",")]);
const zeros = (n: number) => new Array(n).fill("0").join(",");
const TABLE3_2019 = [
  "new", "carried", "granted", "partial",
  ...Array.from({ length: 8 }, (_, i) => `refused-${i + 1}`),
  ...Array.from({ length: 3 }, (_, i) => `unable-${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `not-processed-${i + 1}`),
  "other", "outcome-total", "forward",
];

describe("parse: 000 (tab rows drifting between grid columns)", () => {
  const m = parse(sample("000"));
  it("reads title, organ, year and format", () => {
    assert.equal(m.title?.text, "白元镇人民政府2020年政府信息公开工作年度报告");
    assert.equal(m.organ, "白元镇人民政府");
    assert.deepEqual([m.year?.value, m.year?.source], [2020, "title"]);
    assert.deepEqual([m.format.detected, m.format.expected], ["2019", "2019"]);
  });
  it("finds the six sections on their lines", () => {
    assert.deepEqual(sectionLines(m), [[1, 5], [2, 21], [3, 42], [4, 71], [5, 78], [6, 82]]);
  });
  it("places drifting rows and refuses rows with too many values", () => {
    const t = applications(m);
    assert.equal(t.layout, "tabs");
    assert.deepEqual(t.rows.map((r) => r.spec.id), TABLE3_2019);
    for (const [id, , values] of rows(t).slice(0, 20)) assert.equal(values, zeros(7), String(id));
    assert.deepEqual(
      t.rows.slice(20).map((r) => [r.spec.id, r.range.start.line + 1, r.placement, r.valueCount]),
      [["other", 67, "too-many", 8], ["outcome-total", 68, "too-many", 8], ["forward", 69, "too-many", 8]],
    );
    const review = m.tables.find((x) => x.spec.id === "review")!;
    assert.deepEqual([review.rows[0].placement, review.rows[0].valueCount], ["too-many", 16]);
  });
  it("reads the five sub-tables of section 二", () => {
    assert.deepEqual(m.tables.filter((t) => t.spec.section === 2).map((t) => t.spec.id), ["active-一", "active-五", "active-六", "active-八", "active-九"]);
  });
});

describe("parse: 001 (empty cells that matter positionally)", () => {
  const m = parse(sample("001"));
  it("takes the year from the title and finds the statistics period", () => {
    assert.equal(m.year?.value, 2020);
    assert.deepEqual([m.period?.startYear, m.period?.endYear, m.period?.range.start.line], [2020, 2020, 4]);
  });
  it("places values by the header's grid when the row is as wide as the header", () => {
    const t = applications(m);
    const byId = new Map(rows(t).map(([id, line, v]) => [id, [line, v]]));
    assert.deepEqual(byId.get("new"), [54, ",,,,,,0"]);
    assert.deepEqual(byId.get("carried"), [55, ",,,,,,0"]);
    assert.deepEqual(byId.get("granted"), [56, ",,,,,,"]);
    assert.deepEqual(byId.get("other"), [75, ",,,,,,"]);
    // Rows wider than the header with a lone value: which column it is cannot be known.
    assert.deepEqual(byId.get("outcome-total"), [76, "?,?,?,?,?,?,?"]);
    assert.deepEqual(byId.get("forward"), [77, "?,?,?,?,?,?,?"]);
    const review = m.tables.find((x) => x.spec.id === "review")!;
    assert.deepEqual(rows(review)[0], ["cases", 84, ",,,,0,,,,,0,,,,,0"]);
  });
});

describe("parse: 002 (one cell per line, headings without numerals)", () => {
  const m = parse(sample("002"));
  it("finds the sections, numbered or not", () => {
    assert.deepEqual(sectionLines(m), [[1, 2], [2, 37], [3, 113], [4, 376], [5, 422], [6, 429]]);
    assert.deepEqual(m.sections.map((s) => s.numeral?.text ?? null), [null, null, "三", "四", null, "六"]);
  });
  it("reads every row of table 三 with seven values", () => {
    // A group label on the line before its first item (三、本年度办理结果 / （一）予以公开) is a row of its own: the item's row starts on its line.
    const t = applications(m);
    assert.equal(t.layout, "cell-per-line");
    assert.deepEqual(t.rows.map((r) => r.spec.id), TABLE3_2019);
    assert.deepEqual(rows(t).map(([, line]) => line), [132, 141, 151, 160, 172, 181, 192, 203, 214, 225, 236, 247, 260, 269, 280, 293, 302, 313, 324, 335, 346, 356, 366]);
    for (const [id, , values] of rows(t)) assert.equal(values, zeros(7), String(id));
  });
  it("reads the wrapped header cells of section 二", () => {
    const t = m.tables.find((x) => x.spec.id === "active-一")!;
    assert.deepEqual(rows(t), [["rules", 48, "0,0,0"], ["normative", 53, "0,0,0"]]);
  });
  it("keeps the sub-headings of section 一 with their numbers", () => {
    assert.deepEqual(m.sections[0].subheadings.filter((h) => h.style === "paren").map((h) => [h.value, h.range.start.line + 1]), [[1, 5], [4, 30], [5, 33], [6, 35]]);
  });
});

describe("parse: 003 (padding, 减2, year only in the body)", () => {
  const m = parse(sample("003"));
  it("finds the title without a year and takes the year from the body", () => {
    assert.equal(m.title?.range.start.line, 2);
    assert.equal(m.title?.year, undefined);
    assert.deepEqual([m.year?.value, m.year?.source], [2019, "body"]);
  });
  it("reads padded cells and the signed change 减2", () => {
    const t = m.tables.find((x) => x.spec.id === "active-五")!;
    const services = t.rows.find((r) => r.spec.id === "other-services")!;
    assert.deepEqual(services.cells.map((c) => [c!.value, c!.canonical]), [[50, undefined], [-2, "-2"], [0, undefined]]);
    const normative = m.tables.find((x) => x.spec.id === "active-一")!.rows[1];
    assert.deepEqual(normative.cells.map((c) => c!.value), [198, 198, 198]);
  });
  it("records the Word bookmark before the heading of section 二", () => {
    assert.deepEqual(m.artifacts.map((a) => [a.text, a.range.start.line + 1]), [["[bookmark: _GoBack]", 17]]);
    assert.equal(m.sections[1].range.start.line + 1, 17);
  });
});

describe("parse: 004 (title on two lines, rows that look like headings)", () => {
  const m = parse(sample("004"));
  it("joins the title split over lines 3 and 5", () => {
    assert.equal(m.title?.text, "景芝镇人民政府2020年政府信息公开工作年度报告");
    assert.deepEqual(m.title?.lines.map((l) => l + 1), [3, 5]);
  });
  it("does not take the rows 一、…四、 of table 三 for section headings", () => {
    assert.deepEqual(sectionLines(m), [[1, 9], [2, 94], [3, 116], [4, 148], [5, 155], [6, 178]]);
    assert.equal(m.sections[4].variant, true);
  });
  it("reads the non-zero figures of table 三 row by row", () => {
    const t = applications(m);
    const byId = new Map(rows(t).map(([id, line, v]) => [id, [line, v]]));
    assert.deepEqual(byId.get("new"), [123, "5,0,0,0,0,0,5"]);
    assert.deepEqual(byId.get("granted"), [125, "4,0,0,0,0,0,4"]);
    assert.deepEqual(byId.get("unable-1"), [135, "1,0,0,0,0,0,1"]);
    assert.deepEqual(byId.get("not-processed-5"), [143, zeros(7)]);
    assert.deepEqual(byId.get("outcome-total"), [145, "5,0,0,0,0,0,5"]);
    assert.deepEqual(byId.get("forward"), [146, zeros(7)]);
    assert.equal(t.rows.length, TABLE3_2019.length);
  });
  it("ignores a table that is not an official one", () => {
    assert.ok(m.tables.every((t) => t.range.start.line > 31));
  });
});

describe("parse: bad input", () => {
  it("reads an empty text as no report", () => {
    const m = parse("");
    assert.equal(m.isReport, false);
    assert.equal(m.lines.length, 1);
  });
  it("keeps columns right with CRLF and a BOM", () => {
    const lf = parse(sample("004"));
    const crlf = parse("\ufeff" + sample("004").replace(/\n/g, "\r\n"));
    assert.deepEqual(crlf.sections.map((s) => s.titleRange), lf.sections.map((s) => s.titleRange));
    assert.deepEqual(crlf.tables.map((t) => t.rows.map((r) => r.cells.map((c) => c?.contentRange))), lf.tables.map((t) => t.rows.map((r) => r.cells.map((c) => c?.contentRange))));
    assert.equal(crlf.lines[5].eol, "\r\n");
  });
  it("survives a line of a megabyte and binary noise", () => {
    const huge = "一、总体情况\n" + "很".repeat(1 << 20) + "\n\u0000\u0001\t|\t|\n";
    const m = parse(huge);
    assert.equal(m.sections.length, 1);
  });
});
