import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where things are, found from the repository root (the benchmark runs from a bundle in bench/tmp/). */

function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("package.json not found above the benchmark");
    dir = up;
  }
  return dir;
}

export const ROOT = repositoryRoot();
export const SAMPLES_DIR = join(ROOT, "..", "shared", "samples");
/** Generated drafts; git-ignored and removed after the run. */
export const TMP = join(ROOT, "bench", "tmp");
export const RESULTS = join(ROOT, "bench", "results.json");
export const CLI = join(ROOT, "dist", "cli.js");
export const SERVER = join(ROOT, "dist", "server.js");
/** Preloaded into the server by the memory benchmark: its heap after a forced collection, over IPC. */
export const HEAP_PROBE = join(ROOT, "bench", "heapProbe.cjs");
/** Run in a fresh Node per activation by the start-up figures: dist/client.js activated with vscode stubbed (bench/vscodeStub.cjs). */
export const ACTIVATION = join(ROOT, "bench", "activation.cjs");
export const MARKDOWNLINT_CLI2 = join(ROOT, "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs");
