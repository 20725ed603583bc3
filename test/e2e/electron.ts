// `npm run test:electron`: the extension-host suite (test/e2e/suite, the same one the end-to-end
// run loads into code-server) under @vscode/test-electron, in a VS Code desktop it downloads from
// Microsoft. For machines with internet (developer workstations): the machines of ../shared/E2E.md
// cannot download it, and run the suite in code-server instead (test/e2e/run.sh).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTests } from "@vscode/test-electron";
import { compileSuite } from "./harness/extensionHost";
import { repoRoot } from "./harness/paths";
import { prepareSuiteWorkspace } from "./harness/workspace";
import { resultsFileVariable, type TestResult } from "./suite/results";

/** The oldest VS Code the manifest accepts (engines.vscode), so the suite checks that claim. */
function minimumVersion(): string {
  const { engines } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { engines: { vscode: string } };
  return engines.vscode.replace(/^\^/, "");
}

async function main(): Promise<boolean> {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: repoRoot, stdio: "inherit" });
  const tmp = mkdtempSync(join(tmpdir(), "gov-report-electron-"));
  const suite = await compileSuite();
  try {
    const workspace = join(tmp, "workspace");
    prepareSuiteWorkspace(workspace);
    const resultsFile = join(tmp, "results.json");
    const exitCode = await runTests({
      version: process.env.GOV_REPORT_VSCODE_VERSION ?? minimumVersion(),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite.index,
      extensionTestsEnv: { [resultsFileVariable]: resultsFile },
      // Fresh profile and no installed extensions; the built-in ones stay (the JSON schema check needs them).
      launchArgs: [workspace, "--disable-workspace-trust", "--user-data-dir", join(tmp, "user-data"), "--extensions-dir", join(tmp, "extensions")],
    }).catch((e: Error) => {
      console.error(`test:electron: VS Code did not run: ${e.message}`);
      return 1;
    });
    const results: TestResult[] = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : [];
    for (const r of results) console.log(`${r.ok ? "✔" : "✘"} ${r.name}${r.ok ? "" : `\n    ${r.error ?? ""}`}`);
    console.log(`\n${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length} failed`);
    return exitCode === 0 && results.length > 0 && results.every((r) => r.ok);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(suite.dir, { recursive: true, force: true });
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: Error) => {
    console.error(`test:electron: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
