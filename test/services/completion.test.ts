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
    assert.equal(first.label, "插入表三：收到和处理政府信息公开申请情况（2021 格式）");
    assert.equal(first.insertText, renderTable(formatById("2021").tables.find((t) => t.id === "applications")!, "tabs", "\n"));
    const inserted = applyEdits(text, [{ range: first.range, newText: first.insertText + "\n" }]).text;
    assert.deepEqual(checkModel(parse(inserted)).filter((f) => f.rule === "table-missing"), []);
  });

  it("in an empty section 二, offers its four sub-tables as one entry first", () => {
    const full = skeleton();
    const text = full.slice(0, full.indexOf("第二十条第（一）项")) + full.slice(full.indexOf("三、收到和处理政府信息公开申请情况"));
    const position = { line: lineOf(text, "二、主动公开政府信息情况") + 1, character: 0 };
    const items = completions(parse(text), position, zh);
    assert.equal(items[0].label, "插入表二：主动公开政府信息情况（2021 格式）");
    assert.equal(items.filter((i) => i.label.startsWith("插入表")).length, 1);
  });

  it("uses the 2019 format for a 2020 report; the label stays in the report's Chinese in the English locale", () => {
    const full = skeleton(2020);
    const text = full.slice(0, full.indexOf("（本列数据")) + full.slice(full.indexOf("四、政府信息公开行政复议"));
    const position = { line: lineOf(text, "三、收到和处理政府信息公开申请情况") + 1, character: 0 };
    assert.equal(completions(parse(text), position, zh)[0].label, "插入表三：收到和处理政府信息公开申请情况（2019 格式）");
    const [english] = completions(parse(text), position, { ...zh, locale: "en" });
    assert.equal(english.label, "插入表三：收到和处理政府信息公开申请情况（2019 格式）");
    assert.equal(english.detail, "2019 format, 国办公开办函〔2019〕60号");
  });

  describe("the words a clerk types for a table bring the table of the report's format first, once", () => {
    /** A report of `year` whose section 六 ends with a line holding `typed`, the cursor after it. */
    const typing = (typed: string, year = 2025) => {
      const text = `${skeleton(year)}
${typed}`;
      const line = text.split("\n").length - 1;
      return completions(parse(text), { line, character: typed.length }, zh);
    };
    const asked: [string, string][] = [
      ["表二", "插入表二：主动公开政府信息情况（2021 格式）"],
      ["主动公开", "插入表二：主动公开政府信息情况（2021 格式）"],
      ["二、", "插入表二：主动公开政府信息情况（2021 格式）"],
      ["表三", "插入表三：收到和处理政府信息公开申请情况（2021 格式）"],
      ["收到和处理", "插入表三：收到和处理政府信息公开申请情况（2021 格式）"],
      ["表四", "插入表四：政府信息公开行政复议、行政诉讼情况（2021 格式）"],
      ["行政复议", "插入表四：政府信息公开行政复议、行政诉讼情况（2021 格式）"],
      ["插入", "插入表二：主动公开政府信息情况（2021 格式）"],
      ["table", "插入表二：主动公开政府信息情况（2021 格式）"],
    ];
    for (const [typed, label] of asked)
      it(`${typed} → ${label}`, () => {
        const items = typing(typed);
        assert.equal(items[0].label, label);
        assert.equal(items[0].preselect, true);
        const labels = items.map((i) => i.label);
        assert.equal(new Set(labels).size, labels.length, "each entry once");
        assert.ok(labels.every((l) => !/gov-|active-|[a-z]+-[a-z0-9一-龥]+-\d{4}/.test(l)), `no raw ids: ${labels.join(" | ")}`);
        assert.ok(items[0].filterText!.toLowerCase().startsWith(typed.toLowerCase()), "the typed word leads the filter text");
        assert.match(items[0].documentation!, /^```text\n/);
      });

    it("插入 and table offer the three tables, in the order of the report", () => {
      assert.deepEqual(typing("table").filter((i) => i.label.startsWith("插入表")).map((i) => i.label.slice(0, 4)), ["插入表二", "插入表三", "插入表四"]);
    });

    it("table 二 of the 2021 format inserts its four sub-tables together; of the 2019 format its own sub-tables", () => {
      for (const [year, format] of [[2025, "2021"], [2020, "2019"]] as const) {
        const [first] = typing("表二", year);
        const subTables = formatById(format).tables.filter((t) => t.section === 2);
        assert.equal(first.insertText, subTables.map((t) => renderTable(t, "tabs", "\n")).join("\n"));
        assert.match(first.label, new RegExp(`（${format} 格式）$`));
        for (const t of subTables) assert.ok(first.documentation!.includes(t.caption ?? t.title.zh));
      }
    });

    it("the preview shows the table's rows", () => {
      const doc = typing("表三")[0].documentation!;
      assert.match(doc, /一、本年新收政府信息公开申请数量/);
      assert.match(doc, /二、上年结转政府信息公开申请数量/);
    });
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
