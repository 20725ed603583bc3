import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkText, fixAll, readConfig } from "../../server/src/core";
import { CLEAN_2021, findingsOf, replaceOnce } from "../helpers/mutate";
import { EXAMPLES_DIR, SAMPLES_DIR } from "../helpers/samples";

/** What a reviewing office checks beyond arithmetic: deadline, coverage, fees, claims of all or none, introduction, typing slips. */

const REVIEW_RULES = ["publication-deadline", "content-coverage", "fee-consistency", "preamble", "repeated-text"];
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "real-reports");
const fixture = (name: string) => readFileSync(join(FIXTURES, "review", name), "utf8");
const messages = (text: string, rule: string) => findingsOf(text, rule).map((f) => f.message.zh);

const retitled = (organ: string) => replaceOnce(CLEAN_2021(), /^示例市生态环境局2023年/, `${organ}2023年`);
const dated = (text: string, date: string) => replaceOnce(text, /2024年1月20日\s*$/, `${date}\n`);

describe("publication-deadline", () => {
  it("holds a department to 31 January and a county-or-higher government to 31 March", () => {
    assert.deepEqual(messages(dated(CLEAN_2021(), "2024年1月31日"), "publication-deadline"), []);
    assert.deepEqual(messages(dated(CLEAN_2021(), "2024年2月1日"), "publication-deadline"), [
      "发布日期 2024年2月1日 晚于公布期限 2024年1月31日（政府部门的年度报告）",
    ]);
    assert.equal(findingsOf(dated(retitled("示例市人民政府"), "2024年3月31日"), "publication-deadline").length, 0);
    assert.equal(findingsOf(dated(retitled("示例县人民政府"), "2024年4月1日"), "publication-deadline").length, 1);
  });
  it("holds a township or sub-district to 31 January; leaves a 管委会 alone", () => {
    assert.equal(findingsOf(dated(retitled("示例县某某镇人民政府"), "2024年2月10日"), "publication-deadline").length, 1);
    assert.equal(findingsOf(dated(retitled("示例区某某街道办事处"), "2024年2月10日"), "publication-deadline").length, 1);
    assert.equal(findingsOf(dated(retitled("示例经济开发区管理委员会"), "2024年6月10日"), "publication-deadline").length, 0);
  });
  it("reads a date the text states when no date line closes the report", () => {
    const text = replaceOnce(CLEAN_2021(), /示例市生态环境局\s*2024年1月20日\s*$/, "本报告于2024年2月18日在本局网站发布。\n");
    assert.equal(findingsOf(text, "publication-deadline").length, 1);
  });
  it("no date, or a date in another year than the next, gives no finding", () => {
    assert.equal(findingsOf(replaceOnce(CLEAN_2021(), /2024年1月20日\s*$/, "\n"), "publication-deadline").length, 0);
    assert.equal(findingsOf(dated(CLEAN_2021(), "2026年5月1日"), "publication-deadline").length, 0);
  });
  it(".govreportrc.json \"deadline\" overrides the organ's level", () => {
    const { config, problems } = readConfig({ deadline: "01-15" });
    assert.deepEqual(problems, []);
    assert.equal(checkText(dated(CLEAN_2021(), "2024年1月18日"), { config }).findings.filter((f) => f.rule === "publication-deadline").length, 1);
    const lenient = readConfig({ deadline: "02-28" }).config;
    assert.equal(checkText(dated(CLEAN_2021(), "2024年2月18日"), { config: lenient }).findings.filter((f) => f.rule === "publication-deadline").length, 0);
    // A deadline is a day some year has.
    for (const wrong of ["1-31", "13-01", "02-30", 131]) assert.equal(readConfig({ deadline: wrong }).problems.length, 1, String(wrong));
  });
});

describe("content-coverage", () => {
  it("one finding per topic section 一 leaves out, on its heading", () => {
    const text = fixture("07-2023-overview-without-management.txt");
    const found = findingsOf(text, "content-coverage");
    assert.deepEqual(found.map((f) => [f.range.start.line + 1, f.message.zh]), [[5, "“总体情况”未涉及政府信息管理"]]);
  });
  it("asks appraisal and accountability of a government's report, not of a department's", () => {
    assert.equal(findingsOf(fixture("08-2023-township-without-accountability.txt"), "content-coverage").length, 1);
    assert.equal(findingsOf(fixture("09-2023-department-without-accountability.txt"), "content-coverage").length, 0);
  });
  it("section 五 written as only 无 or left empty", () => {
    assert.equal(findingsOf(fixture("10-2023-problems-none.txt"), "content-coverage").length, 1);
    const empty = fixture("10-2023-problems-none.txt").replace("\n无。\n", "\n");
    assert.equal(findingsOf(empty, "content-coverage").length, 1);
    const underHeadings = fixture("10-2023-problems-none.txt").replace("\n无。\n", "\n（一）存在的主要问题\n\n无\n\n（二）改进措施\n\n无\n");
    assert.equal(findingsOf(underHeadings, "content-coverage").length, 1);
    const numberedProblems = fixture("10-2023-problems-none.txt").replace("\n无。\n", "\n（一）政策解读形式单一，图解偏少。\n\n（二）栏目更新不够及时。\n");
    assert.equal(findingsOf(numberedProblems, "content-coverage").length, 0);
  });
  it("a short section 一 (a stub) is not judged", () => {
    const stub = replaceOnce(fixture("07-2023-overview-without-management.txt"), /一、总体情况\n[\s\S]*?\n二、/, "一、总体情况\n\n本年度依法做好主动公开工作。\n\n二、");
    assert.equal(findingsOf(stub, "content-coverage").length, 0);
  });
});

describe("fee-consistency", () => {
  it("section 六 silent on the fee is told so (info)", () => {
    const [f] = findingsOf(fixture("11-2023-fee-not-mentioned.txt"), "fee-consistency");
    assert.equal(f.severity, "info");
  });
  it("a fee above 0 with no application is a warning; with applications, or 0 元, silent", () => {
    const [f] = findingsOf(fixture("12-2023-fee-without-applications.txt"), "fee-consistency");
    assert.equal(f.severity, "warning");
    assert.equal(findingsOf(fixture("13-2023-fee-with-applications.txt"), "fee-consistency").length, 0);
    const zero = fixture("12-2023-fee-without-applications.txt").replace("共计120元", "共计0元");
    assert.equal(findingsOf(zero, "fee-consistency").length, 0);
    const none = fixture("12-2023-fee-without-applications.txt").replace("本年度按照标准收取信息处理费共计120元", "本年度未收取信息处理费，金额为0元");
    assert.equal(findingsOf(none, "fee-consistency").length, 0);
  });
});

describe("narrative-table-mismatch: claims of all or none", () => {
  const claims = (name: string) => messages(fixture(name), "narrative-table-mismatch");
  it("均已办结 against 结转下年度, 未收到申请 against 本年新收, 未发生行政复议 against table 四", () => {
    assert.deepEqual(claims("14-2023-all-handled-carried-forward.txt"), ["正文称“均已办结”，但表三“四、结转下年度继续办理”总计为 1"]);
    assert.deepEqual(claims("15-2023-none-received-table-has.txt"), ["正文称“未收到政府信息公开申请”，但表三“一、本年新收政府信息公开申请数量”总计为 2"]);
    assert.deepEqual(claims("16-2023-no-review-table-has.txt"), ["正文称“未发生行政复议”，但表四中相应案件总计为 1 件"]);
  });
  it("claims the tables bear out, about one channel, or with an exception stated, are silent", () => {
    assert.deepEqual(claims("17-2023-claims-that-hold.txt"), []);
    const except = fixture("14-2023-all-handled-carried-forward.txt").replace("本年度收到的政府信息公开申请均已办结", "本年度收到的政府信息公开申请除1件结转下年度外，其余均已办结");
    assert.deepEqual(messages(except, "narrative-table-mismatch"), []);
  });
});

describe("preamble", () => {
  it("an empty address in the download sentence, a missing period, another year's period", () => {
    assert.deepEqual(messages(fixture("18-2023-empty-download-address.txt"), "preamble"), ["报告的网址为空：括号内应写明查阅或下载的网址"]);
    assert.deepEqual(messages(fixture("19-2023-introduction-without-period.txt"), "preamble"), ["引言未写明数据的统计期限"]);
    assert.deepEqual(messages(fixture("20-2023-introduction-other-year.txt"), "preamble"), ["引言所写统计期限为 2022 年，报告年份为 2023 年"]);
  });
  it("no contact anywhere is a hint; a report without an introduction is not judged", () => {
    const text = fixture("01-2023-department-complete.txt").replace(/对报告内容如有疑问[^。]*。/, "");
    const found = findingsOf(text, "preamble");
    assert.deepEqual(found.map((f) => f.severity), ["hint"]);
    assert.deepEqual(messages(fixture("21-2023-no-introduction.txt"), "preamble"), []);
  });
});

describe("repeated-text", () => {
  it("a word typed twice, and a line's half-width commas as one finding, as hints", () => {
    const found = findingsOf(fixture("22-2023-repeated-words-halfwidth.txt"), "repeated-text");
    assert.deepEqual(found.map((f) => f.message.zh), [
      "“事项”连续写了两遍",
      "本行中文之间有 2 处半角“,”，应为全角“，”",
      "“台账”连续写了两遍",
    ]);
    assert.ok(found.every((f) => f.severity === "hint"));
  });
  it("fix-all makes the commas full-width and leaves the repeats to the writer", () => {
    const { text } = fixAll(fixture("22-2023-repeated-words-halfwidth.txt"));
    assert.ok(text.includes("按照登记，审核，答复的流程办理"));
    assert.ok(text.includes("事项事项"));
  });
  it("the offered fix deletes the second copy only", () => {
    const [f] = findingsOf(fixture("22-2023-repeated-words-halfwidth.txt"), "repeated-text");
    assert.deepEqual([f.fixes[0].safe, f.fixes[0].edits[0].newText, f.fixes[0].edits[0].range.end.character - f.fixes[0].edits[0].range.start.character], [false, "", 2]);
  });
  it("legitimate repeats are silent: 常常 人人 一一, numerals, 研究研究, 规范规范性文件, 人民政府政府信息公开", () => {
    for (const s of ["常常更新，人人知晓，一一核对", "第一第一", "十二十二", "请大家研究研究", "规范规范性文件发布流程", "某镇人民政府政府信息公开工作", "学习学习强国平台的文章", "时间10:30，网址http://a.b"]) {
      assert.deepEqual(messages(replaceOnce(CLEAN_2021(), "2023年政务公开工作要点", `${s}。2023年政务公开工作要点`), "repeated-text"), [], s);
    }
  });
});

describe("the samples, the examples and every fixture that expects no finding", () => {
  /** The files of each fixture folder whose expected.json names no finding they must have, the samples and the examples. */
  function cleanFiles(): { name: string; text: string }[] {
    const out: { name: string; text: string }[] = [];
    for (const folder of readdirSync(FIXTURES)) {
      const expected = JSON.parse(readFileSync(join(FIXTURES, folder, "expected.json"), "utf8"));
      for (const [name, spec] of Object.entries<{ must?: unknown[] }>(expected.files))
        if (!spec.must?.length) out.push({ name: `${folder}/${name}`, text: readFileSync(join(FIXTURES, folder, name), "utf8") });
    }
    for (const dir of [SAMPLES_DIR, EXAMPLES_DIR])
      for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt"))) out.push({ name, text: readFileSync(join(dir, name), "utf8") });
    return out;
  }
  it("gets no finding above hint from the review rules", () => {
    const files = cleanFiles();
    assert.ok(files.length > 30);
    for (const { name, text } of files) {
      const loud = checkText(text).findings.filter((f) => REVIEW_RULES.includes(f.rule) && f.severity !== "hint");
      assert.deepEqual(loud.map((f) => `${f.rule}@${f.range.start.line + 1}`), [], name);
    }
  });
});
