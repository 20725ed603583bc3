import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { checkModel, formatById, parse, renderReportHtml } from "../../server/src/core";
import { mergeHeader } from "../../server/src/core/render";
import { reportText, Y2020, Y2021_WRONG_CARRYOVER } from "../fixtures/cross-year/reports";

/** The report rendered as published: merged headers from the format data, outlined cells, escaped text. */

const spans = (grid: string[][]) => mergeHeader(grid).map((row) => row.map((c) => [c.text, c.colspan, c.rowspan]));
const table = (id: string) => formatById("2021").tables.find((t) => t.id === id)!;

describe("mergeHeader", () => {
  it("merges table 三's three header rows as the official table does", () => {
    assert.deepEqual(spans(table("applications").header), [
      [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 2, 3], ["申请人情况", 7, 1]],
      [["自然人", 1, 2], ["法人或其他组织", 5, 1], ["总计", 1, 2]],
      [["商业企业", 1, 1], ["科研机构", 1, 1], ["社会公益组织", 1, 1], ["法律服务机构", 1, 1], ["其他", 1, 1]],
    ]);
  });
  it("merges table 四's groups over their five columns", () => {
    const [top, middle, bottom] = spans(table("review").header);
    assert.deepEqual(top, [["行政复议", 5, 1], ["行政诉讼", 10, 1]]);
    assert.deepEqual(middle.map((c) => c.join("/")), ["结果维持/1/2", "结果纠正/1/2", "其他结果/1/2", "尚未审结/1/2", "总计/1/2", "未经复议直接起诉/5/1", "复议后起诉/5/1"]);
    assert.equal(bottom.length, 10);
  });
  it("spans a sub-table's caption over its columns", () => {
    assert.deepEqual(spans(table("active-一").header)[0], [["第二十条第（一）项", 4, 1]]);
  });
});

describe("renderReportHtml", () => {
  const text = reportText({ ...Y2021_WRONG_CARRYOVER, overview: "本年度<b>公开</b>“信息” & 数据。" });
  const model = parse(text);
  const previous = parse(reportText(Y2020));
  const html = renderReportHtml(model, checkModel(model, { previous }), "zh-cn");
  const doc = new DOMParser().parseFromString(`<html><body>${html}</body></html>`, "text/html");
  const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
  const cls = (e: Element) => (e.getAttribute("class") ?? "").split(" ");

  it("renders the title, the six headings and the paragraphs with their source lines", () => {
    assert.equal(all("h1")[0].textContent, "示例县人民政府办公室2021年政府信息公开工作年度报告");
    assert.deepEqual(all("h2").map((h) => h.textContent?.slice(0, 2)), ["一、", "二、", "三、", "四、", "五、", "六、"]);
    for (const h of all("h2")) assert.equal(text.split("\n")[Number(h.getAttribute("data-line"))], h.textContent);
  });
  it("escapes the document's text", () => {
    const p = all("p").find((e) => (e.textContent ?? "").startsWith("本年度"))!;
    assert.equal(p.textContent, "本年度<b>公开</b>“信息” & 数据。");
    assert.equal(p.getElementsByTagName("b").length, 0);
  });
  it("renders every table with its header rows and one body row per row of the draft", () => {
    const tables = all("table");
    assert.deepEqual(tables.map((t) => t.getAttribute("data-table")), ["active-一", "active-五", "active-六", "active-八", "applications", "review"]);
    const t3 = tables[4];
    assert.equal(t3.getElementsByTagName("thead")[0].getElementsByTagName("tr").length, 3);
    assert.equal(t3.getElementsByTagName("tbody")[0].getElementsByTagName("tr").length, model.tables.find((t) => t.spec.id === "applications")!.rows.length);
  });
  it("outlines each cell with a finding, its message on hover", () => {
    const outlined = all("td").filter((td) => cls(td).includes("gr-finding"));
    assert.deepEqual(outlined.map((td) => [(td.parentNode as Element).getAttribute("data-row"), td.getAttribute("data-column"), td.textContent]), [
      ["carried", "natural", "2"],
      ["carried", "total", "3"],
    ]);
    assert.ok(cls(outlined[0]).includes("gr-error"));
    assert.match(outlined[0].getAttribute("title")!, /上年结转 2 件，但2020年度报告的“结转下年度继续办理”为 1 件/);
    assert.equal(outlined[0].getAttribute("data-rules"), "carryover-mismatch");
  });
  it("leaves out the disable comments, as the published report does", () => {
    const commented = parse(`<!-- gov-report-disable carryover-mismatch -->\n${text}`);
    assert.doesNotMatch(renderReportHtml(commented, [], "zh-cn"), /gov-report-disable/);
  });
  it("prints no caption the format does not have: table 三 stands under its section's heading alone, in either locale", () => {
    assert.equal(all("caption").length, 0);
    const english = renderReportHtml(model, [], "en");
    assert.doesNotMatch(english, /<caption|Applications received/);
    assert.equal(html.match(/收到和处理政府信息公开申请情况/g)?.length, 1);
  });
});
