// Entry point of the extension-host test suite. VS Code loads this module inside its real
// extension host and awaits `run()`: under code-server through the smoke-test payload
// (test/e2e/harness/extensionHost.ts), under Electron through @vscode/test-electron
// (test/e2e/electron.ts). The *.spec.js files next to it are the compiled specs.
import Mocha from "mocha";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { resultsFileVariable, type TestResult } from "./results";

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", color: false, reporter: "spec", timeout: 150_000 });
  for (const spec of readdirSync(__dirname).filter((f) => f.endsWith(".spec.js")).sort()) {
    mocha.addFile(join(__dirname, spec));
  }
  return new Promise((resolve, reject) => {
    const results: TestResult[] = [];
    const runner = mocha.run((failures) => {
      writeResults(results);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on("pass", (test) => results.push({ name: test.fullTitle(), ok: true }));
    runner.on("fail", (test, error: Error) => results.push({ name: test.fullTitle(), ok: false, error: error.message }));
  });
}

/** The runner outside the editor reads the per-test results from the file it named. */
function writeResults(results: TestResult[]): void {
  const file = process.env[resultsFileVariable];
  if (file) writeFileSync(file, JSON.stringify(results, null, 2));
}
