// Scenario: every table of both formats in the editor with its column hints, none cut short —
// the fifteen of table 四 on one line end with 复议后·总计 — and no box around the full-width
// punctuation (VS Code's ambiguous-character highlight is off for reports). A screenshot per
// table, per format.
import { renderReport } from "../../../server/src/core";
import { fillGuidance } from "../../helpers/mutate";
import { lineStartingWith, organ } from "../harness/fixtures";
import type { Scenario } from "../harness/scenarios";
import { waitUntil } from "../harness/wait";
import { see } from "../harness/workbench";

/** First line of each table, and a hint its rows must show in either format. */
const tables = [
  { name: "table2", first: "第二十条第（一）项", hint: /制发:|新制作:/ },
  { name: "table3", first: "（本列数据的勾稽关系为", hint: "公益:" },
  { name: "table4", first: "行政复议", hint: "复议后·总计:" },
];
/** Table 四's hints: three groups of five outcomes. */
const REVIEW_HINT = /(?:复议后|复议|直诉)·(?:维持|纠正|其他|未结|总计):/g;

export const tableHintsScenario: Scenario = {
  id: "table-hints",
  title: "column hints on every table of both formats, all fifteen of table 四, no ambiguous-character boxes",
  async run({ open, capture }) {
    for (const year of [2025, 2020]) {
      const file = `${year}年度报告.txt`;
      const report = fillGuidance(renderReport({ year, organ }));
      const { workbench } = await open({ [file]: report });
      const format = year >= 2021 ? 2021 : 2019;
      await workbench.openFile(file);
      await workbench.hideSecondarySideBar();
      await see(workbench.statusBarItem(`年报 · ${format} 格式`), `the ${year} report checked`);
      for (const table of tables) {
        await workbench.goToLine(lineStartingWith(report, table.first));
        await see(workbench.activeEditor().locator(".view-line", { hasText: table.hint }), `the hint ${table.hint} in ${table.name} of the ${year} report`);
        await capture(`hints-${format}-${table.name}`);
      }
      // The row may wrap onto several screen lines (reports wrap words), a label too: its hints are counted over the lines in view,
      // joined in the order they stand on screen (VS Code reuses its line elements, so their order in the page is not the text's).
      // Counted until all fifteen are there: hints arriving re-wrap the row, and a count taken while VS Code redraws sees part of it.
      let shown = "";
      const allShown = await waitUntil(async () => {
        shown = (
          await workbench
            .activeEditor()
            .locator(".view-line")
            .evaluateAll((lines) => lines.map((l) => ({ top: parseFloat((l as HTMLElement).style.top) || 0, text: l.textContent ?? "" })))
        )
          .sort((a, b) => a.top - b.top)
          .map((l) => l.text)
          .join("");
        return (shown.match(REVIEW_HINT) ?? []).length === 15 && !shown.includes("…");
      }, 20_000);
      if (!allShown) throw new Error(`table 四's row shows ${(shown.match(REVIEW_HINT) ?? []).length} of its 15 hints:\n${shown}`);
      const boxes = await workbench.activeEditor().locator(".unicode-highlight").count();
      if (boxes) throw new Error(`${boxes} characters are boxed as ambiguous or invisible`);
    }
  },
};
