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
  it("a year typed with too many digits", () => {
    const text = replaceOnce(CLEAN_2021(), "至2023年12月31日止", "至202320年12月31日止");
    const [f] = findingsOf(text, "year-mismatch");
    assert.match(f.message.zh, /年份“202320”多写了数字/);
  });
  it("the report published, in its own words, before the year it reports on ended", () => {
    const said = (s: string) => replaceOnce(CLEAN_2021(), "本年度未收取信息处理费。", s);
    assert.match(findingsOf(said("本报告于2023年1月15日之前在门户网站向社会公布。本年度未收取信息处理费。"), "year-mismatch")[0].message.zh, /于 2023 年公布/);
    assert.deepEqual(findingsOf(said("本报告于2024年1月15日之前在门户网站向社会公布。"), "year-mismatch"), []);
    assert.deepEqual(findingsOf(said("本报告的上一年度版本（2022年度）已于2023年1月15日向社会公布。"), "year-mismatch"), [], "another year named: last year's report");
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
  it("the 2019 notice cited beside the 2021 one is history, not a mistake", () => {
    const both = replaceOnce(CLEAN_2021(), "（国办公开办函〔2021〕30号）", "（国办公开办函〔2021〕30号，此前为国办公开办函〔2019〕60号）");
    assert.deepEqual(findingsOf(both, "citation-number"), []);
  });
  it("a wrong number inside a long opening sentence with half-width punctuation", () => {
    const text = replaceOnce(CLEAN_2021(), "（国办公开办函〔2021〕30号）要求编制。", "(国办发〔2021〕30号),结合本局工作实际,编制本报告,全文包括总体情况、主动公开政府信息情况等六个部分,数据统计期限为2023年1月1日至2023年12月31日.");
    assert.equal(findingsOf(text, "citation-number").length, 1);
  });
  it("the 2019 notice named without a number as the basis of a 2023 report", () => {
    const opening = (notice: string) => replaceOnce(CLEAN_2021(), /《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）/, notice);
    const [f] = findingsOf(opening("《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》"), "citation-number");
    assert.match(f.message.zh, /2023 年的报告应依据 国办公开办函〔2021〕30号 印发的格式/);
    assert.deepEqual(findingsOf(opening("《…年度报告格式（试行）》和《…年度报告格式》"), "citation-number"), [], "the 2021 format named too");
  });
  it("a notice's name paired with the other notice's number", () => {
    const text = replaceOnce(CLEAN_2021(), "年度报告格式〉的通知》（国办公开办函〔2021〕30号）", "年度报告格式（试行）〉的通知》（国办公开办函〔2021〕30号）");
    const [f] = findingsOf(text, "citation-number");
    assert.match(f.message.zh, /通知名称与文号不符.*国办公开办函〔2019〕60号/);
  });
  it("【2021】 and [2021] in a document number: the year belongs in 〔〕", () => {
    const text = replaceOnce(CLEAN_2021(), "本年度未收取信息处理费。", "按照示例市政府办公室《通知》（示政办发【2021】5号）和示环发[2022]3号要求，本年度未收取信息处理费。");
    const found = findingsOf(text, "citation-number");
    assert.deepEqual(found.map((f) => f.fixes[0].edits[0].newText), ["〔2021〕", "〔2022〕"]);
    const notice = findingsOf(replaceOnce(CLEAN_2021(), "国办公开办函〔2021〕30号", "国办公开办函【2021】30号"), "citation-number");
    assert.deepEqual(notice.map((f) => f.fixes[0].edits[0].newText), ["国办公开办函〔2021〕30号"], "one finding for the notice's number");
    assert.deepEqual(findingsOf(replaceOnce(CLEAN_2021(), "本年度未收取信息处理费。", "详见[2023]年度统计表。"), "citation-number"), []);
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
  it("a provincial or city government may, and its general office reports them", () => {
    for (const organ of ["示例省人民政府", "示例市人民政府", "示例省人民政府办公厅", "示例自治州人民政府办公室", "示例市政府办公室"])
      assert.equal(findingsOf(withRules(organ), "regulation-authority").length, 0, organ);
    assert.equal(findingsOf(withRules("示例县人民政府办公室"), "regulation-authority").length, 1, "a county's office");
  });
});
