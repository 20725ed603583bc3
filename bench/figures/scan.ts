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

export async function scanFigures(samples: Sample[]): Promise<Figure[]> {
  const folder = join(TMP, "workspace");
  const saved = writeWorkspace(folder, samples);
  const open = stormReport(0);
  const { client } = await BenchClient.start({ workspaceFolder: folder, settings: { workspaceCheck: true } });
  try {
    const scanStart = performance.now();
    await client.open(OPEN, open);
    let hovering = hoverRepeatedly(client, OPEN, open);
    await until(() => saved.every((uri) => client.diagnosed.has(uri)), "every saved report's diagnostics");
    const scanned = performance.now() - scanStart;
    const scanHovers = await hovering.stop();
    const scanPeak = client.peakRssMB();

    client.resetPeakRss();
    hovering = hoverRepeatedly(client, OPEN, open);
    const reviewStart = performance.now();
    const listed = await reviewAll(client);
    const reviewed = performance.now() - reviewStart;
    const reviewHovers = await hovering.stop();
    const reviewPeak = client.peakRssMB();
    if (listed !== REPORTS + 1) throw new Error(`the review request listed ${listed} reports of ${REPORTS + 1}`);

    const count = REPORTS.toLocaleString("en");
    const scanLatency = summarize(scanHovers);
    const reviewLatency = summarize(reviewHovers);
    return [
      { group: "scan", name: `hover during the workspace check of ${count} saved reports`, unit: "ms", ours: scanLatency, target: { text: "p95 ≤ 50 ms", met: scanLatency.p95 <= 50 }, note: `${scanHovers.length} hovers` },
      { group: "scan", name: `${count} saved reports read, checked and published`, unit: "ms", ours: single(scanned) },
      { group: "scan", name: `server peak RSS during the workspace check of ${count}`, unit: "MB", ours: single(scanPeak), target: { text: "≤ 1024 MB", met: scanPeak <= 1024 } },
      { group: "scan", name: `hover during the review request of ${count}`, unit: "ms", ours: reviewLatency, target: { text: "p95 ≤ 50 ms", met: reviewLatency.p95 <= 50 }, note: `${reviewHovers.length} hovers` },
      { group: "scan", name: `review request of ${count}, every page`, unit: "ms", ours: single(reviewed) },
      { group: "scan", name: `server peak RSS during the review request of ${count}`, unit: "MB", ours: single(reviewPeak), target: { text: "≤ 1024 MB", met: reviewPeak <= 1024 } },
    ];
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
