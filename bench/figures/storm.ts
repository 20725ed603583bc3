import { renderReport } from "../../server/src/core";
import { withDefects } from "../drafts";
import { BenchClient } from "../lsp";
import { single, type Figure } from "../report";
import { summarize } from "../stats";
import { seeded } from "../../test/helpers/random";

/**
 * The language server under a storm of documents: STORM_DOCUMENTS reports
 * opened at once (didOpen sent without waiting), seven years of each organ so
 * that every report has last year's report among them, while a hover is
 * asked of the first document every HOVER_EVERY_MS until the last
 * diagnostics arrive. Figures: the hover latencies during the storm, the time
 * until every document has its diagnostics, and the server's resident memory.
 */

const STORM_DOCUMENTS = Number(process.env.GOV_REPORT_STORM ?? 10_000);
const HOVER_EVERY_MS = 50;
const YEARS = 7;

const uriOf = (n: number) => `file:///storm/${n}.txt`;

/** Report n of a generated workspace: organ n ÷ 7, year 2019 + n mod 7, with a few seeded defects. */
export function stormReport(n: number): string {
  const text = renderReport({ year: 2019 + (n % YEARS), organ: `第${Math.floor(n / YEARS)}号机关` });
  return withDefects(text, seeded(n));
}

/** Hovers over a table figure of an open document every HOVER_EVERY_MS, until stopped; stop() gives their latencies. */
export function hoverRepeatedly(client: BenchClient, uri: string, text: string): { stop: () => Promise<number[]> } {
  const position = { line: text.split("\n").findIndex((l) => /\t\d/.test(l)), character: 3 };
  const hovers: number[] = [];
  let hovering = true;
  const done = (async () => {
    while (hovering) {
      const start = performance.now();
      await client.request("textDocument/hover", { textDocument: { uri }, position });
      hovers.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, HOVER_EVERY_MS));
    }
  })();
  return {
    stop: async () => {
      hovering = false;
      await done;
      return hovers;
    },
  };
}

export async function stormFigures(): Promise<Figure[]> {
  // Made before the storm: this process answers the hovers too, and must not be busy writing reports meanwhile.
  const texts = Array.from({ length: STORM_DOCUMENTS }, (_, n) => stormReport(n));
  const { client } = await BenchClient.start();
  try {
    await client.open(uriOf(0), texts[0]);
    const hovering = hoverRepeatedly(client, uriOf(0), texts[0]);
    const start = performance.now();
    const arrivals: Promise<unknown>[] = [];
    for (let n = 1; n < STORM_DOCUMENTS; n++) arrivals.push(client.open(uriOf(n), texts[n]));
    await Promise.all(arrivals);
    const allChecked = performance.now() - start;
    const hovers = await hovering.stop();
    const rss = client.rssMB();
    const latency = summarize(hovers);
    const count = STORM_DOCUMENTS.toLocaleString("en");
    return [
      {
        group: "storm",
        name: `hover during ${count} didOpen`,
        unit: "ms",
        ours: latency,
        target: { text: "p95 ≤ 50 ms", met: latency.p95 <= 50 },
        note: `${hovers.length} hovers`,
      },
      { group: "storm", name: `${count} documents opened and checked`, unit: "ms", ours: single(allChecked) },
      { group: "storm", name: `server RSS after ${count} documents`, unit: "MB", ours: single(rss), target: { text: "≤ 1024 MB", met: rss <= 1024 } },
    ];
  } finally {
    await client.stop();
  }
}
