// Scenario: switching govReport.locale to English in the settings turns the Outline and the
// status bar to English at once, without an edit to the report (VS Code asks for a document's
// symbols again only on an edit, or when its symbol providers change); with
// govReport.inlayHints.cursorLineOnly the column names follow the cursor from row to row.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { cleanReport, lineStartingWith } from "../harness/fixtures";
import type { Scenario } from "../harness/scenarios";
import { waitUntil } from "../harness/wait";
import { see, uiTimeoutMs } from "../harness/workbench";

const file = "2025年度报告.txt";

export const localeSwitchScenario: Scenario = {
  id: "locale-switch",
  title: "govReport.locale set to English: the Outline and the status bar follow at once; hints only on the cursor line",
  async run({ open }) {
    const report = cleanReport();
    const { workbench, folder } = await open({ [file]: report });
    await workbench.openFile(file);
    await workbench.hideSecondarySideBar();
    await workbench.collapseExplorerFolder(basename(folder));
    await workbench.runCommand("Explorer: Focus on Outline View");
    await see(workbench.outlineRow(/^收到和处理政府信息公开申请情况/), "table 三 in the Outline");
    await see(workbench.statusBarItem("年报 · 2021 格式"), "the Chinese status-bar entry");

    // Beside the report, so that it stays visible and unedited.
    await workbench.runCommand("Preferences: Open Workspace Settings (JSON)");
    await see(workbench.page.locator(".tab.active", { hasText: "settings.json" }), "the workspace settings.json");
    await workbench.replaceEditorText(JSON.stringify({ "govReport.locale": "en", "govReport.inlayHints.cursorLineOnly": true }, null, 2));
    await workbench.page.keyboard.press("Control+S");
    const settingsFile = join(folder, ".vscode/settings.json");
    if (!(await waitUntil(() => readFileSync(settingsFile, "utf8").includes('"en"'), uiTimeoutMs))) throw new Error(`${settingsFile} was not saved`);
    await workbench.openFile(file);
    await see(workbench.statusBarItem("Report · 2021 format"), "the status-bar entry in English");
    // Going through settings.json and back may restore the report's Outline collapsed.
    await workbench.expandOutlineRow("2025年政府信息公开工作年度报告");
    await workbench.expandOutlineRow("三、收到和处理政府信息公开申请情况");
    await see(workbench.outlineRow("Applications received and handled"), "table 三 in the Outline in English");

    const hinted = workbench.activeEditor().locator(".view-line", { hasText: "自然人:" });
    for (const row of ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"]) {
      await workbench.goToLine(lineStartingWith(report, row));
      await see(hinted.filter({ hasText: row }), `the column names on the row ${row} under the cursor`);
      if (!(await waitUntil(async () => (await hinted.count()) === 1, uiTimeoutMs))) throw new Error(`${await hinted.count()} lines show column names, not only the cursor's`);
    }
  },
};
