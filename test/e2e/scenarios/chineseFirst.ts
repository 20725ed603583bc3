// Scenario: the workbench is English (as installed, no language pack) and the extension greets
// in Chinese: typing 新建年度报告 in the command palette finds “年报: 新建年度报告 (New Annual
// Report)”, and so do the English words; a report's status-bar entry names its format in
// Chinese without repeating VS Code's error and warning counts, and opens the 年报检查 view; the
// Get Started walkthrough shows its three steps: new report, insert table, check a Word file.
import { cleanReport } from "../harness/fixtures";
import type { Scenario } from "../harness/scenarios";
import { see } from "../harness/workbench";

const file = "2025年度报告.txt";
const paletteRow = "年报: 新建年度报告 (New Annual Report)";

export const chineseFirstScenario: Scenario = {
  id: "chinese-first",
  title: "English workbench: 新建年度报告 and New Annual Report find the Chinese command; the status bar names the format and opens 年报检查",
  async run({ open, capture }) {
    const { workbench } = await open({ [file]: cleanReport() });
    await workbench.openFile(file);
    const entry = await see(workbench.statusBarItem("年报 · 2021 格式"), "“年报 · 2021 格式” in the status bar");
    const text = (await entry.textContent()) ?? "";
    if (/\d+\s*\d+$/.test(text.replace("2021", ""))) throw new Error(`the status-bar entry repeats counts: “${text}”`);

    for (const typed of ["新建年度报告", "New Annual Report"]) {
      await workbench.page.keyboard.press("Control+Shift+P");
      const input = workbench.page.locator(".quick-input-widget .quick-input-box input");
      await input.pressSequentially(typed);
      await see(workbench.page.locator(".quick-input-list .monaco-list-row", { hasText: paletteRow }), `“${paletteRow}” listed for “${typed}”`);
      if (typed === "新建年度报告") await capture("command-palette");
      await workbench.page.keyboard.press("Escape");
    }

    await entry.click();
    await see(workbench.page.locator(".pane-header", { hasText: "年报检查" }), "the 年报检查 view opened by the status-bar entry");
    await capture("status-bar");

    await workbench.runCommand("Welcome: Open Walkthrough...");
    // The walkthrough picker shows once every extension is registered, after the palette closed.
    await see(workbench.page.locator('.quick-input-box input[placeholder="Select a walkthrough to open"]'), "the walkthrough picker");
    await workbench.pickFromQuickInput("开始使用年报检查", "开始使用年报检查");
    const walkthrough = workbench.page.locator(".gettingStartedContainer");
    for (const step of ["新建年度报告", "插入标准表格", "检查 Word 报告"]) await see(walkthrough.getByText(step).first(), `the walkthrough step “${step}”`);
    await capture("walkthrough");
  },
};
