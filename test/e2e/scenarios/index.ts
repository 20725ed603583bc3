// The UI scenarios of the end-to-end run, in the order they run.
import type { Scenario } from "../harness/scenarios";
import { chineseFirstScenario } from "./chineseFirst";
import { localeSwitchScenario } from "./localeSwitch";
import { navigationScenario } from "./navigation";
import { newReportScenario } from "./newReport";
import { previewScenario } from "./preview";
import { quickFixScenario } from "./quickFix";
import { reviewPageScenario } from "./reviewPage";
import { ruleOffScenario } from "./ruleOff";
import { samplesScenario } from "./samples";
import { tableHintsScenario } from "./tableHints";
import { tableTemplateScenario } from "./tableTemplate";

export const scenarios: Scenario[] = [
  samplesScenario,
  quickFixScenario,
  newReportScenario,
  tableTemplateScenario,
  navigationScenario,
  ruleOffScenario,
  previewScenario,
  reviewPageScenario,
  chineseFirstScenario,
  tableHintsScenario,
  localeSwitchScenario,
];
