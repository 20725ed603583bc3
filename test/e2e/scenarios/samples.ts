// Scenario 1: every shared sample (named only by numbers) is recognised as a report by its
// content, its findings are underlined, and Problems lists each finding that
// ../shared/conformance/samples.expected.json requires, at its line (a hint, which VS Code
// never lists in Problems, in the hover of its squiggle — so too a finding that a table's group
// entry stands for: Problems lists the group's first cell, the others are hints).
import { checkText, groupFindings, ruleById, tableExtents } from "../../../server/src/core";
import { samplesWithExpectedFindings } from "../harness/fixtures";
import { languageName } from "../harness/manifest";
import type { Scenario } from "../harness/scenarios";
import { see } from "../harness/workbench";

/** The sample the README's screenshot of diagnostics shows: a table with empty cells. */
const screenshotSample = "001_16b2a9bff0093b49.txt";

export const samplesScenario: Scenario = {
  id: "samples",
  title: "each sample is detected, underlined, and Problems lists the findings samples.expected.json requires",
  async run({ open, capture }) {
    const samples = samplesWithExpectedFindings();
    const { workbench } = await open(Object.fromEntries(samples.map((s) => [s.file, s.text])));
    await workbench.showActiveFileProblemsOnly();
    for (const sample of samples) {
      // What Problems lists: each finding on its own, and of each group its first member.
      const { model, findings } = checkText(sample.text);
      const listed = new Set(
        groupFindings(findings, tableExtents(model)).map(({ finding, group }) => {
          const f = finding ?? group.members[0];
          return `${f.rule}@${f.range.start.line + 1}`;
        }),
      );
      await workbench.openFile(sample.file);
      await see(workbench.statusBarItem(languageName), `${sample.file} detected as a report (“${languageName}” in the status bar)`);
      for (const { rule, line } of sample.must) {
        await workbench.goToLine(line);
        const squiggle = await see(workbench.squigglesOnCursorLine(), `a squiggle on line ${line} of ${sample.file} (${rule})`);
        if (ruleById(rule)?.severity === "hint" || !listed.has(`${rule}@${line}`)) {
          // VS Code's Problems never lists hints: the finding is read where the editor shows it.
          // A click on the squiggle puts the cursor into the finding's range; Show Hover (Ctrl+K
          // Ctrl+I) then shows its message where the cursor is, and stays until the cursor moves.
          const box = (await squiggle.boundingBox())!;
          await workbench.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
          await workbench.page.keyboard.press("Control+K");
          await workbench.page.keyboard.press("Control+I");
          await see(workbench.hover(rule), `the hover of the ${rule} hint on line ${line} of ${sample.file}`);
          await workbench.page.keyboard.press("Escape");
          continue;
        }
        await workbench.filterProblems(rule);
        await workbench.revealProblem(workbench.problemRow(rule, line), `${rule} at line ${line} of ${sample.file}`);
      }
      if (sample.file === screenshotSample) {
        await workbench.filterProblems("");
        await workbench.scrollProblemsToTop();
        await workbench.goToLine(sample.must[0].line);
        await capture("diagnostics");
      }
    }
  },
};
