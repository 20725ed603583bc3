// Scenario 2: in a clean report, one figure of table 三 is changed so that its row no longer
// adds up; the error appears on the row's 总计 cell, and its quick fix writes the right sum.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanReport, lineStartingWith } from "../harness/fixtures";
import type { Scenario } from "../harness/scenarios";
import { waitUntil } from "../harness/wait";
import { see, seeGone } from "../harness/workbench";

const file = "2025年度报告.txt";
const rule = "total-row-mismatch";

export const quickFixScenario: Scenario = {
  id: "quick-fix",
  title: "a row of table 三 that no longer adds up: error on 总计, the quick fix writes the sum",
  async run({ open, capture }) {
    const report = cleanReport();
    const { workbench, folder } = await open({ [file]: report });
    const line = lineStartingWith(report, "一、本年新收政府信息公开申请数量");
    const cells = report.split("\n")[line - 1].split("\t"); // label, (empty), 自然人 3, 商业企业 1, …, 总计 4
    const naturalColumn = cells[0].length + cells[1].length + 3;
    const totalColumn = report.split("\n")[line - 1].lastIndexOf("\t") + 2;

    await workbench.openFile(file);
    await workbench.goToCharacter(line, naturalColumn);
    await workbench.page.keyboard.press("Shift+ArrowRight");
    await workbench.page.keyboard.type("5"); // 自然人 3 → 5: the row now sums to 6, its 总计 says 4

    await workbench.showProblems();
    await workbench.filterProblems(rule);
    await see(workbench.problemRow(rule, line, totalColumn), `${rule} on the 总计 cell (line ${line}, column ${totalColumn})`);
    await workbench.goToCharacter(line, totalColumn);
    await see(workbench.squigglesOnCursorLine(), `a squiggle on line ${line}`);

    const fix = await workbench.openQuickFix("6", "a quick fix offering the sum 6");
    await capture("quick-fix");
    await fix.click();

    await seeGone(workbench.problemRow(rule, line), `${rule} on line ${line}`);
    await workbench.page.keyboard.press("Control+S");
    // Read while the editor may still be writing it: a short read is retried, not a failure.
    const savedRow = () => readFileSync(join(folder, file), "utf8").split("\n")[line - 1] ?? "";
    if (!(await waitUntil(() => savedRow().endsWith("\t6"), 30_000))) {
      throw new Error(`after the fix and a save, line ${line} reads “${savedRow()}” instead of ending with the sum 6`);
    }
  },
};
