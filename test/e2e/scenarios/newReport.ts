// Scenario 3: 新建年度报告 for 2025 opens a complete 2021-format skeleton; only its guidance lines are still to be written.
import { organ } from "../harness/fixtures";
import { commandTitle } from "../harness/manifest";
import type { Scenario } from "../harness/scenarios";
import { see } from "../harness/workbench";

export const newReportScenario: Scenario = {
  id: "new-report",
  title: "新建年度报告 for 2025: a 2021-format skeleton whose only problems are the guidance lines to write over",
  async run({ open }) {
    const { workbench } = await open({});
    await workbench.runCommand(commandTitle("newReport"));
    await workbench.answerInputBox("报告年度", "2025");
    await workbench.answerInputBox("机关名称", organ);
    await see(workbench.editorLine(`${organ}2025年政府信息公开工作年度报告`), "the title of the new report in the editor");
    // The report's status-bar entry appears once the server has checked the document.
    await see(workbench.statusBarItem("年报 · 2021 格式"), "the 2021 format in the status bar");
    await workbench.showProblems();
    await see(workbench.page.locator(".markers-panel", { hasText: "template-placeholder" }), "the guidance lines of sections 一, 五 and 六 in the Problems panel");
  },
};
