// Scenario: 打开预览 beside a clean report renders its tables as real tables; a figure of table 三
// changed in the editor outlines the row's 总计 cell in the preview (inside the webview's iframe)
// with the finding's message on hover, and the row under the cursor is marked.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FrameLocator } from "playwright-core";
import { cleanReport, lineStartingWith } from "../harness/fixtures";
import { repoRoot } from "../harness/paths";
import type { Scenario } from "../harness/scenarios";
import { see } from "../harness/workbench";

const file = "2025年度报告.txt";
const rule = "total-row-mismatch";

/** The palette row of the preview command, as the English workbench lists it ("gov-report: Open Preview"). */
function previewCommand(): string {
  const english = JSON.parse(readFileSync(join(repoRoot, "package.nls.json"), "utf8")) as Record<string, string>;
  return `${english["command.category"]}: ${english["command.showPreview"]}`;
}

export const previewScenario: Scenario = {
  id: "preview",
  title: "打开预览: the tables as tables; a changed figure outlines the 总计 cell in the preview, its message on hover",
  async run({ open, capture }) {
    const report = cleanReport();
    const { workbench } = await open({ [file]: report });
    const line = lineStartingWith(report, "一、本年新收政府信息公开申请数量");
    const cells = report.split("\n")[line - 1].split("\t"); // label, (empty), 自然人 3, 商业企业 1, …, 总计 4
    const naturalColumn = cells[0].length + cells[1].length + 3;

    await workbench.openFile(file);
    await workbench.runCommand(previewCommand());
    await workbench.hideSecondarySideBar();
    // A webview is an iframe holding the page's own iframe.
    const preview: FrameLocator = workbench.page.frameLocator("iframe.webview").frameLocator("iframe#active-frame");
    const row = preview.locator("table.gr-table[data-table='applications'] tr.gr-row[data-row='new']");
    const total = row.locator("td.gr-cell[data-column='total']");
    await see(preview.locator("#gr-preview h1", { hasText: "2025年政府信息公开工作年度报告" }), "the report's title in the preview");
    await see(preview.locator("table.gr-table[data-table='applications'] thead th[colspan]"), "table 三's merged header cells");
    await see(total.filter({ hasText: /^4$/ }), "the 总计 4 of 本年新收 in the preview's table 三");
    const outlinedBefore = await preview.locator("td.gr-finding").count();
    if (outlinedBefore) throw new Error(`the clean report has ${outlinedBefore} outlined cells in the preview`);
    const csp = await preview.locator("meta[http-equiv='Content-Security-Policy']").getAttribute("content");
    if (!csp?.includes("default-src 'none'")) throw new Error(`the preview's CSP is “${csp}”`);

    // Back in the draft (the preview opened beside it without taking the focus), 自然人 3 → 5.
    await workbench.goToCharacter(line, naturalColumn);
    await workbench.page.keyboard.press("Shift+ArrowRight");
    await workbench.page.keyboard.type("5");

    await see(row.locator("td.gr-cell[data-column='natural']").filter({ hasText: /^5$/ }), "the new figure 5 in the preview, updated as typed");
    const outlined = await see(row.locator(`td.gr-finding.gr-error[data-column='total'][data-rules~='${rule}']`), `the 总计 cell outlined as an error (${rule})`);
    const message = await outlined.getAttribute("title");
    if (!message?.includes("6")) throw new Error(`the outlined cell's hover says “${message}”, not the row's sum 6`);
    await see(preview.locator("tr.gr-row.gr-current[data-row='new']"), "the row under the cursor marked in the preview");
    await outlined.hover();
    await capture("preview");
  },
};
