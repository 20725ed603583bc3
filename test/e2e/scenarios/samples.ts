// Scenario 1: every shared sample (named only by numbers) is recognised as a report by its
// content, its findings are underlined, and Problems lists each finding that
// ../shared/conformance/samples.expected.json requires, at its line.
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
      await workbench.openFile(sample.file);
      await see(workbench.statusBarItem(languageName), `${sample.file} detected as a report (“${languageName}” in the status bar)`);
      for (const { rule, line } of sample.must) {
        await workbench.goToLine(line);
        await see(workbench.squigglesOnCursorLine(), `a squiggle on line ${line} of ${sample.file} (${rule})`);
        await workbench.filterProblems(rule);
        await workbench.revealProblem(workbench.problemRow(rule, line), `${rule} at line ${line} of ${sample.file}`);
      }
      if (sample.file === screenshotSample) {
        await workbench.filterProblems("");
        await workbench.goToLine(sample.must[0].line);
        await capture("diagnostics");
      }
    }
  },
};
