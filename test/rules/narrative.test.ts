import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findBreakdowns, findCounts } from "../../server/src/core/narrative";
import { CLEAN_2021, findingsOf, replaceOnce } from "../helpers/mutate";

/** Figures in the prose: breakdowns, counts against the tables, percentages. */

const OVERVIEW = "全年主动公开政府信息1256条，其中政策文件86条、工作动态1024条、其他信息146条。";
const withOverview = (sentence: string) => replaceOnce(CLEAN_2021(), OVERVIEW, sentence);

describe("reading counts", () => {
  it("reads digits and Chinese numerals with units, not article numbers or durations", () => {
    const counts = findCounts("收到申请十二件，两件已办结，依据第二十条，20个工作日内答复3次。");
    assert.deepEqual(counts.map((c) => [c.value, c.unit]), [[12, "件"], [2, "件"], [3, "次"]]);
  });
  it("reads a nested 其中 list with its parent", () => {
    const [b] = findBreakdowns("共公开信息346条，其中：网站公开50条，政务微信公开296条（其中：转载247条，原创49条）。");
    assert.deepEqual([b.total.value, b.parts.map((p) => p.value), b.nested[0].total.value, b.nested[0].parts.map((p) => p.value)], [346, [50, 296], 296, [247, 49]]);
  });
});

describe("narrative-sum-mismatch", () => {
  it("parts that exceed the total are an error", () => {
    const [f] = findingsOf(withOverview("全年主动公开政府信息1256条，其中政策文件86条、工作动态1224条。"), "narrative-sum-mismatch");
    assert.equal(f.severity, "error");
  });
  it("a shortfall is a warning only when the list is exhaustive", () => {
    assert.equal(findingsOf(withOverview("全年主动公开政府信息1256条，其中政策文件86条、工作动态1000条、其他信息146条。"), "narrative-sum-mismatch")[0].severity, "warning");
    assert.equal(findingsOf(withOverview("全年主动公开政府信息1256条，其中政策文件86条、工作动态1000条等。"), "narrative-sum-mismatch").length, 0);
  });
  it("a total in the previous sentence (…296 条。其中，…) and a nested list that adds up", () => {
    assert.equal(findingsOf(withOverview("主动公开政府信息 296 条。其中，专栏公开 119 条，微信公开 177 条。"), "narrative-sum-mismatch").length, 0);
    assert.equal(findingsOf(withOverview("主动公开政府信息 296 条。其中，专栏公开 119 条，微信公开 187 条。"), "narrative-sum-mismatch").length, 1);
    const nested = withOverview("主动公开信息346条，其中：网站公开50条，微信公开296条（其中：转载247条，原创59条）。");
    assert.deepEqual(findingsOf(nested, "narrative-sum-mismatch").map((f) => f.message.zh), ["分项之和 247 + 59 = 306条，超过总数 296条"]);
  });
  it("stops the list at a new aggregate (均…)", () => {
    assert.equal(findingsOf(withOverview("共收到申请5件，其中网络申请2件、信件申请3件，均已按时办结5件。"), "narrative-sum-mismatch").length, 0);
  });
});

describe("narrative-sum-mismatch: the ways a list is written", () => {
  const sum = (sentence: string) => findingsOf(withOverview(sentence), "narrative-sum-mismatch").map((f) => `${f.severity}: ${f.message.zh}`);
  it("包括 with a colon, half-width commas, a space before the unit", () => {
    assert.deepEqual(sum("全年共计发布信息1256 条,包括:政策文件86 条,工作动态1024 条,其他信息150 条。"), ["error: 分项之和 86 + 1024 + 150 = 1260条，超过总数 1256条"]);
    assert.deepEqual(sum("全年共计发布信息1256 条,包括:政策文件86 条,工作动态1024 条,其他信息146 条。"), []);
  });
  it("parts separated by ；", () => {
    assert.equal(sum("全年主动公开信息1256条，其中政策文件86条；工作动态1024条；其他信息150条。").length, 1);
  });
  it("an approximate part (200余篇) is at least its number; a nested list inside it is read with it", () => {
    assert.deepEqual(sum("全年共发布信息1256条，其中政务动态800余篇（其中图片新闻50条、视频20条）、通知公告473篇、其他信息65条。"), [
      "error: 分项之和 800余 + 473 + 65 ≥ 1338条，超过总数 1256条",
    ]);
    assert.deepEqual(sum("全年共发布信息1256条，其中政务动态700余篇（其中图片新闻50条、视频20条）、通知公告473篇、其他信息65条。"), [], "700余 + 473 + 65 may be 1256");
  });
  it("a catch-all ending (…等其他信息共计N条) makes the list exhaustive", () => {
    assert.deepEqual(sum("全年主动公开信息1256条，其中政策文件86条、工作动态1024条、通知公告等其他信息共计140条。"), ["warning: 分项之和 86 + 1024 + 140 = 1250条，少于总数 1256条"]);
    assert.deepEqual(sum("全年主动公开信息1256条，其中政策文件86条、工作动态1024条、通知公告等其他信息共计146条。"), []);
  });
  it("false alarms avoided: a part in another unit, a change beside the total, a 其中 after two totals", () => {
    assert.deepEqual(sum("全年主动公开信息1256条，其中政策文件86件、工作动态1024条、其他信息146条。"), [], "86件 is no part of 1256条: the list is not exhaustive");
    assert.deepEqual(sum("发布信息1256条（较上年增加56条），其中政策文件86条、工作动态1024条、其他信息146条。"), []);
    assert.deepEqual(sum("共收到申请37件，办结36件，其中予以公开20件、部分公开5件、其他处理11件。"), [], "the parts add up to 办结36件");
    assert.deepEqual(sum("本年新收申请20件，上年结转2件，其中予以公开15件、部分公开3件、不予公开4件。"), [], "the parts may cover both totals");
  });
});

describe("narrative-table-mismatch", () => {
  it("a count in the text that contradicts the table", () => {
    const text = replaceOnce(CLEAN_2021(), "本年新收政府信息公开申请37件", "本年新收政府信息公开申请39件");
    const [f] = findingsOf(text, "narrative-table-mismatch");
    assert.match(f.message.zh, /39件，统计表中为 37/);
    assert.equal(text.split("\n")[f.range.start.line].slice(f.range.start.character, f.range.end.character), "39");
  });
  it("counts that agree, and statements it cannot tie to a cell, stay silent", () => {
    assert.deepEqual(findingsOf(CLEAN_2021(), "narrative-table-mismatch"), []);
    assert.equal(findingsOf(replaceOnce(CLEAN_2021(), "予以公开20件", "同意公开21件"), "narrative-table-mismatch").length, 0);
  });
  it("均获维持 while cases are pending", () => {
    const text = replaceOnce(CLEAN_2021(), "被提起行政诉讼1件。", "被提起行政诉讼1件，均获维持。");
    assert.equal(findingsOf(text, "narrative-table-mismatch").length, 1);
  });
  it("review cases in the text against table 四", () => {
    const text = replaceOnce(CLEAN_2021(), "被申请行政复议2件", "被申请行政复议3件");
    assert.match(findingsOf(text, "narrative-table-mismatch")[0].message.zh, /行政复议”3件，统计表中为 2/);
  });
});

describe("percentage-mismatch", () => {
  it("recomputes 占 percentages to the printed precision", () => {
    assert.equal(findingsOf(withOverview("全年主动公开政府信息805条，其中政策解读258条，占33.9%。"), "percentage-mismatch").length, 1);
    assert.equal(findingsOf(withOverview("全年主动公开政府信息805条，其中政策解读258条，占32.0%。"), "percentage-mismatch").length, 0);
    assert.equal(findingsOf(withOverview("全年主动公开政府信息805条，其中政策解读258条，占32%。"), "percentage-mismatch").length, 0);
  });
  it("a share of a whole stated in the sentence before; the base is the total the part belongs to", () => {
    assert.match(findingsOf(withOverview("全年主动公开信息1256条。其中政策文件86条，占6.9%。"), "percentage-mismatch")[0].message.zh, /86 \/ 1256 = 6.8%/);
    assert.equal(findingsOf(withOverview("全年主动公开信息1256条。其中政策文件86条，占6.8%，工作动态1024条，占81.5%。"), "percentage-mismatch").length, 0);
    assert.equal(findingsOf(withOverview("全年答复申请50条，办结48条，其中公开30条，占62.5%。"), "percentage-mismatch").length, 0, "30 of 办结48, not of 50");
    assert.equal(findingsOf(withOverview("全年主动公开信息1256条，其中政策文件86条、其他信息146条，政策文件占全部信息的6.8%。"), "percentage-mismatch").length, 0, "the share names another part");
  });
  it("recomputes a rate beside exactly two counts", () => {
    assert.equal(findingsOf(withOverview("共答复申请 5 件，按时办结 4 件，按时办结率 100%。"), "percentage-mismatch").length, 1);
    assert.equal(findingsOf(withOverview("共答复申请 5 件，按时办结 5 件，按时办结率 100%。"), "percentage-mismatch").length, 0);
  });
});
