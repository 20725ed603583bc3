// The end-to-end driver started by test/e2e/run.sh (which packages the .vsix and owns the
// temporary folder): installs the .vsix into a fresh code-server, runs the UI scenarios in
// Chromium and then the extension-host suite, and prints one line per test and a closing
// "N passed, M failed". Exits non-zero when anything failed.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { CodeServer, installExtension, prepareEditorDirs } from "./harness/codeServer";
import { runExtensionHostSuite } from "./harness/extensionHost";
import { resultsDir } from "./harness/paths";
import { runScenarios } from "./harness/scenarios";
import { launchBrowser } from "./harness/workbench";
import { scenarios as allScenarios } from "./scenarios";
import { resultsFileVariable, type TestResult } from "./suite/results";

const extensionId = "gov-report.gov-report";

/** The id under which `--only` selects the extension-host suite. */
const suiteId = "extension-host";

function options() {
  const { values } = parseArgs({
    options: {
      vsix: { type: "string" },
      tmp: { type: "string" },
      screenshots: { type: "boolean", default: false },
      // Comma-separated scenario ids (and/or "extension-host"), to rerun a part while working on it.
      only: { type: "string" },
    },
  });
  if (!values.vsix || !values.tmp) throw new Error("usage: main.ts --vsix FILE --tmp DIR [--screenshots] [--only ID,…]");
  const only = values.only?.split(",");
  const selected = (id: string) => !only || only.includes(id);
  return {
    vsix: values.vsix,
    tmp: values.tmp,
    screenshots: values.screenshots,
    scenarios: allScenarios.filter((s) => selected(s.id)),
    suite: !values.screenshots && selected(suiteId),
  };
}

function print(results: TestResult[]): TestResult[] {
  for (const r of results) console.log(`${r.ok ? "✔" : "✘"} ${r.name}`);
  return results;
}

/** The failures in full, then the closing line; true when everything passed. */
function summarize(results: TestResult[]): boolean {
  const failures = results.filter((r) => !r.ok);
  for (const f of failures) console.log(`\n✘ ${f.name}\n${(f.error ?? "").replace(/^/gm, "    ")}`);
  console.log(`\n${results.length - failures.length} passed, ${failures.length} failed`);
  return failures.length === 0 && results.length > 0;
}

async function main(): Promise<boolean> {
  const { vsix, tmp, screenshots, scenarios, suite } = options();
  // Not emptied: a run of other scenarios in the same work tree may be writing there meanwhile.
  mkdirSync(resultsDir, { recursive: true });
  const dirs = prepareEditorDirs(join(tmp, "editor"));
  const installedExtension = installExtension(dirs, vsix, extensionId);
  const suiteResultsFile = join(tmp, "suite-results.json");
  const server = await CodeServer.start(dirs, { [resultsFileVariable]: suiteResultsFile });
  const browser = await launchBrowser(dirs.xdgHome);
  try {
    const results = print(await runScenarios(scenarios, { browser, server, workspacesDir: join(tmp, "workspaces"), screenshots }));
    if (suite) {
      const workspace = join(tmp, "workspaces", suiteId);
      results.push(...print(await runExtensionHostSuite({ browser, server, extensionPath: installedExtension, workspace, suiteResultsFile })));
    }
    return summarize(results);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: Error) => {
    console.error(`e2e: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
