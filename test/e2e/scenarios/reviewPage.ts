// Scenario: `gov-report check --format html -o` on a folder of reports (two organs, one of them
// with consecutive years whose carry-over does not match) writes the review page; Chromium shows
// its summary table, sorts it by a click, quotes the offending lines and outlines the cells in
// question, all under the page's strict CSP.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { reportText, Y2020, Y2021_WRONG_CARRYOVER } from "../../fixtures/cross-year/reports";
import { cleanReport } from "../harness/fixtures";
import { repoRoot } from "../harness/paths";
import type { Scenario } from "../harness/scenarios";
import { see } from "../harness/workbench";

/** The CLI from the sources (the .vsix build does not touch the work tree's dist/). */
function checkToHtml(folder: string, out: string): void {
  const cli = join(repoRoot, "server/src/cli/main.ts");
  const r = spawnSync(process.execPath, ["--import", "tsx", cli, "check", "--format", "html", "-o", out, folder], { cwd: repoRoot, encoding: "utf8" });
  // 1: the folder has reports with errors, as intended.
  if (r.status !== 1) throw new Error(`gov-report check --format html exited ${r.status}: ${r.stderr}`);
}

export const reviewPageScenario: Scenario = {
  id: "review-page",
  title: "the CLI's review page of a folder in Chromium: summary sorted by a click, lines quoted, cells outlined",
  async run({ open, capture }) {
    const files = {
      "示例县/2020.txt": reportText(Y2020),
      "示例县/2021.txt": reportText(Y2021_WRONG_CARRYOVER),
      "某某市/2025.txt": cleanReport(),
    };
    const { workbench, folder } = await open(files);
    const page = join(folder, "review.html");
    checkToHtml(folder, page);

    // The page takes the workbench's tab: the screenshot below is of the review page.
    const violations: string[] = [];
    workbench.page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await workbench.page.goto(pathToFileURL(page).href);
    const browser = workbench.page;
    await see(browser.locator("h1", { hasText: "政府信息公开工作年度报告检查结果" }), "the review page's title");
    const rows = browser.locator("table.gr-summary tbody tr");
    await see(rows.nth(2), "three rows in the summary table");
    if ((await rows.count()) !== 3) throw new Error(`the summary table has ${await rows.count()} rows, not 3`);
    const headers = await browser.locator("table.gr-summary thead th").allTextContents();
    if (headers.join("|") !== "文件|机关|年度|格式|错误|警告|表三平衡") throw new Error(`summary headers: ${headers.join("|")}`);

    // Sorted by 错误, most first: the 2021 report whose carry-over differs from 2020's.
    const errors = browser.locator("table.gr-summary thead th", { hasText: "错误" });
    await errors.click();
    await errors.click();
    await see(browser.locator("table.gr-summary thead th[aria-sort='descending']", { hasText: "错误" }), "the 错误 column sorted descending");
    const first = await rows.first().locator("td").allTextContents();
    if (!first[0].endsWith("2021.txt") || Number(first[4]) < 2) throw new Error(`the first row after sorting by errors is ${first.join(" | ")}`);

    const section = browser.locator("section.gr-review", { hasText: "2021.txt" }).first();
    await see(section.locator(".gr-previous", { hasText: "2020.txt" }), "the 2021 report compared with the 2020 report");
    const finding = section.locator(".gr-finding-item.gr-error", { hasText: "carryover-mismatch" }).first();
    await see(finding.locator("blockquote.gr-quote mark"), "a carry-over finding quoting its line, the figure marked");
    await section.locator("details > summary").click();
    await see(section.locator("table.gr-table td.gr-finding.gr-error"), "the cells in question outlined in the report's table 三");
    await rows.first().locator("a").click();
    await see(browser.locator("section.gr-review:target", { hasText: "2021.txt" }), "the 2021 report's section reached from its summary row");
    if (violations.length) throw new Error(`the review page broke its CSP: ${violations.join("; ")}`);
    // The screenshot shows the summary as sorted, above the first report's findings.
    await browser.evaluate("window.scrollTo(0, 0)");
    await capture("review-page");
  },
};
