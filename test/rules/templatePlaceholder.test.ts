import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readdirSync } from "node:fs";
import { renderReport } from "../../server/src/core";
import { CLEAN_2019, CLEAN_2021, fillGuidance, findingsOf, replaceOnce } from "../helpers/mutate";
import { example, EXAMPLES_DIR, sample, SAMPLES_DIR } from "../helpers/samples";

/** template-placeholder: what `gov-report new` and the snippets leave for the writer, found until it is written over. */

const RULE = "template-placeholder";
const marked = (text: string) =>
  findingsOf(text, RULE).map((f) => text.split(/\r?\n/)[f.range.start.line].slice(f.range.start.character, f.range.end.character));

describe("template-placeholder", () => {
  it("a report made by new and never filled does not check clean", () => {
    const text = renderReport({ year: 2025 });
    const found = marked(text);
    assert.equal(found[0], "××", "the organ's name in the title");
    assert.deepEqual(
      found.slice(1).map((s) => s.slice(0, 3)),
      ["（概述", "（说明", "（说明"],
      "the guidance of sections 一, 五 and 六",
    );
    assert.ok(findingsOf(text, RULE).every((f) => f.severity === "warning"));
    assert.equal(findingsOf(renderReport({ year: 2020, organ: "某县民政局" }), RULE).length, 3, "2019 format, organ given: the guidance only");
  });

  it("once the guidance is written over, no finding", () => {
    assert.deepEqual(findingsOf(fillGuidance(renderReport({ year: 2025, organ: "某县民政局" })), RULE), []);
    assert.deepEqual(findingsOf(CLEAN_2019(), RULE), []);
  });

  it("a snippet's tab stop and a named slot", () => {
    assert.deepEqual(marked(replaceOnce(CLEAN_2021(), "示例市生态环境局2023年", "${1:××机关}2023年")), ["${1:××机关}"]);
    assert.deepEqual(marked(replaceOnce(CLEAN_2021(), "示例市生态环境局2023年", "{机关名称}2023年")), ["{机关名称}"]);
  });

  it("×× and XX where a name or a figure belongs", () => {
    const withLine = (line: string) => replaceOnce(CLEAN_2021(), "五、存在的主要问题及改进情况\n", `五、存在的主要问题及改进情况\n\n${line}\n`);
    assert.deepEqual(marked(withLine("全年召开XX次专题会议，由××局牵头。")), ["XX", "××"]);
    assert.deepEqual(marked(withLine("于20XX年完成平台改版。")), ["XX"]);
  });

  it("silent on ordinary text: a URL, a bracketed note, ×× used otherwise", () => {
    const withLine = (line: string) => replaceOnce(CLEAN_2021(), "五、存在的主要问题及改进情况\n", `五、存在的主要问题及改进情况\n\n${line}\n`);
    for (const line of [
      "网址为http://xxgk.example.gov.cn，欢迎访问。",
      "（说明：本报告数据截至12月31日。）",
      "（以上数据均来自本机关政府信息公开工作台账）",
      "群众反映的“××问题”已逐一回复。",
      "型号为XXL的设备已停用。",
    ])
      assert.deepEqual(findingsOf(withLine(line), RULE), [], line);
  });

  it("silent on the examples and every sample", () => {
    for (const name of readdirSync(EXAMPLES_DIR)) assert.deepEqual(findingsOf(example(name), RULE), [], name);
    for (const name of readdirSync(SAMPLES_DIR)) assert.deepEqual(findingsOf(sample(name), RULE), [], name);
  });
});
