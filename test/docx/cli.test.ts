import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import JSZip from "jszip";
import { importDocx } from "../../server/src/docx";
import { runCli, tempDir } from "../helpers/cli";
import { CLEAN_2021, replaceOnce } from "../helpers/mutate";
import { wordReport } from "./fixtures";

/** gov-report check / import / export on Word files (the bundled CLI: `npm test` builds it first). */

const dir = tempDir();
const report = join(dir, "report.docx");
before(async () => writeFileSync(report, (await wordReport()).docx));

describe("gov-report check report.docx", () => {
  it("names the paragraph, or the table, row and column, of each finding", () => {
    const r = runCli(["check", report]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /第 2 段\s+\S+\s+统计期限（2021年）与标题年份（2022年）不一致/);
    assert.match(r.stdout, /第 2 个表格第 6 行第 10 列\s+\S+\s+“（一）予以公开”的“总计”为空/);
    assert.match(runCli(["check", "--locale", "en", report]).stdout, /table 2, row 6, column 10/);
  });

  it("adds the Word location to each JSON diagnostic", () => {
    const [result] = JSON.parse(runCli(["check", "--format", "json", report]).stdout);
    const year = result.diagnostics.find((d: { rule: string }) => d.rule === "year-mismatch");
    assert.deepEqual(year.word, { paragraph: 2 });
    assert.ok(result.diagnostics.every((d: { word?: object }) => d.word), "every diagnostic has its Word location");
  });
});

describe("gov-report import", () => {
  it("writes the draft with -o, or prints it", async () => {
    const expected = (await importDocx(readFileSync(report))).text;
    const out = join(dir, "draft.txt");
    assert.equal(runCli(["import", report, "-o", out]).status, 0);
    assert.equal(readFileSync(out, "utf8"), expected);
    assert.equal(runCli(["import", report]).stdout, expected);
  });
});

describe("gov-report export", () => {
  it("exports a clean draft next to it, and the result checks clean", () => {
    const draft = join(dir, "clean.txt");
    writeFileSync(draft, CLEAN_2021());
    const r = runCli(["export", draft]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(runCli(["check", join(dir, "clean.docx")]).status, 0);
  });

  it("refuses a draft with errors (exit 1, the errors listed, nothing written) unless --force", () => {
    const draft = join(dir, "broken.txt");
    const out = join(dir, "broken.docx");
    writeFileSync(draft, replaceOnce(CLEAN_2021(), "一、本年新收政府信息公开申请数量\t\t30", "一、本年新收政府信息公开申请数量\t\t31"));
    const refused = runCli(["export", draft, "-o", out]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /total-row-mismatch/);
    assert.match(refused.stderr, /未导出/);
    assert.ok(!existsSync(out));
    const forced = runCli(["export", draft, "-o", out, "--force"]);
    assert.equal(forced.status, 0, forced.stderr);
    assert.ok(existsSync(out));
  });
});

describe("Word commands on what is not a .docx", () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
    ["a text file", () => Buffer.from("一、总体情况\n"), /不是 zip 压缩包/],
    ["a zip archive that is not a .docx", () => new JSZip().file("a.txt", "x").generateAsync({ type: "uint8array" }), /没有 Word 正文/],
    ["a truncated .docx", () => readFileSync(report).subarray(0, 1500), /已损坏/],
  ];
  for (const [name, content, reason] of cases) {
    it(`exits 2 with the reason for ${name}`, async () => {
      const file = join(dir, `bad-${name.length}.docx`);
      writeFileSync(file, await content());
      for (const command of ["import", "check"]) {
        const r = runCli([command, file]);
        assert.equal(r.status, 2, command);
        assert.match(r.stderr, reason, command);
      }
    });
  }

  it("exits 2 for a missing file", () => {
    assert.equal(runCli(["import", join(dir, "missing.docx")]).status, 2);
  });
});
