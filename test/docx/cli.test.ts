import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import JSZip from "jszip";
import { importDocx } from "../../server/src/docx";
import { reportText, Y2020, Y2021_WRONG_CARRYOVER } from "../fixtures/cross-year/reports";
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
    // Table 三's empty cells are one line at the first of them, which names the table and the count, not lines of the converted text.
    assert.match(r.stdout, /第 2 个表格第 4 行第 4 列 warning  表三：44 个单元格为空  table-cell-empty/);
    const json = JSON.parse(runCli(["check", "--format", "json", report]).stdout)[0].diagnostics;
    assert.ok(json.some((d: { word: object; message: string }) => /^“（一）予以公开”的“总计”为空/.test(d.message) && JSON.stringify(d.word) === JSON.stringify({ table: 2, row: 6, column: 10 })));
    assert.match(runCli(["check", "--locale", "en", report]).stdout, /table 2, row 4, column 4 warning  Table 三: 44 empty cells  table-cell-empty/);
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

describe("gov-report export checks as check does", () => {
  const broken = () => replaceOnce(CLEAN_2021(), "一、本年新收政府信息公开申请数量\t\t30", "一、本年新收政府信息公开申请数量\t\t31");

  it("takes the rules and the locale from the .govreportrc.json above the draft", () => {
    const folder = tempDir();
    const draft = join(folder, "draft.txt");
    writeFileSync(draft, broken());
    writeFileSync(join(folder, ".govreportrc.json"), JSON.stringify({ locale: "en" }));
    const refused = runCli(["export", draft]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /Not exported: the draft has errors/);
    writeFileSync(join(folder, ".govreportrc.json"), JSON.stringify({ rules: { "total-row-mismatch": "off", "balance-mismatch": "off" } }));
    const exported = runCli(["export", draft]);
    assert.equal(exported.status, 0, exported.stderr);
    assert.ok(existsSync(join(folder, "draft.docx")));
  });

  it("compares the draft with last year's report named by the config's previous or by --previous", () => {
    const folder = tempDir();
    const draft = join(folder, "2021.txt");
    writeFileSync(join(folder, "2020.txt"), reportText(Y2020));
    writeFileSync(draft, reportText(Y2021_WRONG_CARRYOVER));
    assert.equal(runCli(["export", draft, "-o", join(folder, "alone.docx")]).status, 0, "no previous report: nothing to compare");
    const flagged = runCli(["export", draft, "-o", join(folder, "flag.docx"), "--previous", join(folder, "2020.txt")]);
    assert.equal(flagged.status, 1);
    assert.match(flagged.stderr, /carryover-mismatch/);
    writeFileSync(join(folder, ".govreportrc.json"), JSON.stringify({ previous: "2020.txt" }));
    const configured = runCli(["export", draft, "-o", join(folder, "rc.docx")]);
    assert.equal(configured.status, 1);
    assert.match(configured.stderr, /carryover-mismatch/);
    assert.ok(!existsSync(join(folder, "rc.docx")));
    assert.equal(runCli(["export", draft, "--previous", join(folder, "missing.txt")]).status, 2);
  });
});

describe("gov-report check on a folder", () => {
  it("checks the Word reports in it with the drafts, naming the Word location; Word's lock files are not reports", () => {
    const folder = tempDir();
    writeFileSync(join(folder, "report.docx"), readFileSync(report));
    writeFileSync(join(folder, "~$report.docx"), Buffer.from("locked by Word"));
    writeFileSync(join(folder, "clean.txt"), CLEAN_2021());
    const r = runCli(["check", "--format", "json", folder]);
    assert.equal(r.status, 1, r.stderr);
    const results: { file: string; diagnostics: { word?: object }[] }[] = JSON.parse(r.stdout);
    assert.deepEqual(results.map((x) => x.file).sort(), [join(folder, "clean.txt"), join(folder, "report.docx")]);
    const word = results.find((x) => x.file.endsWith(".docx"))!;
    assert.ok(word.diagnostics.length > 0 && word.diagnostics.every((d) => d.word));
    assert.match(runCli(["check", folder]).stdout, /第 2 段/);
  });

  it("takes a .docx beside a draft of the same name as that draft's export: the report counts once and keeps last year's report", () => {
    const folder = tempDir();
    for (const [name, spec] of [["2020.txt", Y2020], ["2021.txt", Y2021_WRONG_CARRYOVER]] as const) {
      writeFileSync(join(folder, name), reportText(spec));
      assert.equal(runCli(["export", join(folder, name), "--force"]).status, 0);
    }
    assert.ok(existsSync(join(folder, "2020.docx")) && existsSync(join(folder, "2021.docx")));
    const results: { file: string; diagnostics: { rule: string }[] }[] = JSON.parse(runCli(["check", "--format", "json", folder]).stdout);
    assert.deepEqual(results.map((r) => r.file).sort(), [join(folder, "2020.txt"), join(folder, "2021.txt")]);
    const carryovers = results.find((r) => r.file.endsWith("2021.txt"))!.diagnostics.filter((d) => d.rule === "carryover-mismatch");
    assert.equal(carryovers.length, 2);
  });

  it("fix leaves the Word reports of a folder alone, and refuses one named", () => {
    const folder = tempDir();
    writeFileSync(join(folder, "report.docx"), readFileSync(report));
    const before = readFileSync(join(folder, "report.docx"));
    assert.equal(runCli(["fix", folder]).status, 0);
    assert.deepEqual(readFileSync(join(folder, "report.docx")), before);
    const named = runCli(["fix", join(folder, "report.docx")]);
    assert.equal(named.status, 2);
    assert.match(named.stderr, /import/);
  });
});

describe("last year's report as a Word document", () => {
  it("is read when --previous or the config names it, and paired when it lies in the folder checked", () => {
    const folder = tempDir();
    const draft2020 = join(folder, "2020.txt");
    writeFileSync(draft2020, reportText(Y2020));
    assert.equal(runCli(["export", draft2020]).status, 0);
    rmSync(draft2020);
    const draft = join(folder, "2021.txt");
    writeFileSync(draft, reportText(Y2021_WRONG_CARRYOVER));
    const carryovers = (stdout: string) => stdout.match(/carryover-mismatch/g)?.length ?? 0;

    const named = runCli(["check", draft, "--previous", join(folder, "2020.docx")]);
    assert.equal(named.status, 1, named.stderr);
    assert.equal(carryovers(named.stdout), 2);
    const paired = runCli(["check", folder]);
    assert.equal(carryovers(paired.stdout), 2, paired.stdout);
    writeFileSync(join(folder, ".govreportrc.json"), JSON.stringify({ previous: "2020.docx" }));
    assert.equal(carryovers(runCli(["check", draft]).stdout), 2);
    const exported = runCli(["export", draft]);
    assert.equal(exported.status, 1);
    assert.match(exported.stderr, /carryover-mismatch/);
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
