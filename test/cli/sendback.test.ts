import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { wordReport } from "../docx/fixtures";
import { runCli, tempDir } from "../helpers/cli";
import { reportText, Y2021, type ReportSpec } from "../fixtures/cross-year/reports";

/**
 * What the reviewing office sends back, opened by a real consumer:
 * LibreOffice (scripts/setup-system.sh installs it) converts the 问题清单
 * spreadsheet to CSV (every sheet) and the 审核意见 documents to text, which
 * are compared with the reports' findings.
 */

/** 乙镇: table 三 unbalanced in 自然人 and 总计. */
const UNBALANCED: ReportSpec = { ...Y2021, organ: "乙镇人民政府", applications: { new: [3, 0], carried: [0, 0], granted: [2, 0], forward: [0, 0] } };
/** 甲镇: consistent. */
const CLEAN: ReportSpec = { ...Y2021, organ: "甲镇人民政府" };

function soffice(dir: string, convertTo: string, files: string[]) {
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", convertTo, "--outdir", join(dir, "lo"), ...files], {
    encoding: "utf8",
    timeout: 120_000,
  });
  assert.equal(r.error, undefined, `soffice could not run (scripts/setup-system.sh installs it): ${r.error?.message}`);
  assert.equal(r.status, 0, `soffice failed: ${r.stderr}`);
}

/** A CSV file LibreOffice wrote, as rows of cells (quoted cells may hold commas and line breaks). */
function csv(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") rows[rows.length - 1].push(cell), (cell = "");
    else if (c === "\n") rows[rows.length - 1].push(cell), (cell = ""), rows.push([]);
    else if (c !== "\r") cell += c;
  }
  if (cell || rows[rows.length - 1].length) rows[rows.length - 1].push(cell);
  return rows.filter((r) => r.length);
}

/** Fills the folder (a tempDir made when the suite is defined: one made inside a hook is removed when the hook ends). */
async function folder(dir: string): Promise<void> {
  const reports = join(dir, "reports");
  mkdirSync(reports);
  // A Word report: its findings are placed by paragraph or table cell (its introduction names the wrong year, paragraph 2).
  writeFileSync(join(reports, "qu-2022.docx"), (await wordReport()).docx);
  writeFileSync(join(reports, "yi-2021.txt"), reportText(UNBALANCED));
  writeFileSync(join(reports, "jia-2021.txt"), reportText(CLEAN));
}

describe("check --format xlsx, read back by LibreOffice", () => {
  const dir = tempDir();
  let summary: string[][];
  let findings: string[][];
  let expected: { rule: string; message: string; line: number; severity: string }[];

  let word: { line: number; word?: { paragraph?: number } }[];

  before(async () => {
    await folder(dir);
    const r = runCli(["check", "--format", "xlsx", "-o", join(dir, "list.xlsx"), join(dir, "reports")]);
    assert.equal(r.status, 1, r.stderr);
    // Every sheet to its own CSV file (the last token), UTF-8 (76), comma-separated (44), quoted with " (34).
    soffice(dir, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", [join(dir, "list.xlsx")]);
    summary = csv(readFileSync(join(dir, "lo", "list-汇总.csv"), "utf8"));
    findings = csv(readFileSync(join(dir, "lo", "list-问题清单.csv"), "utf8"));
    const json = JSON.parse(runCli(["check", "--format", "json", join(dir, "reports", "yi-2021.txt")]).stdout);
    expected = json[0].diagnostics;
    word = JSON.parse(runCli(["check", "--format", "json", join(dir, "reports", "qu-2022.docx")]).stdout)[0].diagnostics;
  });

  it("has a summary sheet: one row per report, balance in words, the main problem", () => {
    assert.deepEqual(summary[0], ["报告", "机关", "年度", "格式", "错误", "警告", "表三平衡", "主要问题"]);
    const rows = Object.fromEntries(summary.slice(1).map((row) => [row[0].replace(/^.*[\\/]/, ""), row.slice(1)]));
    assert.deepEqual(rows["jia-2021.txt"].slice(0, 7), ["甲镇人民政府", "2021", "2021", "0", "0", "平衡", "未发现问题"]);
    const yi = rows["yi-2021.txt"];
    assert.deepEqual(yi.slice(0, 6), ["乙镇人民政府", "2021", "2021", String(expected.filter((d) => d.severity === "error").length), "0", "2 列不平衡"]);
    assert.match(yi[6], /^“自然人”列不平衡.*（另有 \d+ 个问题）$/);
  });

  it("has a findings sheet: every finding of the report, errors first, with its line, rule name, severity and text", () => {
    assert.deepEqual(findings[0], ["报告", "位置", "问题类型", "程度", "问题说明", "原文"]);
    const rows = findings.slice(1).filter((r) => r[0].endsWith("yi-2021.txt"));
    assert.equal(rows.length, expected.length);
    assert.deepEqual(
      rows.map((r) => r[4]),
      expected.map((d) => d.message),
    );
    const [first] = rows;
    assert.equal(first[1], `第 ${expected[0].line} 行`);
    assert.equal(first[2], "表三：第一项加第二项之和 ≠ 第三项加第四项之和");
    assert.equal(first[3], "错误");
    assert.match(first[5], /^\d+$/, "the figure the finding points at");
  });

  it("places a Word report's findings by paragraph or table cell", () => {
    const rows = findings.slice(1).filter((r) => r[0].endsWith("qu-2022.docx"));
    assert.equal(rows.length, word.length);
    assert.ok(word.some((d) => d.word?.paragraph === 2));
    assert.ok(rows.some((r) => r[1] === "第 2 段"), rows.map((r) => r[1]).join(" "));
    assert.ok(rows.every((r) => /^第 \d+ (段|个表格第 \d+ 行第 \d+ 列)$/.test(r[1])));
  });
});

describe("check --format docx, read back by LibreOffice", () => {
  const dir = tempDir();
  let one: string;

  before(async () => {
    await folder(dir);
    const r = runCli(["check", "--format", "docx", "-o", join(dir, "opinion.docx"), join(dir, "reports", "yi-2021.txt")]);
    assert.equal(r.status, 1, r.stderr);
    const many = runCli(["check", "--format", "docx", "-o", join(dir, "opinions"), join(dir, "reports")]);
    assert.equal(many.status, 1, many.stderr);
    soffice(dir, "txt:Text (encoded):UTF8", [join(dir, "opinion.docx")]);
    one = readFileSync(join(dir, "lo", "opinion.txt"), "utf8").replace(/^\uFEFF/, "");
  });

  it("names the report, lists the findings by part in a table, and closes", () => {
    const lines = one.split(/\r?\n/).map((l) => l.trim());
    assert.equal(lines[0], "审核意见");
    assert.ok(lines.includes("报告：乙镇人民政府2021年政府信息公开工作年度报告"));
    const tables = lines.indexOf("一、统计表（2 个）");
    assert.ok(tables > 0, one);
    assert.deepEqual(lines.slice(tables + 1, tables + 7), ["序号", "位置", "问题类型", "程度", "问题说明", "原文"]);
    assert.ok(lines.some((l) => l.startsWith("“自然人”列不平衡")));
    assert.equal(lines.filter(Boolean).at(-1), "请对照以上意见逐项核实、修改后重新报送。");
  });

  it("writes one document per report of a folder", () => {
    assert.deepEqual(readdirSync(join(dir, "opinions")).sort(), ["jia-2021-审核意见.docx", "qu-2022-审核意见.docx", "yi-2021-审核意见.docx"]);
  });
});
