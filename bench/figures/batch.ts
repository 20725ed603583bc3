import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, openSync, closeSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { defaultThreadCount } from "../../server/src/cli/parallel";
import { seeded } from "../../test/helpers/random";
import { withDefects, type Sample } from "../drafts";
import { CLI, MARKDOWNLINT_CLI2, TMP } from "../paths";
import type { Figure } from "../report";
import { compareAsync, summarize, timeAsync } from "../stats";

/**
 * Figure 4: the CLI on 1,000 report files, wall clock from spawning Node to
 * its exit (start-up included), against markdownlint-cli2 (default rules)
 * on the same files. One file in three is a sample with defects, the others
 * are `gov-report new` reports (one per year, asked of the CLI) with their
 * organ renamed and defects.
 */

const FILES = 1000;

function writeBatch(samples: Sample[]): string {
  const dir = join(TMP, "batch");
  mkdirSync(dir, { recursive: true });
  const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
  const fresh = years.map((year) => execFileSync(process.execPath, [CLI, "new", "--year", String(year), "--organ", "某某机关"], { encoding: "utf8" }));
  for (let n = 0; n < FILES; n++) {
    const base = n % 3 === 0 ? samples[(n / 3) % samples.length].text : fresh[n % years.length].replaceAll("某某机关", `第${n}号机关`);
    writeFileSync(join(dir, `report-${String(n).padStart(4, "0")}.txt`), withDefects(base, seeded(n)));
  }
  return dir;
}

/** Runs a command to its end with its output sent to /dev/null (it is still written). */
function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  const devNull = openSync("/dev/null", "w");
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", devNull, devNull], env: { ...process.env, ...env } });
    child.once("error", reject);
    child.once("exit", () => resolve());
  }).finally(() => closeSync(devNull));
}

export async function batchFigures(samples: Sample[]): Promise<Figure[]> {
  const dir = writeBatch(samples);
  const ours = () => run([CLI, "check", "--format", "json", dir]);
  const peer = () => run([MARKDOWNLINT_CLI2, join(dir, "*.txt")]);
  const both = await compareAsync(ours, peer, { warmup: 1, runs: 3 });
  const serial: number[] = [];
  // The default uses one thread per core but one; the other count shows what it chose against.
  const defaultThreads = defaultThreadCount();
  const other = defaultThreads === 1 ? 2 : 1;
  for (let i = 0; i < 3; i++) serial.push(await timeAsync(() => run([CLI, "check", "--format", "json", dir], { GOV_REPORT_THREADS: String(other) })));
  const ratio = both.ours.median / both.peer.median;
  return [
    {
      group: "batch",
      name: `CLI check, ${FILES} files (default threads)`,
      unit: "ms",
      ours: both.ours,
      peer: both.peer,
      target: { text: "≤ 1000 ms, ≤ 0.2×", met: both.ours.median <= 1000 && ratio <= 0.2 },
      note: `wall clock incl. Node start-up; ${defaultThreads} thread(s) on ${availableParallelism()} cores; peer markdownlint-cli2`,
    },
    { group: "batch", name: `CLI check, ${FILES} files (other thread count)`, unit: "ms", ours: summarize(serial), note: `GOV_REPORT_THREADS=${other}` },
  ];
}
