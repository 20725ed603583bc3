import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { runCli, tempDir } from "../helpers/cli";
import { reportText, Y2020, Y2021, Y2021_WRONG_CARRYOVER, type ReportSpec } from "../fixtures/cross-year/reports";

/** A folder of reports: cross-year pairing, `check --summary`, `--previous`, and the HTML review page (compared by content). */

/** 乙镇's 2021 report: 自然人 3 new, 2 handled, none carried forward — unbalanced in 自然人 and 总计. */
const UNBALANCED: ReportSpec = {
  ...Y2021,
  organ: "乙镇人民政府",
  applications: { new: [3, 0], carried: [0, 0], granted: [2, 0], forward: [0, 0] },
  overview: "2021年，乙镇在门户网站发布<script>alert(1)</script>通知公告，并按季度更新村务公开栏，公开惠民资金发放情况。",
};
const NO_TABLES = "丙街道办事处2021年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度工作平稳。\n\n二、主动公开政府信息情况\n\n（表格见附件）\n";

function writeFolder(): string {
  const dir = tempDir();
  writeFileSync(join(dir, "jia-2020.txt"), reportText(Y2020));
  writeFileSync(join(dir, "jia-2021.txt"), reportText(Y2021_WRONG_CARRYOVER));
  writeFileSync(join(dir, "yi-2021.txt"), reportText(UNBALANCED));
  writeFileSync(join(dir, "bing-2021.txt"), NO_TABLES);
  return dir;
}

/** The summary's data lines as cells (split on runs of two or more spaces). */
function summaryRows(stdout: string): string[][] {
  const lines = stdout.split("\n");
  const end = lines.indexOf("");
  return lines.slice(2, end).map((l) => l.split(/ {2,}/));
}

const rules = (stdout: string) =>
  (JSON.parse(stdout) as { diagnostics: { rule: string; line: number }[] }[]).flatMap((r) => r.diagnostics.map((d) => d.rule));

describe("check --summary", () => {
  it("prints one line per report, pairing the 2021 report with the 2020 one of the same organ", () => {
    const dir = writeFolder();
    const r = runCli(["check", "--summary", dir]);
    assert.equal(r.status, 1);
    const rows = summaryRows(r.stdout);
    const byFile = Object.fromEntries(rows.map((row) => [row[0].slice(dir.length + 1), row.slice(1)]));
    assert.deepEqual(Object.keys(byFile), ["bing-2021.txt", "jia-2020.txt", "jia-2021.txt", "yi-2021.txt"]);
    assert.deepEqual(byFile["jia-2020.txt"], ["示例县人民政府办公室", "2020", "2019", "0", "0", "平衡"]);
    // The two carryover-mismatch errors (自然人, 总计) come from comparing with jia-2020.txt.
    assert.deepEqual(byFile["jia-2021.txt"], ["示例县人民政府办公室", "2021", "2021", "2", "0", "平衡"]);
    assert.equal(byFile["yi-2021.txt"][5], "2 列不平衡");
    assert.equal(byFile["bing-2021.txt"][5], "未能读取");
    assert.match(r.stdout, /共 4 份报告：\d 份有错误，1 份表三不平衡/);
  });

  it("speaks English with --locale en", () => {
    const r = runCli(["check", "--summary", "--locale", "en", writeFolder()]);
    assert.match(r.stdout.split("\n")[0], /^File +Organ +Year +Format +Errors +Warnings +Table 三 balance$/);
    assert.match(r.stdout, /4 reports: \d with errors, 1 with an unbalanced table 三/);
  });

  it("refuses to be combined with another --format", () => {
    assert.equal(runCli(["check", "--summary", "--format", "json", writeFolder()]).status, 2);
  });
});

describe("last year's report", () => {
  it("--previous names it for a single file", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "2021.txt"), reportText(Y2021_WRONG_CARRYOVER));
    mkdirSync(join(dir, "archive"));
    writeFileSync(join(dir, "archive", "2020.txt"), reportText(Y2020));
    assert.ok(!rules(runCli(["check", "--format", "json", join(dir, "2021.txt")]).stdout).includes("carryover-mismatch"));
    const r = runCli(["check", "--format", "json", "--previous", join(dir, "archive", "2020.txt"), join(dir, "2021.txt")]);
    assert.deepEqual(rules(r.stdout).filter((id) => id === "carryover-mismatch").length, 2);
    assert.equal(r.stderr, "");
  });

  it("--previous notes a file that is not the same organ's report of the year before, and is refused for a folder", () => {
    const dir = writeFolder();
    const r = runCli(["check", "--format", "json", "--previous", join(dir, "yi-2021.txt"), join(dir, "jia-2021.txt")]);
    assert.match(r.stderr, /不像是同一机关上一年度的报告/);
    assert.equal(runCli(["check", "--previous", join(dir, "jia-2020.txt"), dir]).status, 2);
  });

  it("`previous` in .govreportrc.json names it, relative to the config file", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "2021"));
    mkdirSync(join(dir, "2020"));
    writeFileSync(join(dir, "2021", "report.txt"), reportText(Y2021_WRONG_CARRYOVER));
    writeFileSync(join(dir, "2020", "report.txt"), reportText(Y2020));
    writeFileSync(join(dir, "2021", ".govreportrc.json"), JSON.stringify({ previous: "../2020/report.txt" }));
    const r = runCli(["check", "--format", "json", join(dir, "2021", "report.txt")], { cwd: dir });
    assert.equal(rules(r.stdout).filter((id) => id === "carryover-mismatch").length, 2);
  });
});

describe("check --format html", () => {
  let dir: string, r: ReturnType<typeof runCli>, html: string, doc: Document;
  before(() => {
    dir = writeFolder();
    const out = join(dir, "review.html");
    r = runCli(["check", "--format", "html", "-o", out, dir]);
    html = readFileSync(out, "utf8");
    doc = new DOMParser().parseFromString(html, "text/html");
  });
  const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
  const byClass = (cls: string) => all("*").filter((e) => (e.getAttribute("class") ?? "").split(" ").includes(cls));
  const text = (e: { textContent: string | null }) => (e.textContent ?? "").trim();

  it("writes the page to the -o file, nothing to stdout", () => {
    assert.equal(r.status, 1);
    assert.equal(r.stdout, "");
  });

  it("holds the summary table, one row per report linking to its section", () => {
    const [summary] = all("table").filter((t) => t.getAttribute("class") === "gr-summary");
    const rows = Array.from(summary.getElementsByTagName("tr")).map((tr) => Array.from(tr.getElementsByTagName("*")).filter((c) => ["th", "td"].includes(c.tagName.toLowerCase())).map(text));
    assert.deepEqual(rows[0], ["文件", "机关", "年度", "格式", "错误", "警告", "表三平衡"]);
    assert.deepEqual(rows.slice(1).map((row) => [row[0].slice(dir.length + 1), row[6]]), [
      ["bing-2021.txt", "未能读取"],
      ["jia-2020.txt", "平衡"],
      ["jia-2021.txt", "平衡"],
      ["yi-2021.txt", "2 列不平衡"],
    ]);
    const links = Array.from(summary.getElementsByTagName("a")).map((a) => a.getAttribute("href"));
    assert.deepEqual(links, ["#report-1", "#report-2", "#report-3", "#report-4"]);
    assert.deepEqual(byClass("gr-review").map((s) => s.getAttribute("id")), links.map((l) => l!.slice(1)));
  });

  it("lists each report's findings with the offending line quoted and the cell marked", () => {
    const jia = byClass("gr-review").find((s) => text(s.getElementsByTagName("h2")[0]).includes("jia-2021.txt"))!;
    const previous = Array.from(jia.getElementsByTagName("p")).find((p) => p.getAttribute("class") === "gr-previous")!;
    assert.match(text(previous), /jia-2020\.txt/);
    const items = Array.from(jia.getElementsByTagName("li")).filter((li) => (li.getAttribute("class") ?? "").includes("gr-finding-item"));
    const carry = items.filter((li) => text(li).includes("carryover-mismatch"));
    assert.equal(carry.length, 2);
    assert.match(text(carry[0]), /上年结转 2 件，但2020年度报告的“结转下年度继续办理”为 1 件/);
    const quote = carry[0].getElementsByTagName("blockquote")[0];
    assert.match(text(quote), /^二、上年结转政府信息公开申请数量/);
    assert.equal(text(quote.getElementsByTagName("mark")[0]), "2");
  });

  it("outlines the cells in question in the report's tables", () => {
    const outlined = all("td").filter((td) => (td.getAttribute("class") ?? "").includes("gr-finding"));
    const carried = outlined.filter((td) => (td.parentNode as Element).getAttribute("data-row") === "carried");
    assert.deepEqual(carried.map((td) => [td.getAttribute("data-column"), text(td)]), [["natural", "2"], ["total", "3"]]);
    assert.match(carried[0].getAttribute("title")!, /上年结转 2 件/);
  });

  it("is self-contained: a CSP with one nonce, no remote resources, document text escaped", () => {
    const csp = all("meta").find((m) => m.getAttribute("http-equiv") === "Content-Security-Policy")!.getAttribute("content")!;
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1];
    assert.match(csp, /^default-src 'none'/);
    assert.deepEqual(all("script").map((s) => s.getAttribute("nonce")), [nonce]);
    assert.deepEqual(all("style").map((s) => s.getAttribute("nonce")), [nonce]);
    assert.doesNotMatch(html, /(?:src|href)="(?!#)/);
    assert.ok(all("blockquote").some((q) => text(q).includes("<script>alert(1)</script>")));
  });
});
