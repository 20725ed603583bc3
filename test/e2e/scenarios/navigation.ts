// Scenario 5: the Outline lists the six sections; the hover on a 总计 cell shows the parts it
// adds; the code lens above table 三 reports its balance.
import { basename } from "node:path";
import { cleanReport, lineStartingWith } from "../harness/fixtures";
import type { Scenario } from "../harness/scenarios";
import { see } from "../harness/workbench";

const file = "2025年度报告.txt";
const sections = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"];

export const navigationScenario: Scenario = {
  id: "navigation",
  title: "Outline lists six sections, hover on a total shows its parts, code lens reports the balance",
  async run({ open, capture }) {
    const report = cleanReport();
    const { workbench, folder } = await open({ [file]: report });
    await workbench.openFile(file);

    await workbench.collapseExplorerFolder(basename(folder));
    await workbench.runCommand("Explorer: Focus on Outline View");
    for (const section of sections) await see(workbench.outlineRow(section), `“${section}” in the Outline`);
    await capture("outline");

    const tableLine = lineStartingWith(report, "（本列数据的勾稽关系为");
    await workbench.goToLine(tableLine);
    await see(workbench.codeLens("勾稽关系"), "the balance code lens above table 三");

    const rowLine = lineStartingWith(report, "一、本年新收政府信息公开申请数量");
    const totalColumn = report.split("\n")[rowLine - 1].lastIndexOf("\t") + 2;
    await workbench.goToCharacter(rowLine, totalColumn);
    await workbench.page.keyboard.press("Control+K");
    await workbench.page.keyboard.press("Control+I");
    await see(workbench.hover(/自然人[^]*商业企业/), "a hover on 总计 listing its parts (自然人, 商业企业, …)");
  },
};
