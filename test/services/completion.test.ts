import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyEdits, checkModel, completions, formatById, parse, renderTable, type CompletionOptions } from "../../server/src/core";
import { lineOf, skeleton } from "./fixtures";

const zh: CompletionOptions = { locale: "zh-cn", layout: "tabs", eol: "\n" };

/** The skeleton cut before a section heading, with the cursor on a new empty last line. */
function cutBefore(text: string, heading: string) {
  const head = text.slice(0, text.indexOf(heading));
  return { text: head, position: { line: head.split("\n").length - 1, character: 0 } };
}

describe("completion", () => {
  it("offers the next sections in order after the last one, the first preselected, each with its whole-section template", () => {
    const { text, position } = cutBefore(skeleton(), "三、收到和处理");
    const items = completions(parse(text), position, zh);
    assert.deepEqual(
      items.filter((i) => i.kind === "section").map((i) => i.label),
      ["三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"],
    );
    assert.equal(items[0].label, "三、收到和处理政府信息公开申请情况");
    assert.equal(items[0].preselect, true);
    assert.ok(items.some((i) => i.label === "插入部分：三、收到和处理政府信息公开申请情况（2021 格式）"));
  });

  it("in a section without its table, offers the table template of the report's format first", () => {
    const full = skeleton();
    const start = full.indexOf("（本列数据");
    const end = full.indexOf("四、政府信息公开行政复议");
    const text = full.slice(0, start) + full.slice(end);
    const position = { line: lineOf(text, "三、收到和处理政府信息公开申请情况") + 1, character: 0 };
    const [first] = completions(parse(text), position, zh);
    assert.equal(first.label, "插入表格：收到和处理政府信息公开申请情况（2021 格式）");
    assert.equal(first.insertText, renderTable(formatById("2021").tables.find((t) => t.id === "applications")!, "tabs", "\n"));
    const inserted = applyEdits(text, [{ range: first.range, newText: first.insertText + "\n" }]).text;
    assert.deepEqual(checkModel(parse(inserted)).filter((f) => f.rule === "table-missing"), []);
  });

  it("uses the 2019 format for a 2020 report, and English labels for the English locale", () => {
    const full = skeleton(2020);
    const text = full.slice(0, full.indexOf("（本列数据")) + full.slice(full.indexOf("四、政府信息公开行政复议"));
    const position = { line: lineOf(text, "三、收到和处理政府信息公开申请情况") + 1, character: 0 };
    assert.equal(completions(parse(text), position, zh)[0].label, "插入表格：收到和处理政府信息公开申请情况（2019 格式）");
    assert.equal(completions(parse(text), position, { ...zh, locale: "en" })[0].label, "Insert table: Applications received and handled (2019 format)");
  });

  it("inside a table, offers the canonical labels of the rows it lacks, replacing the cell being typed", () => {
    const text = skeleton().replace("\t2.重复申请\t0\t0\t0\t0\t0\t0\t0\n", "\t重复\n");
    const line = lineOf(text, "\t重复");
    const items = completions(parse(text), { line, character: 3 }, zh);
    assert.deepEqual(items.map((i) => i.label), ["2.重复申请"]);
    assert.deepEqual(items[0].range, { start: { line, character: 1 }, end: { line, character: 3 } });
  });

  it("stays quiet in prose, after figures, and outside the document", () => {
    const text = skeleton();
    const prose = lineOf(text, "（概述本年度主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等工作情况。）");
    assert.deepEqual(completions(parse(text), { line: prose, character: 20 }, zh), []);
    const row = lineOf(text, "规章\t0\t0\t0");
    assert.deepEqual(completions(parse(text), { line: row, character: 4 }, zh), []);
    assert.deepEqual(completions(parse(text), { line: 10_000, character: 0 }, zh), []);
  });
});
