import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import { importDocx } from "../../server/src/docx";
import {
  CHECK_WORD_REQUEST,
  EXPORT_WORD_REQUEST,
  IMPORT_WORD_REQUEST,
  type CheckWordResult,
  type ExportWordResult,
  type ImportWordResult,
} from "../../server/src/server/wordProtocol";
import { tempDir } from "../helpers/cli";
import { CLEAN_2021 } from "../helpers/mutate";
import { reportText, Y2020, Y2021_WRONG_CARRYOVER } from "../fixtures/cross-year/reports";
import { wordReport } from "../docx/fixtures";
import { LspTestClient } from "./lspClient";

/** The Word requests of the language server (the client's Word commands are only UI over them), against the bundled server. */

let docx: Buffer;
before(async () => {
  docx = (await wordReport()).docx;
});

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

describe("govReport/importWord", () => {
  it("converts the .docx sent as base64 to the draft the docx module makes", async () => {
    const client = await LspTestClient.start();
    const result = await client.request<ImportWordResult>(IMPORT_WORD_REQUEST, { data: base64(docx) });
    assert.deepEqual(result, { text: (await importDocx(docx)).text });
  });

  it("reads a file: URI when no bytes are sent", async () => {
    const file = join(tempDir(), "report.docx");
    writeFileSync(file, docx);
    const client = await LspTestClient.start();
    const result = await client.request<ImportWordResult>(IMPORT_WORD_REQUEST, { uri: pathToFileURL(file).href });
    assert.equal(result.text, (await importDocx(docx)).text);
  });

  it("refuses a file that is not a Word document with a message in the session's locale", async () => {
    const data = base64(Buffer.from("不是 Word 文档"));
    const zh = await LspTestClient.start();
    await assert.rejects(zh.request(IMPORT_WORD_REQUEST, { data }), /^Error: 不是 Word 文档/);
    const en = await LspTestClient.start({ locale: "en" });
    await assert.rejects(en.request(IMPORT_WORD_REQUEST, { data }), (e: Error) => !/[\u4e00-\u9fff]/.test(e.message) && /Word/.test(e.message));
    await assert.rejects(en.request(IMPORT_WORD_REQUEST, {}), /data, or a file: uri/);
  });
});

describe("govReport/checkWord", () => {
  it("returns the draft and its findings, each message starting with the paragraph or the table cell in Word", async () => {
    const client = await LspTestClient.start();
    const result = await client.request<CheckWordResult>(CHECK_WORD_REQUEST, { data: base64(docx) });
    assert.equal(result.text, (await importDocx(docx)).text);
    const year = result.findings.find((f) => f.rule === "year-mismatch");
    assert.equal(year?.location, "第 2 段");
    assert.match(year!.message, /^第 2 段：统计期限（2021年）与标题年份（2022年）不一致/);
    const empty = result.findings.find((f) => f.location === "第 2 个表格第 6 行第 10 列");
    assert.match(empty!.message, /“（一）予以公开”的“总计”为空/);
    assert.ok(result.findings.every((f) => f.location && f.message.startsWith(`${f.location}：`)));
  });

  it("speaks English when the locale is en", async () => {
    const client = await LspTestClient.start({ locale: "en" });
    const result = await client.request<CheckWordResult>(CHECK_WORD_REQUEST, { data: base64(docx) });
    assert.ok(result.findings.some((f) => f.location === "table 2, row 6, column 10"));
  });

  it("applies the .govreportrc.json above the .docx", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".govreportrc.json"), JSON.stringify({ rules: { "year-mismatch": "off" } }));
    const uri = pathToFileURL(join(dir, "report.docx")).href;
    const client = await LspTestClient.start({ workspaceFolder: dir });
    const result = await client.request<CheckWordResult>(CHECK_WORD_REQUEST, { data: base64(docx), uri });
    assert.ok(!result.findings.some((f) => f.rule === "year-mismatch"));
    assert.ok(result.findings.length > 0);
  });

  it("compares the .docx with last year's report in the workspace", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "2020.txt"), reportText(Y2020));
    const wrong = join(dir, "2021.docx");
    const exported = await (await LspTestClient.start()).request<ExportWordResult>(EXPORT_WORD_REQUEST, { text: reportText(Y2021_WRONG_CARRYOVER), force: true });
    assert.ok(exported.exported);
    writeFileSync(wrong, Buffer.from(exported.data, "base64"));
    const client = await LspTestClient.start({ workspaceFolder: dir });
    const result = await client.request<CheckWordResult>(CHECK_WORD_REQUEST, { uri: pathToFileURL(wrong).href });
    assert.equal(result.findings.filter((f) => f.rule === "carryover-mismatch").length, 2);
  });
});

describe("govReport/exportWord", () => {
  it("exports a clean draft as a .docx that imports back to a clean report, with the finding counts", async () => {
    const client = await LspTestClient.start();
    const result = await client.request<ExportWordResult>(EXPORT_WORD_REQUEST, { text: CLEAN_2021() });
    assert.ok(result.exported);
    assert.equal(result.errors, 0);
    assert.equal(typeof result.year, "number");
    const back = await client.request<CheckWordResult>(CHECK_WORD_REQUEST, { data: result.data });
    assert.deepEqual(back.findings.filter((f) => f.severity === "error"), []);
  });

  it("refuses a draft with errors and lists them, localized; force exports it anyway", async () => {
    const { text } = await importDocx(docx);
    const client = await LspTestClient.start();
    const refused = await client.request<ExportWordResult>(EXPORT_WORD_REQUEST, { text });
    assert.equal(refused.exported, false);
    assert.ok(!refused.exported && refused.errors.length > 0 && refused.errors.every((f) => f.severity === "error"));
    assert.ok(!refused.exported && refused.errors.some((f) => f.rule === "balance-mismatch" && /“总计”列不平衡/.test(f.message)));
    const forced = await client.request<ExportWordResult>(EXPORT_WORD_REQUEST, { text, force: true });
    assert.ok(forced.exported && forced.errors > 0);
    assert.equal(Buffer.from(forced.exported ? forced.data : "", "base64").subarray(0, 2).toString(), "PK");
  });
});
