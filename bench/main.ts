import { mkdirSync, rmSync } from "node:fs";
import { readSamples, type Sample } from "./drafts";
import { batchFigures } from "./figures/batch";
import { sampleFigures, scalingFigures } from "./figures/check";
import { editingFigures, memoryFigures, startupFigures } from "./figures/lsp";
import { scanFigures } from "./figures/scan";
import { stormFigures } from "./figures/storm";
import { RESULTS, TMP } from "./paths";
import { machine, printTable, writeResults, type Figure } from "./report";

/**
 * The benchmark of issue 6, in one process run: every group of figures in
 * turn, then the table and bench/results.json. `npm run bench -- GROUP…`
 * runs only the named groups.
 */

const GROUPS: Record<string, (samples: Sample[]) => Figure[] | Promise<Figure[]>> = {
  check: (samples) => [...sampleFigures(samples), ...scalingFigures(samples)],
  batch: batchFigures,
  lsp: editingFigures,
  memory: memoryFigures,
  startup: startupFigures,
  storm: stormFigures,
  scan: scanFigures,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((g) => !(g in GROUPS));
  if (unknown.length) throw new Error(`unknown group ${unknown.join(", ")}; groups: ${Object.keys(GROUPS).join(", ")}`);
  const at = machine();
  const samples = readSamples();
  const figures: Figure[] = [];
  mkdirSync(TMP, { recursive: true });
  try {
    for (const [group, run] of Object.entries(GROUPS)) {
      if (wanted.length && !wanted.includes(group)) continue;
      process.stderr.write(`bench: ${group}…\n`);
      try {
        figures.push(...(await run(samples)));
      } catch (e) {
        // One group failing must not lose the others' figures.
        process.stderr.write(`bench: ${group} failed: ${(e as Error).stack ?? String(e)}\n`);
        process.exitCode = 1;
      }
    }
  } finally {
    rmSync(TMP, { recursive: true, force: true });
  }
  process.stdout.write(printTable(figures) + "\n");
  writeResults(RESULTS, at, figures);
  process.stdout.write(`\n${at.cpu}, ${at.cores} cores, Node ${at.node}, load at start ${at.loadAtStart.join(" ")}; written to ${RESULTS}\n`);
}

await main();
