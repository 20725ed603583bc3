// Scenario 6: turning a rule off in the workspace settings removes its findings at once,
// without reloading the window.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { samplesWithExpectedFindings } from "../harness/fixtures";
import type { Scenario } from "../harness/scenarios";
import { waitUntil } from "../harness/wait";
import { see, seeGone, uiTimeoutMs } from "../harness/workbench";

const rule = "table-cell-empty";

export const ruleOffScenario: Scenario = {
  id: "rule-off",
  title: "a rule turned off in the settings disappears without a reload",
  async run({ open }) {
    const sample = samplesWithExpectedFindings().find((s) => s.must.some((f) => f.rule === rule))!;
    const line = sample.must.find((f) => f.rule === rule)!.line;
    const { workbench, folder } = await open({ [sample.file]: sample.text });
    await workbench.openFile(sample.file);
    await workbench.showProblems();
    await workbench.filterProblems(rule);
    await see(workbench.problemRow(rule, line), `${rule} at line ${line} of ${sample.file}`);

    await workbench.runCommand("Preferences: Open Workspace Settings (JSON)");
    await see(workbench.page.locator(".tab.active", { hasText: "settings.json" }), "the workspace settings.json");
    await workbench.replaceEditorText(JSON.stringify({ "govReport.rules": { [rule]: "off" } }, null, 2));
    await workbench.page.keyboard.press("Control+S");
    const settingsFile = join(folder, ".vscode/settings.json");
    const saved = () => readFileSync(settingsFile, "utf8").includes(`"${rule}": "off"`);
    if (!(await waitUntil(saved, uiTimeoutMs))) throw new Error(`${settingsFile} was not saved with ${rule} off`);
    await seeGone(workbench.problemRows().filter({ hasText: rule }), `${rule} in Problems after turning it off`);
  },
};
