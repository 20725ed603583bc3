import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import JSZip from "jszip";
import { checkText, type Finding } from "../../server/src/core";
import { describeWordLocation, DocxError, importDocx, type WordDraft } from "../../server/src/docx";
import { wordReport, type WordFixture } from "./fixtures";

/** Import: a Word report with merged cells in every table becomes a draft in which the core places every figure. */

let fixture: WordFixture;
let draft: WordDraft;
before(async () => {
  fixture = await wordReport();
  draft = await importDocx(fixture.docx);
});

describe("importDocx", () => {
  it("places every figure of tables 二, 三 and 四 in its template column", () => {
    const { model } = checkText(draft.text);
    assert.deepEqual(model.tables.map((t) => t.spec.id).sort(), [...fixture.expected.keys()].sort());
    for (const table of model.tables) {
      const expected = fixture.expected.get(table.spec.id)!;
      assert.deepEqual(table.missingRows, [], `${table.spec.id}: every row found`);
      for (const row of table.rows) {
        assert.equal(row.placement, "placed", `${table.spec.id} ${row.spec.id}`);
        assert.deepEqual(
          row.cells.map((c) => c?.raw),
          expected.get(row.spec.id),
          `${table.spec.id} ${row.spec.id}`,
        );
      }
    }
  });

  it("keeps paragraphs as paragraphs: a line break stays in its paragraph, empty paragraphs and deleted text are left out", () => {
    const lines = draft.text.split("\n");
    assert.deepEqual(lines.slice(0, 4), ["某某区人民政府办公室", "2022年政府信息公开工作年度报告", "", "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。"]);
    assert.ok(!draft.text.includes("已删除的文字"));
    assert.equal(checkText(draft.text).model.title?.text, "某某区人民政府办公室2022年政府信息公开工作年度报告");
  });

  it("names the paragraph, or the table, row and column, where a finding stands in Word", () => {
    const { findings } = checkText(draft.text);
    const where = (rule: string, messagePart: string) => {
      const f = findings.find((x: Finding) => x.rule === rule && x.message.zh.includes(messagePart));
      assert.ok(f, `a ${rule} finding about ${messagePart}`);
      return draft.locate(f.range.start);
    };
    assert.deepEqual(where("year-mismatch", "统计期限"), { paragraph: 2 });
    // Table 二's 规章 row is the second row; its 本年废止件数 is the fourth grid column (after the caption and the label).
    assert.deepEqual(where("table-cell-empty", "“规章”的“本年废止件数”"), { table: 1, row: 2, column: 4 });
    // Table 三 has three header rows and three label columns: （一）予以公开 is row 6, 总计 column 10.
    assert.deepEqual(where("table-cell-empty", "“（一）予以公开”的“总计”"), { table: 2, row: 6, column: 10 });
    assert.deepEqual(where("table-cell-empty", "“案件数量”的“尚未审结”"), { table: 3, row: 4, column: 4 });
    assert.deepEqual(describeWordLocation({ table: 2, row: 6, column: 10 }), { zh: "第 2 个表格第 6 行第 10 列", en: "table 2, row 6, column 10" });
    assert.deepEqual(describeWordLocation({ paragraph: 2 }), { zh: "第 2 段", en: "paragraph 2" });
  });
});

describe("importDocx on what is not a .docx", () => {
  const rejects = (data: Uint8Array, reason: RegExp) =>
    assert.rejects(importDocx(data), (e: unknown) => e instanceof DocxError && reason.test(e.message));

  it("says a text file is not a zip archive", () => rejects(Buffer.from("一、总体情况\n"), /不是 zip 压缩包.*not a zip archive/));

  it("says a zip archive without a Word main document is not a .docx", async () => {
    const zip = new JSZip().file("notes.txt", "hello");
    await rejects(await zip.generateAsync({ type: "uint8array" }), /没有 Word 正文/);
  });

  it("recognises an old .doc (or encrypted) file", () => rejects(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /\.doc/));

  it("says which part of a damaged document is malformed", async () => {
    const zip = await JSZip.loadAsync(fixture.docx);
    zip.file("word/document.xml", "<w:document><w:body><w:p>");
    await rejects(await zip.generateAsync({ type: "uint8array" }), /word\/document\.xml 不是有效的 XML/);
  });

  it("says a truncated archive is damaged", () => rejects(fixture.docx.subarray(0, 2000), /已损坏|damaged/));
});
