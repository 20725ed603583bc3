import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkModel, parse, RULES, type Finding, type ReportModel } from "../../server/src/core";
import {
  reportText,
  Y2020,
  Y2021,
  Y2021_COPIED,
  Y2021_NEARLY_COPIED,
  Y2021_WRONG_CARRYOVER,
  Y2022,
  Y2022_WRONG_ACTIVE,
  type ReportSpec,
} from "../fixtures/cross-year/reports";

/** The cross-year rules on pairs of consecutive reports built from the templates (test/fixtures/cross-year). */

const CROSS_YEAR = ["carryover-mismatch", "active-count-continuity", "copied-text"];

function crossYear(previous: ReportSpec | ReportModel, current: ReportSpec): { model: ReportModel; findings: Finding[] } {
  const model = parse(reportText(current));
  const last = "lines" in previous ? previous : parse(reportText(previous));
  return { model, findings: checkModel(model, { previous: last }).filter((f) => CROSS_YEAR.includes(f.rule)) };
}

/** The text a finding's range covers. */
const textAt = (m: ReportModel, f: Finding) => m.lines[f.range.start.line].text.slice(f.range.start.character, f.range.end.character);
const rowOf = (m: ReportModel, line: number) => m.tables.flatMap((t) => t.rows).find((r) => r.range.start.line === line)?.spec.id;

describe("registration", () => {
  it("registers the three rules as needing last year's report", () => {
    for (const id of CROSS_YEAR) assert.equal(RULES.find((r) => r.id === id)?.needsPrevious, true, id);
  });
  it("runs none of them without last year's report", () => {
    const findings = checkModel(parse(reportText(Y2021_WRONG_CARRYOVER)));
    assert.deepEqual(findings.filter((f) => CROSS_YEAR.includes(f.rule)), []);
  });
});

describe("carryover-mismatch", () => {
  it("accepts a 2021-format report continuing a 2019-format 2020 report", () => {
    const { findings } = crossYear(Y2020, Y2021);
    assert.deepEqual(findings.filter((f) => f.rule === "carryover-mismatch"), []);
  });
  it("reports each column whose 上年结转 differs from last year's 结转下年度, at this year's cell", () => {
    const { model, findings } = crossYear(Y2020, Y2021_WRONG_CARRYOVER);
    const errors = findings.filter((f) => f.rule === "carryover-mismatch");
    assert.equal(errors.length, 2);
    for (const f of errors) {
      assert.equal(f.severity, "error");
      assert.equal(rowOf(model, f.range.start.line), "carried");
    }
    assert.deepEqual(errors.map((f) => textAt(model, f)), ["2", "3"]);
    assert.match(errors[0].message.zh, /“自然人”列：上年结转 2 件，但2020年度报告的“结转下年度继续办理”为 1 件/);
    assert.match(errors[1].message.en, /Column “总计”: 3 carried over, but the 2020 report carried 2 forward/);
  });
  it("suggests last year's figure, never as a safe fix", () => {
    const { findings } = crossYear(Y2020, Y2021_WRONG_CARRYOVER);
    const [fix] = findings.find((f) => f.rule === "carryover-mismatch")!.fixes;
    assert.equal(fix.safe, false);
    assert.equal(fix.edits[0].newText, "1");
  });
  it("compares two 2019-format reports too", () => {
    const y2019: ReportSpec = { ...Y2020, year: 2019, applications: { new: [1, 3], carried: [0, 0], granted: [1, 1], forward: [0, 2] } };
    const { findings } = crossYear(y2019, Y2020);
    assert.deepEqual(
      findings.filter((f) => f.rule === "carryover-mismatch").map((f) => f.message.en.split(":")[0]),
      ["Column “商业企业”", "Column “总计”"],
    );
  });
  it("says nothing when last year's report has no table 三", () => {
    const { findings } = crossYear(parse("示例县人民政府办公室2020年政府信息公开工作年度报告\n\n一、总体情况\n\n无。\n"), Y2021);
    assert.deepEqual(findings.filter((f) => f.rule === "carryover-mismatch"), []);
  });
});

describe("active-count-continuity", () => {
  it("accepts 现行有效件数 = last year's + issued − abolished", () => {
    assert.deepEqual(crossYear(Y2021, Y2022).findings, []);
  });
  it("warns at this year's 现行有效件数 when it does not carry on", () => {
    const { model, findings } = crossYear(Y2021, Y2022_WRONG_ACTIVE);
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.deepEqual([f.rule, f.severity, textAt(model, f), rowOf(model, f.range.start.line)], ["active-count-continuity", "warning", "40", "normative"]);
    assert.match(f.message.zh, /现行有效 43 件 \+ 本年制发 6 件 − 本年废止 4 件 = 45 件/);
  });
  it("after a 2019-format report, says once that 现行有效件数 cannot be compared but the carry-over is", () => {
    const { findings } = crossYear(Y2020, Y2021);
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.deepEqual([f.rule, f.severity], ["active-count-continuity", "info"]);
    assert.match(f.message.zh, /2019 格式.*无法核对.*上年结转仍与其核对/);
  });
});

describe("copied-text", () => {
  it("accepts paragraphs written anew", () => {
    assert.deepEqual(crossYear(Y2021, Y2022).findings.filter((f) => f.rule === "copied-text"), []);
  });
  it("warns at a paragraph of 五 identical to last year's and quotes it, shortened", () => {
    const { model, findings } = crossYear(Y2020, Y2021_COPIED);
    const copied = findings.filter((f) => f.rule === "copied-text");
    assert.equal(copied.length, 1);
    const [f] = copied;
    assert.equal(f.severity, "warning");
    assert.equal(model.paragraphs.find((p) => p.line === f.range.start.line)?.section, 5);
    const lastYear = reportText(Y2020).split("\n").findIndex((l) => l === Y2020.problems) + 1;
    assert.match(f.message.zh, new RegExp(`第 ${lastYear} 行的段落相同，内容雷同：“一是政策解读形式较为单一.*…”`));
  });
  it("warns at a paragraph of 一 with one phrase changed, giving the similarity", () => {
    const { findings } = crossYear(Y2020, Y2021_NEARLY_COPIED);
    const [f] = findings.filter((x) => x.rule === "copied-text");
    assert.match(f.message.zh, /几乎相同（相似度 \d\d%）/);
  });
  it("finds a copy wrapped over other lines than last year's", () => {
    const wrap = (s: string, width: number) => s.match(new RegExp(`.{1,${width}}`, "gu"))!.join("\n");
    const before: ReportSpec = { ...Y2020, problems: wrap(Y2020.problems, 30) };
    const after: ReportSpec = { ...Y2021, problems: wrap(Y2020.problems, 23) };
    assert.equal(crossYear(before, after).findings.filter((f) => f.rule === "copied-text").length, 1);
  });
  it("leaves short stock phrases alone", () => {
    const stock = "本年度未发生因政府信息公开被申请行政复议的情况。";
    const { findings } = crossYear({ ...Y2020, problems: stock }, { ...Y2021, problems: stock });
    assert.deepEqual(findings.filter((f) => f.rule === "copied-text"), []);
  });
});
