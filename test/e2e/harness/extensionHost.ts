// The extension-host suite (test/e2e/suite) in code-server: compiled with esbuild, then loaded
// by the workbench through the smoke-test payload (extensionDevelopmentPath +
// extensionTestsPath) into VS Code's real Node extension host. VS Code reports the end of
// `run()` through `codeAutomationExit`; the per-test results come through a JSON file.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { build, type Plugin } from "esbuild";
import type { Browser } from "playwright-core";
import type { TestResult } from "../suite/results";
import type { CodeServer } from "./codeServer";
import { repoRoot } from "./paths";
import { withTimeout } from "./wait";
import { Workbench } from "./workbench";
import { prepareSuiteWorkspace } from "./workspace";

const suiteDir = join(repoRoot, "test/e2e/suite");
/** Compiled suites go under the git-ignored .e2e/; they must stay inside the project so that
 * `require("mocha")` finds node_modules. */
const compiledRoot = join(repoRoot, ".e2e");
const suiteTimeoutMs = 10 * 60_000;

/** Bundles index.ts and every *.spec.ts into a new folder; returns the path of the index. */
export async function compileSuite(): Promise<{ index: string; dir: string }> {
  mkdirSync(compiledRoot, { recursive: true });
  const dir = mkdtempSync(join(compiledRoot, "suite-"));
  const specs = readdirSync(suiteDir).filter((f) => f.endsWith(".spec.ts")).map((f) => join(suiteDir, f));
  await build({
    entryPoints: [join(suiteDir, "index.ts"), ...specs],
    outdir: dir,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["vscode", "mocha"],
    sourcemap: "inline",
    logLevel: "warning",
    plugins: [sourceDirname],
  });
  return { index: join(dir, "index.js"), dir };
}

/**
 * The suite runs as CommonJS, where `import.meta` is empty; the test helpers it shares with the
 * Node tests locate their files by `import.meta.dirname`: each file gets its own folder written in.
 */
const sourceDirname: Plugin = {
  name: "source-dirname",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta.dirname")) return undefined;
      return { contents: source.replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path))), loader: "ts" };
    });
  },
};

export interface SuiteRun {
  browser: Browser;
  server: CodeServer;
  /** The unpacked extension under test (the installed .vsix). */
  extensionPath: string;
  workspace: string;
  /** Where the suite writes its results (named to code-server's environment at start). */
  suiteResultsFile: string;
}

export async function runExtensionHostSuite(run: SuiteRun): Promise<TestResult[]> {
  const { index, dir } = await compileSuite();
  prepareSuiteWorkspace(run.workspace);
  const payload: [string, string][] = [
    ["extensionDevelopmentPath", run.server.remoteUri(run.extensionPath)],
    ["extensionTestsPath", run.server.remoteUri(index)],
  ];
  const workbench = await Workbench.open(run.browser, run.server, run.workspace, payload);
  const hostOutput: string[] = [];
  workbench.page.on("console", (message) => hostOutput.push(message.text()));
  try {
    const exitCode = await withTimeout(workbench.extensionTestsExit(), suiteTimeoutMs, "the extension-host suite did not finish within 10 minutes");
    return suiteResults(run.suiteResultsFile, exitCode, hostOutput);
  } finally {
    await workbench.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The suite's own results, or one failure carrying the extension host's output if it never ran. */
function suiteResults(file: string, exitCode: number, hostOutput: string[]): TestResult[] {
  const results: TestResult[] = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : [];
  const named = results.map((r) => ({ ...r, name: `extension host: ${r.name}` }));
  if (exitCode !== 0 && named.every((r) => r.ok)) {
    named.push({ name: "extension host: the suite ran", ok: false, error: `exit code ${exitCode}\n${hostOutput.slice(-40).join("\n")}` });
  }
  return named;
}
