import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REVIEW_REQUEST, type ReviewPage, type ReviewParams } from "../../server/src/server/reviewProtocol";
import { parse } from "../../server/src/core";
import type { Sample } from "../drafts";
import { BenchClient } from "../lsp";
import { TMP } from "../paths";
import { single, type Figure } from "../report";
import { summarize } from "../stats";
import { hoverRepeatedly, stormReport } from "./storm";

/**
 * The language server with a workspace of many saved reports:
 * GOV_REPORT_SCAN_REPORTS reports (the five samples in turn, each copy with
 * an organ of its own, a thousand to a folder) written to bench/tmp, the server started
 * on that folder with govReport.workspaceCheck on and one other report open,
 * over which a hover is asked every 50 ms. Figures: the hover latencies while
 * the server reads every saved report and publishes its findings, the time
 * until all are published and the server's peak resident memory meanwhile;
 * then the same while the 年报检查 view's request is asked page after page
 * for every report, as the view asks.
 */

const REPORTS = Number(process.env.GOV_REPORT_SCAN_REPORTS ?? 10_000);
const PER_FOLDER = 1000;
const OPEN = "file:///scan/open.txt";

/** Writes the saved reports; returns their URIs. */
function writeWorkspace(folder: string, samples: Sample[]): string[] {
  const organs = samples.map((s) => parse(s.text).organ ?? "");
  const uris: string[] = [];
  for (let n = 0; n < REPORTS; n++) {
    const dir = join(folder, `part-${Math.floor(n / PER_FOLDER)}`);
    if (n % PER_FOLDER === 0) mkdirSync(dir, { recursive: true });
    const i = n % samples.length;
    const path = join(dir, `${n}-${samples[i].name}`);
    writeFileSync(path, samples[i].text.replaceAll(organs[i], `第${n}号${organs[i]}`));
    uris.push(pathToFileURL(path).href);
  }
  return uris;
}

/** The workspace check of 20,000 reports takes a minute or two; an hour means something is stuck. */
const GIVE_UP_MS = 3_600_000;

async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + GIVE_UP_MS;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every page of the 年报检查 view's request, one after another; the number of reports listed. */
async function reviewAll(client: BenchClient): Promise<number> {
  let listed = 0;
  let params: ReviewParams = {};
  for (;;) {
    const page = await client.request<ReviewPage>(REVIEW_REQUEST, params);
    listed += page.reports.length;
    if (page.next === undefined) return listed;
    params = { after: page.next };
  }
}

/** What a phase of work cost: the hovers' latencies meanwhile, its time, the server's peak resident memory. */
interface Phase {
  hovers: number[];
  ms: number;
  peakMB: number;
}

/** Runs `work` with a hover over the open report every 50 ms, the server's peak memory counted from its start. */
async function measured(client: BenchClient, text: string, work: () => Promise<void>): Promise<Phase> {
  client.resetPeakRss();
  const hovering = hoverRepeatedly(client, OPEN, text);
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  return { hovers: await hovering.stop(), ms, peakMB: client.peakRssMB() };
}

function phaseFigures(what: string, { hovers, ms, peakMB }: Phase): Figure[] {
  const latency = summarize(hovers);
  return [
    { group: "scan", name: `hover during ${what}`, unit: "ms", ours: latency, target: { text: "p95 ≤ 50 ms", met: latency.p95 <= 50 }, note: `${hovers.length} hovers` },
    { group: "scan", name: what, unit: "ms", ours: single(ms) },
    { group: "scan", name: `server peak RSS during ${what}`, unit: "MB", ours: single(peakMB), target: { text: "≤ 1024 MB", met: peakMB <= 1024 } },
  ];
}

/** Every page of the review request; throws unless it lists every report once. */
async function reviewEvery(client: BenchClient): Promise<void> {
  const listed = await reviewAll(client);
  if (listed !== REPORTS + 1) throw new Error(`the review request listed ${listed} reports of ${REPORTS + 1}`);
}

export async function scanFigures(samples: Sample[]): Promise<Figure[]> {
  const folder = join(TMP, "workspace");
  const saved = writeWorkspace(folder, samples);
  const open = stormReport(0);
  const count = REPORTS.toLocaleString("en");
  try {
    // The workspace check, then the view of its reports, whose findings it has kept.
    const checking = await BenchClient.start({ workspaceFolder: folder, settings: { workspaceCheck: true } });
    const checked = await (async () => {
      try {
        await checking.client.open(OPEN, open);
        const scan = await measured(checking.client, open, () => until(() => saved.every((uri) => checking.client.diagnosed.has(uri)), "every saved report's diagnostics"));
        const review = await measured(checking.client, open, () => reviewEvery(checking.client));
        return [...phaseFigures(`the workspace check of ${count} saved reports`, scan), ...phaseFigures(`the review request of ${count} after it`, review)];
      } finally {
        await checking.client.stop();
      }
    })();
    // The view of a workspace just opened, without the workspace check: the request reads and checks every report.
    const { client } = await BenchClient.start({ workspaceFolder: folder });
    try {
      await client.open(OPEN, open);
      const review = await measured(client, open, () => reviewEvery(client));
      return [...checked, ...phaseFigures(`the review request of ${count} just opened, no workspace check`, review)];
    } finally {
      await client.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
