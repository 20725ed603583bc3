// Scenario 4: in a report whose section 三 is empty, completion offers table 三 first; typing 表三
// brings it too, and it inserts table 三 in the 2021 format.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lineStartingWith, reportWithEmptySection3 } from "../harness/fixtures";
import type { Scenario } from "../harness/scenarios";
import { waitUntil } from "../harness/wait";
import { see, seeGone } from "../harness/workbench";

const file = "2025年度报告.txt";
const template = "插入表三：收到和处理政府信息公开申请情况（2021 格式）";
/** Rows only the 2021 format has: （六）其他处理 split into three. */
const rows2021 = ["（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（七）总计"];

export const tableTemplateScenario: Scenario = {
  id: "table-template",
  title: "completion in the empty section 三 inserts table 三 of the 2021 format",
  async run({ open, capture }) {
    const report = reportWithEmptySection3();
    const { workbench, folder } = await open({ [file]: report });
    const line = lineStartingWith(report, "三、收到和处理政府信息公开申请情况") + 1;

    await workbench.openFile(file);
    await workbench.showProblems();
    await workbench.filterProblems("table-missing");
    await see(workbench.problemRow("table-missing", line - 1), "table-missing under the heading of section 三");
    await workbench.goToLine(line);
    await workbench.page.keyboard.press("Control+Space");
    await see(workbench.page.locator(".suggest-widget .monaco-list-row.focused", { hasText: template }), `“${template}” first in the completion list of the empty section`);
    await workbench.page.keyboard.press("Escape");
    await workbench.page.keyboard.type("表三");
    await workbench.page.keyboard.press("Control+Space");
    await see(workbench.page.locator(".suggest-widget .monaco-list-row.focused", { hasText: template }), `“${template}” first for 表三`);
    await capture("table-template");
    await workbench.acceptSuggestion(template);

    await seeGone(workbench.problemRow("table-missing", line - 1), "table-missing");
    await workbench.page.keyboard.press("Control+S");
    const saved = () => readFileSync(join(folder, file), "utf8");
    if (!(await waitUntil(() => rows2021.every((row) => saved().includes(row)), 30_000))) {
      throw new Error(`the saved report lacks the 2021 rows of table 三:\n${rows2021.join("\n")}`);
    }
  },
};
