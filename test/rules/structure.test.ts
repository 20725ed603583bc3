import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkText } from "../../server/src/core";
import { readHeading } from "../../server/src/core/parser/headings";
import { CLEAN_2019, CLEAN_2021, findingsOf, lineOf, replaceOnce } from "../helpers/mutate";

/** The structure rules: each fires on its mistake and stays silent on clean reports. */

describe("structure rules", () => {
  it("clean reports in both formats have no finding at all", () => {
    for (const text of [CLEAN_2021(), CLEAN_2019()]) assert.deepEqual(checkText(text).findings, []);
  });

  it("title-missing", () => {
    const text = CLEAN_2021().replace(/^.*年度报告\n/, "");
    assert.deepEqual(findingsOf(text, "title-missing").map((f) => f.range.start.line), [1], "the first line with text");
  });

  it("title-year-missing, with a fix inserting the year from the period", () => {
    const text = replaceOnce(CLEAN_2021(), "示例市生态环境局2023年政府信息公开工作年度报告", "示例市生态环境局政府信息公开工作年度报告");
    const [f] = findingsOf(text, "title-year-missing");
    assert.equal(f.fixes[0].edits[0].newText, "2023年");
    assert.equal(f.fixes[0].safe, false);
  });

  it("section-missing, reported where the section should stand, with its template", () => {
    const text = replaceOnce(CLEAN_2021(), /五、存在的主要问题及改进情况[\s\S]*?(?=六、)/, "");
    const found = findingsOf(text, "section-missing");
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line + 1, lineOf(text, "六、其他需要报告的事项"));
    assert.match(found[0].fixes[0].edits[0].newText, /^五、存在的主要问题及改进情况/);
  });

  it("a text that is not a report gets one finding, not one per missing part", () => {
    const { findings } = checkText("会议纪要\n\n今天讨论了三件事。\n");
    assert.deepEqual(findings.map((f) => f.rule), ["not-a-report"]);
  });

  it("a text without a title line that names itself a report is one: title-missing, and every rule runs", () => {
    const draft = "本年度报告根据《中华人民共和国政府信息公开条例》编制，全文包括总体情况等六个部分。\n\n一、总体情况\n\n2024年，本镇落实《条例》要求。\n";
    const rules = checkText(draft).findings.map((f) => f.rule);
    assert.ok(!rules.includes("not-a-report"));
    assert.equal(rules.filter((r) => r === "title-missing").length, 1);
    assert.ok(rules.includes("section-missing"));
    assert.deepEqual(checkText("工作总结\n\n本报告总结了今年的培训。\n").findings.map((f) => f.rule), ["not-a-report"], "本报告 alone names no disclosure report");
  });

  it("page furniture around a copied report is not its title", () => {
    const chrome = "长者版 无障碍阅读\n当前位置：首页 > 政府信息公开 > 政府信息公开年报 > 2023\n索引号：\t0001/2024-00012\t发布机构：\t示例市生态环境局\n字号：大 中 小\n";
    const text = chrome + CLEAN_2021();
    assert.equal(checkText(text).model.title?.text, "示例市生态环境局2023年政府信息公开工作年度报告");
    assert.deepEqual(checkText(text).findings, []);
    for (const runOn of ["本报告根据《条例》编制。", " 发布时间：2024-01-20 来源：示例市生态环境局"]) {
      const text = replaceOnce(CLEAN_2021(), "年度报告\n", "年度报告" + runOn + "\n");
      const title = checkText(text).model.title;
      assert.equal(title?.text, "示例市生态环境局2023年政府信息公开工作年度报告", runOn);
      assert.equal(title?.range.end.character, "示例市生态环境局2023年政府信息公开工作年度报告".length);
    }
    const caption = "您的位置：首页 » 信息公开\n\n示例市生态环境局政府信息公开年报\n\n";
    assert.equal(checkText(caption + CLEAN_2021()).model.title?.year?.value, 2023, "a yearless caption gives way to the title with its year");
    const opening = "本报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和国办公开办函〔2021〕30号编制,全文包括六个部分,统计期限为2023年1月1日至12月31日";
    assert.equal(checkText(opening + "\n" + CLEAN_2021().replace(/^.*年度报告\n/, "")).model.title, undefined, "an opening sentence with half-width commas is no title");
  });

  it("section-order and section-duplicate", () => {
    const clean = CLEAN_2021();
    const four = clean.slice(clean.indexOf("四、政府信息公开行政复议"), clean.indexOf("五、存在的主要问题"));
    const swapped = clean.replace(four, "").replace("三、收到和处理政府信息公开申请情况", four + "三、收到和处理政府信息公开申请情况");
    assert.deepEqual(findingsOf(swapped, "section-order").map((f) => f.range.start.line + 1), [lineOf(swapped, "三、收到和处理")]);
    const doubled = clean.replace("六、其他需要报告的事项", "二、主动公开政府信息情况\n\n六、其他需要报告的事项");
    assert.equal(findingsOf(doubled, "section-duplicate").length, 1);
    assert.equal(findingsOf(doubled, "section-order").length, 0);
  });

  it("section-numbering: missing and wrong numerals, fixed safely", () => {
    let text = replaceOnce(CLEAN_2021(), "五、存在的主要问题及改进情况", "存在的主要问题及改进情况");
    text = replaceOnce(text, "六、其他需要报告的事项", "七、其他需要报告的事项");
    const found = findingsOf(text, "section-numbering");
    assert.deepEqual(found.map((f) => f.fixes[0].edits[0].newText), ["五、", "六"]);
    assert.ok(found.every((f) => f.fixes[0].safe));
  });

  it("headings that run on: into their first sentence after a space, or after the sentence before them", () => {
    const cases: [string, number | undefined][] = [
      ["一、总体情况 2024年，本镇认真贯彻落实《条例》。", 1],
      ["1、 总体情况", 1],
      ["3.收到和处理政府信息公开申请情况", 3],
      ["1、主动公开情况", undefined],
      ["2、依申请公开情况", undefined],
      ["本年度报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。一、总体情况", 1],
      ["本年度各项工作均已完成，取得了良好成效。二、主动公开工作有关要求", undefined],
    ];
    for (const [line, index] of cases) assert.equal(readHeading(0, line)?.spec?.index, index, line);
    const prose = "全文包括六个部分，欢迎查阅。二、主动公开政府信息情况";
    const h = readHeading(0, prose)!;
    assert.equal(prose.slice(h.titleRange.start.character, h.titleRange.end.character), "主动公开政府信息情况");
    assert.equal(prose.slice(h.numeral!.range.start.character, h.numeral!.range.end.character), "二");
  });

  it("section-numbering, not section-missing, for a section numbered with an Arabic figure", () => {
    const text = replaceOnce(CLEAN_2021(), "一、总体情况", "1、 总体情况");
    assert.deepEqual(findingsOf(text, "section-missing"), []);
    const [f] = findingsOf(text, "section-numbering");
    assert.match(f.message.zh, /序号应为“一”，而不是“1”/);
    assert.equal(f.fixes[0].edits[0].newText, "一");
  });

  it("section-title-variant is a hint with the canonical wording", () => {
    const text = replaceOnce(CLEAN_2021(), "五、存在的主要问题及改进情况", "五、存在问题和改进措施");
    const [f] = findingsOf(text, "section-title-variant");
    assert.equal(f.severity, "hint");
    assert.equal(f.fixes[0].edits[0].newText, "存在的主要问题及改进情况");
  });

  it("subsection-numbering: a skip and a repeat; a restart is fine", () => {
    const skip = replaceOnce(CLEAN_2021(), "（二）依申请公开", "（三）依申请公开");
    assert.deepEqual(findingsOf(skip, "subsection-numbering").map((f) => f.range.start.line + 1), [lineOf(skip, "（三）依申请公开")]);
    let restart = replaceOnce(CLEAN_2021(), "（三）政府信息管理", "（一）政府信息管理");
    restart = replaceOnce(restart, "（四）平台建设", "（二）平台建设");
    restart = replaceOnce(restart, "（五）监督保障", "（三）监督保障");
    assert.equal(findingsOf(restart, "subsection-numbering").length, 0, "a restart at （一） starts a new list");
    const twice = replaceOnce(CLEAN_2021(), "（三）政府信息管理", "（二）政府信息管理");
    assert.equal(findingsOf(twice, "subsection-numbering").length, 1);
  });

  it("conversion-artifact: debris is found and deleted", () => {
    const text = replaceOnce(CLEAN_2021(), "二、主动公开政府信息情况", "[bookmark: _GoBack]二、主动公开政府信息情况&nbsp;");
    const found = findingsOf(text, "conversion-artifact");
    assert.deepEqual(found.map((f) => f.fixes[0].edits[0].newText), ["", ""]);
    assert.equal(findingsOf(text, "section-numbering").length, 0, "the heading is still read through the debris");
  });

  it("an inline comment disables a rule for one line or the file", () => {
    const text = replaceOnce(CLEAN_2021(), "五、存在的主要问题及改进情况", "<!-- gov-report-disable-next-line section-title-variant -->\n五、存在问题和改进措施");
    assert.equal(findingsOf(text, "section-title-variant").length, 0);
    const file = "<!-- gov-report-disable section-title-variant -->\n" + replaceOnce(CLEAN_2021(), "五、存在的主要问题及改进情况", "五、存在问题和改进措施");
    assert.equal(findingsOf(file, "section-title-variant").length, 0);
  });
});
