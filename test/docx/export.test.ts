import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import JSZip from "jszip";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { checkText, formatById, renderReport, type ReportModel } from "../../server/src/core";
import { templateRows } from "../../server/src/core/templates";
import { exportDocx, importDocx } from "../../server/src/docx";
import { mergeCells } from "../../server/src/docx/merges";
import { CLEAN_2021, fillGuidance, replaceOnce } from "../helpers/mutate";

/** Export: the official Word layout, the round trip back through import, and the refusal of drafts with errors. */

/** What a report says: title, sections, prose and every table figure. */
const contents = (model: ReportModel) => ({
  title: model.title?.text,
  sections: model.sections.map((s) => s.spec.index),
  paragraphs: model.paragraphs.map((p) => p.text.trim()),
  tables: model.tables.map((t) => ({ id: t.spec.id, rows: t.rows.map((r) => [r.spec.id, ...r.cells.map((c) => c?.raw.trim())]) })),
});

async function exported(text: string): Promise<Uint8Array> {
  const result = await exportDocx(text);
  assert.ok(result.exported, "exported");
  return result.docx;
}

describe("export then import", () => {
  const drafts = {
    "a new 2019-format report (renderReport)": fillGuidance(renderReport({ year: 2020, organ: "某某市人民政府办公室" })),
    "a new 2021-format report (renderReport)": fillGuidance(renderReport({ year: 2023, organ: "某某县司法局" })),
    "a complete report with figures and prose": CLEAN_2021(),
  };
  for (const [name, text] of Object.entries(drafts)) {
    it(`gives back the same report, without findings: ${name}`, async () => {
      const original = checkText(text);
      assert.deepEqual(original.findings, [], "the draft itself is clean");
      const back = checkText((await importDocx(await exported(text))).text);
      assert.deepEqual(back.findings, []);
      assert.deepEqual(contents(back.model), contents(original.model));
    });
  }
});

describe("disable comments", () => {
  it("are left out of the Word document", async () => {
    const draft = renderReport({ year: 2023, organ: "某某县司法局" });
    const back = (await importDocx(await exported(`<!-- gov-report-disable template-placeholder -->\n${draft}`))).text;
    assert.ok(!back.includes("gov-report-disable"), back.slice(0, 200));
    assert.ok(back.startsWith("某某县司法局2023年政府信息公开工作年度报告"));
  });
});

describe("exportDocx refusal", () => {
  const broken = replaceOnce(CLEAN_2021(), "一、本年新收政府信息公开申请数量\t\t30", "一、本年新收政府信息公开申请数量\t\t31");

  it("refuses a draft with errors and lists them", async () => {
    const result = await exportDocx(broken);
    assert.equal(result.exported, false);
    const errors = checkText(broken).findings.filter((f) => f.severity === "error");
    assert.ok(errors.length > 0);
    assert.deepEqual(!result.exported && result.errors, errors);
  });

  it("exports it when forced, with the figure as written", async () => {
    const result = await exportDocx(broken, { force: true });
    assert.ok(result.exported);
    assert.match((await importDocx(result.docx)).text, /一、本年新收政府信息公开申请数量\t\t31\t/);
  });
});

/** The w:tc cells of a document part: text, columns spanned and vertical merge. */
function wordCells(xml: string) {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const cells = Array.from(doc.getElementsByTagName("w:tc")) as Element[];
  const val = (tc: Element, name: string) => (tc.getElementsByTagName(name)[0] as Element | undefined)?.getAttribute("w:val") ?? undefined;
  return cells.map((tc) => ({
    text: Array.from(tc.getElementsByTagName("w:t")).map((t) => t.textContent).join(""),
    gridSpan: Number(val(tc, "w:gridSpan") ?? 1),
    vMerge: tc.getElementsByTagName("w:vMerge").length ? (val(tc, "w:vMerge") ?? "continue") : undefined,
  }));
}

describe("the exported Word document", () => {
  let zip: JSZip;
  before(async () => {
    zip = await JSZip.loadAsync(await exported(CLEAN_2021()));
  });
  const part = (path: string) => zip.file(path)!.async("string");

  it("has the template's merged header cells as real Word merges", async () => {
    const cells = wordCells(await part("word/document.xml"));
    const find = (text: string) => cells.filter((c) => c.text === text);
    assert.deepEqual(find("法人或其他组织").map((c) => [c.gridSpan, c.vMerge]), [[5, undefined]]);
    assert.deepEqual(find("申请人情况").map((c) => [c.gridSpan, c.vMerge]), [[7, undefined]]);
    assert.deepEqual(find("自然人").map((c) => c.vMerge), ["restart"]);
    assert.deepEqual(find("行政诉讼").map((c) => c.gridSpan), [10]);
    assert.deepEqual(find("第二十条第（一）项").map((c) => c.gridSpan), [4]);
    // 本年处理决定数量 is the only figure column of its sub-table: it spans the three figure columns of table 二.
    assert.deepEqual(find("本年处理决定数量").map((c) => c.gridSpan), [3, 3]);
  });

  it("is A4 with the margins and fonts of government documents, each font with a fallback", async () => {
    const document = await part("word/document.xml");
    assert.match(document, /<w:pgSz w:w="11906" w:h="16838"/);
    const styles = await part("word/styles.xml");
    for (const font of ["方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312"]) assert.ok(styles.includes(`w:eastAsia="${font}"`), font);
    const fonts = await part("word/fontTable.xml");
    for (const [font, fallback] of [["方正小标宋简体", "宋体"], ["黑体", "SimHei"], ["楷体_GB2312", "楷体"], ["仿宋_GB2312", "仿宋"]]) {
      assert.ok(fonts.includes(`<w:font w:name="${font}"><w:altName w:val="${fallback}"/>`), font);
    }
  });
});

describe("mergeCells on the template grids (FORMATS.md §3–4)", () => {
  const merged = (format: "2019" | "2021", id: string) => {
    const spec = formatById(format).tables.find((t) => t.id === id)!;
    return mergeCells([...spec.header, ...templateRows(spec)], spec.header.length, spec.labelColumns)
      .filter((c) => c.rowSpan > 1 || c.columnSpan > 1)
      .map((c) => `${c.text.slice(0, 7)} ${c.rowSpan}×${c.columnSpan}`);
  };

  it("merges table 三's header and label columns as the official table does", () => {
    const common = ["（本列数据的勾 3×2", "申请人情况 1×7", "自然人 2×1", "法人或其他组织 1×5", "总计 2×1", "一、本年新收政 1×2", "二、上年结转政 1×2", "三、本年度办理 2×1", "（三）不予公开 8×1", "（四）无法提供 3×1", "（五）不予处理 5×1"];
    assert.deepEqual(merged("2019", "applications"), [...common, "（六）其他处理 1×2", "（七）总计 1×2", "四、结转下年度 1×2"]);
    assert.deepEqual(merged("2021", "applications"), [...common, "（六）其他处理 3×1", "（七）总计 1×2", "四、结转下年度 1×2"]);
  });

  it("merges table 四's header: the outcomes of 行政复议 over two rows, the groups over their columns", () => {
    assert.deepEqual(merged("2021", "review"), ["行政复议 1×5", "行政诉讼 1×10", "结果维持 2×1", "结果纠正 2×1", "其他结果 2×1", "尚未审结 2×1", "总计 2×1", "未经复议直接起 1×5", "复议后起诉 1×5"]);
  });
});
