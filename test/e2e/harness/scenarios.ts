// Runs the UI scenarios one after another, each in its own workspace folder and browser context,
// and turns each into a pass or a failure with a readable message and a screenshot.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Browser } from "playwright-core";
import type { TestResult } from "../suite/results";
import type { CodeServer } from "./codeServer";
import { docsImagesDir, resultsDir } from "./paths";
import { Workbench } from "./workbench";

export interface Scenario {
  /** Names the scenario's workspace folder and failure screenshot. */
  id: string;
  title: string;
  run(context: ScenarioContext): Promise<void>;
}

export interface ScenarioContext {
  /** Writes `files` (relative path → text) into a new workspace folder and opens the workbench on it. */
  open(files: Record<string, string>): Promise<{ workbench: Workbench; folder: string }>;
  /** Screenshot of the workbench as it is now, for the README (docs/images/<name>.png). */
  capture(name: string): Promise<void>;
}

export interface ScenarioEnvironment {
  browser: Browser;
  server: CodeServer;
  workspacesDir: string;
  /** `npm run screenshots`: also write the captures into docs/images. */
  screenshots: boolean;
}

/**
 * No workspace settings: the extension is tested as installed. The workbench stays English
 * (code-server has no language pack offline) and the extension speaks Chinese by default.
 */
function writeFiles(folder: string, files: Record<string, string>): void {
  // The folder is made even with no file in it: code-server opened on a missing folder says so in a dialog over the workbench.
  mkdirSync(folder, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

async function runScenario(scenario: Scenario, env: ScenarioEnvironment): Promise<TestResult> {
  const opened: Workbench[] = [];
  const context: ScenarioContext = {
    async open(files) {
      const folder = join(env.workspacesDir, `${scenario.id}-${opened.length + 1}`);
      writeFiles(folder, files);
      const workbench = await Workbench.open(env.browser, env.server, folder);
      opened.push(workbench);
      return { workbench, folder };
    },
    async capture(name) {
      const file = join(resultsDir, `${name}.png`);
      await opened.at(-1)!.screenshot(file);
      if (env.screenshots) copyFileSync(file, join(docsImagesDir, `${name}.png`));
    },
  };
  const name = `UI: ${scenario.title}`;
  const failureScreenshot = join(resultsDir, `${scenario.id}-failure.png`);
  rmSync(failureScreenshot, { force: true });
  try {
    await scenario.run(context);
    return { name, ok: true };
  } catch (e) {
    await opened.at(-1)?.screenshot(failureScreenshot);
    return { name, ok: false, error: `${(e as Error).message}\nscreenshot: ${failureScreenshot}` };
  } finally {
    for (const workbench of opened) await workbench.close();
  }
}

export async function runScenarios(scenarios: Scenario[], env: ScenarioEnvironment): Promise<TestResult[]> {
  mkdirSync(env.workspacesDir, { recursive: true });
  if (env.screenshots) mkdirSync(docsImagesDir, { recursive: true });
  const results: TestResult[] = [];
  for (const scenario of scenarios) results.push(await runScenario(scenario, env));
  return results;
}
