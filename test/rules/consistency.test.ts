import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CLEAN_2021, findingsOf, replaceOnce } from "../helpers/mutate";

/** Years, citations and the authority to make 规章. */

describe("year-mismatch", () => {
  it("a statistics period of another year than the title", () => {
    const text = replaceOnce(CLEAN_2021(), "自2023年1月1日起至2023年12月31日止", "自2022年1月1日起至2022年12月31日止");
    assert.equal(findingsOf(text, "year-mismatch").length, 1);
  });
  it("a publication date before the report year ends", () => {
    const text = replaceOnce(CLEAN_2021(), "2024年1月20日", "2023年12月20日");
    assert.match(findingsOf(text, "year-mismatch")[0].message.zh, /早于报告年度/);
  });
  it("section 一 describing another year (last year's text copied over)", () => {
    const text = replaceOnce(
      CLEAN_2021(),
      /2023年，示例市生态环境局认真贯彻落实/,
      "2022年，本局按照2022年政务公开工作要点，对照2022年度考核要求，认真贯彻落实",
    );
    assert.ok(findingsOf(text, "year-mismatch").some((f) => f.message.zh.includes("叙述的是 2022 年")));
  });
  it("silent on a consistent report", () => assert.deepEqual(findingsOf(CLEAN_2021(), "year-mismatch"), []));
});

describe("citation-number", () => {
  it("国办发〔2021〕30号 → 国办公开办函〔2021〕30号", () => {
    const [f] = findingsOf(replaceOnce(CLEAN_2021(), "国办公开办函〔2021〕30号", "国办发〔2021〕30号"), "citation-number");
    assert.equal(f.fixes[0].edits[0].newText, "国办公开办函〔2021〕30号");
  });
  it("the 2019 notice cited in a 2023 report", () => {
    const [f] = findingsOf(replaceOnce(CLEAN_2021(), "国办公开办函〔2021〕30号", "国办公开办函〔2019〕60号"), "citation-number");
    assert.match(f.message.zh, /2023 年的报告应依据 国办公开办函〔2021〕30号/);
  });
  it("other documents are left alone", () => {
    assert.equal(findingsOf(replaceOnce(CLEAN_2021(), "本年度未收取信息处理费。", "按国办函〔2020〕109号，本年度未收取信息处理费。"), "citation-number").length, 0);
  });
});

describe("regulation-authority", () => {
  const withRules = (organ: string) =>
    replaceOnce(CLEAN_2021().replace(/示例市生态环境局/g, organ), "规章\t0\t0\t0", "规章\t2\t0\t2");
  it("a department, a county and a township cannot make 规章", () => {
    for (const organ of ["示例市生态环境局", "示例县人民政府", "示例镇人民政府"]) assert.equal(findingsOf(withRules(organ), "regulation-authority").length, 1, organ);
  });
  it("a provincial or city government may", () => {
    for (const organ of ["示例省人民政府", "示例市人民政府"]) assert.equal(findingsOf(withRules(organ), "regulation-authority").length, 0, organ);
  });
});
