// Packages the extension as a .vsix: production bundles (esbuild, minified, no source maps) and
// `vsce package`; the offline page beside it as gov-report-<version>.html.
// Usage: node scripts/package.mjs [--out FILE]   (default: gov-report-<version>.vsix)
//
// It works in a temporary copy of the project's files so that the work tree's dist/ (development
// bundles with source maps, which running tests spawn) is never rewritten underneath them.
// What goes into the .vsix is decided by the allow-list in .vscodeignore.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

function outputPath() {
  const i = process.argv.indexOf("--out");
  return i > 0 ? resolve(process.argv[i + 1]) : join(root, `${manifest.name}-${manifest.version}.vsix`);
}

/**
 * The README links to files that are not in the .vsix (rule documentation, screenshots): vsce
 * rewrites them to the repository, which it cannot infer for a host other than GitHub/GitLab.
 */
function readmeLinkArgs() {
  const repository = manifest.repository.url.replace(/\.git$/, "");
  return ["--baseContentUrl", `${repository}/blob/HEAD/`, "--baseImagesUrl", `${repository}/raw/HEAD/`];
}

/** Tracked and new (not ignored) files: the project without node_modules, caches and builds. */
function projectFiles() {
  const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root });
  return out.toString("utf8").split("\0").filter(Boolean);
}

function stageProject(staging) {
  for (const file of projectFiles()) {
    try {
      cpSync(join(root, file), join(staging, file));
    } catch (e) {
      if (e.code !== "ENOENT") throw e; // deleted in the work tree but still tracked
    }
  }
  // The build resolves esbuild and the bundled dependencies from here.
  symlinkSync(join(root, "node_modules"), join(staging, "node_modules"), "dir");
  // `files` is the npm package's list; vsce refuses it beside .vscodeignore, which decides the .vsix.
  const { files, ...vsixManifest } = manifest;
  writeFileSync(join(staging, "package.json"), JSON.stringify(vsixManifest, null, 2) + "\n");
}

/** Runs a step with its output shown; a failing step ends the packaging with its exit status. */
function run(command, args, cwd) {
  const { status } = spawnSync(command, args, { cwd, stdio: "inherit" });
  if (status !== 0) throw new PackagingFailed(`${args.slice(0, 2).join(" ")} exited with ${status}`);
}

class PackagingFailed extends Error {}

const out = outputPath();
const staging = mkdtempSync(join(tmpdir(), "gov-report-package-"));
try {
  stageProject(staging);
  run(process.execPath, ["scripts/build.mjs", "--production"], staging);
  // Everything the extension runs is bundled, so vsce must not walk node_modules.
  const vsce = join(root, "node_modules", "@vscode", "vsce", "vsce");
  run(process.execPath, [vsce, "package", "--no-dependencies", ...readmeLinkArgs(), "--out", out], staging);
  // The offline page is a release file of its own, beside the .vsix: one HTML file for PCs that can install nothing.
  const page = out.replace(/\.vsix$/, "") + ".html";
  cpSync(join(staging, "dist", "gov-report.html"), page);
  console.log(`package: ${page}`);
} catch (e) {
  if (!(e instanceof PackagingFailed)) throw e;
  console.error(`package: ${e.message}`);
  process.exitCode = 1;
} finally {
  rmSync(staging, { recursive: true, force: true });
}
