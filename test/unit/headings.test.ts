import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readHeading, readSubheading } from "../../server/src/core/parser/headings";

/** Section headings in the wordings published reports use (FORMATS.md §1), and what is not a heading. */

const sectionOf = (line: string) => readHeading(0, line)?.spec?.index;

describe("section headings", () => {
  const cases: [string, number | undefined][] = [
    ["一、总体情况", 1],
    ["一、 总体情况", 1],
    ["一.总体情况：", 1],
    ["一、概 述", 1],
    ["一、2023年政务公开总体情况", 1],
    ["总体情况", 1],
    ["[bookmark: _GoBack]二、主动公开政府信息情况", 2],
    ["## 二、主动公开政府信息情况", 2],
    ["**三、收到和处理政府信息公开申请情况**", 3],
    ["三、依申请公开政府信息情况", 3],
    ["四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", 4],
    ["四、因政府信息公开申请行政复议、提起行政诉讼情况", 4],
    ["五、政府信息公开工作存在的主要问题及改进情况", 5],
    ["五、存在问题和改进措施", 5],
    ["五、存在的问题及改进措施", 5],
    ["六、其他需要报告的事项", 6],
    ["一、总体情况。2020年，我局认真贯彻落实《条例》。", 1],
    ["一、本年新收政府信息公开申请数量", undefined],
    ["四、结转下年度继续办理", undefined],
    ["三、本年度办理结果\t（一）予以公开\t0", undefined],
    ["2020年，我局主动公开政府信息情况良好，各项工作有序推进。", undefined],
    ["一、加强组织领导，确保各项工作落到实处。", undefined],
  ];
  for (const [line, expected] of cases) it(JSON.stringify(line), () => assert.equal(sectionOf(line), expected));

  it("keeps the exact columns of the numeral and the wording", () => {
    const h = readHeading(3, "[bookmark: _GoBack]二、 主动公开政府信息情况")!;
    assert.deepEqual([h.numeral?.range.start.character, h.titleRange.start.character, h.titleRange.end.character], [19, 22, 32]);
  });
});

describe("sub-headings", () => {
  it("reads （一） (一) 1. 1、 一是 with their values", () => {
    const read = (l: string) => {
      const h = readSubheading(0, l);
      return h && [h.style, h.value];
    };
    assert.deepEqual(["（四）公开数量", "(二) 载体建设", "3. 推进重点领域", "12、加强培训", "三是利用政务微信", "2020年，"].map(read), [
      ["paren", 4],
      ["paren", 2],
      ["arabic", 3],
      ["arabic", 12],
      ["ordinal", 3],
      undefined,
    ]);
  });
});
