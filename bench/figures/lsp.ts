import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { CodeAction, CompletionList, Diagnostic, Hover } from "vscode-languageserver-protocol";
import { syntheticDraft, variantReport, type Sample } from "../drafts";
import { BenchClient, DEBOUNCE_MS } from "../lsp";
import { ACTIVATION, ROOT, SAMPLES_DIR } from "../paths";
import { single, type Figure } from "../report";
import { summarize, timeAsync, type Stats } from "../stats";

/**
 * Figures 3, 5 and 6: the language server over LSP (dist/server.js as a
 * child process, stdio), with govReport.debounce set to 0 through
 * workspace/configuration, so a latency is the whole round trip: the change
 * sent, the document updated, parsed and checked, the diagnostics serialised
 * and received.
 */

const uriOf = (name: string) => `file:///bench/${encodeURIComponent(name)}`;

/** A line to type into: the longest prose line (no tab, no pipe) of the text. */
function proseLine(text: string): { line: number; end: number } {
  const lines = text.split(/\r\n|\r|\n/);
  let best = 0;
  lines.forEach((l, i) => {
    if (!l.includes("\t") && !l.includes("|") && l.length > lines[best].length) best = i;
  });
  return { line: best, end: lines[best].length };
}

/**
 * What VS Code asks for after an edit of a visible document, beside the
 * diagnostics: the outline and breadcrumbs (symbols), folding, the inlay
 * hints of the visible lines and the code lenses.
 */
function editorRequests(client: BenchClient, uri: string, line: number): Promise<unknown>[] {
  const textDocument = { uri };
  const visible = { start: { line: Math.max(0, line - 25), character: 0 }, end: { line: line + 25, character: 0 } };
  return [
    client.request("textDocument/documentSymbol", { textDocument }),
    client.request("textDocument/foldingRange", { textDocument }),
    client.request("textDocument/inlayHint", { textDocument, range: visible }),
    client.request("textDocument/codeLens", { textDocument }),
  ];
}

/**
 * Single-character insertions, each timed from didChange to the diagnostics
 * of that version; with `withRequests`, the editor's requests
 * (editorRequests) are sent right after each change, and each edit also
 * waits for their answers before the next.
 */
async function typing(client: BenchClient, uri: string, text: string, edits: number, withRequests = false): Promise<Stats> {
  await client.open(uri, text);
  const { line, end } = proseLine(text);
  const latencies: number[] = [];
  for (let v = 2; v < 2 + edits; v++) {
    const arrived = client.diagnostics(uri, v);
    const start = performance.now();
    await client.insert(uri, v, line, end + (v - 2), "字");
    const answered = withRequests ? Promise.all(editorRequests(client, uri, line)) : undefined;
    latencies.push((await arrived).at - start - DEBOUNCE_MS);
    await answered;
  }
  return summarize(latencies);
}

/** A table value of the text to hover: the first digit on a tab-separated line. */
function valuePosition(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /\t\s*(\d)/.exec(lines[i]);
    if (m) return { line: i, character: m.index + m[0].length - 1 };
  }
  return { line: 0, character: 0 };
}

async function requests(client: BenchClient, sample: Sample, runs: number): Promise<{ codeAction: Stats; completion: Stats; hover: Stats }> {
  const uri = uriOf(`requests-${sample.name}`);
  const opened = await client.open(uri, sample.text);
  const withFix = opened.params.diagnostics.find((d: Diagnostic) => d.data !== undefined) ?? opened.params.diagnostics[0];
  const textDocument = { uri };
  const hoverAt = valuePosition(sample.text);
  const { line } = proseLine(sample.text);
  const calls = {
    codeAction: () =>
      client.request<CodeAction[]>("textDocument/codeAction", {
        textDocument,
        range: withFix?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: withFix ? [withFix] : [] },
      }),
    completion: () => client.request<CompletionList>("textDocument/completion", { textDocument, position: { line, character: 0 } }),
    hover: () => client.request<Hover>("textDocument/hover", { textDocument, position: hoverAt }),
  };
  const out = {} as Record<keyof typeof calls, Stats>;
  for (const [name, call] of Object.entries(calls) as [keyof typeof calls, () => Promise<unknown>][]) {
    for (let i = 0; i < 10; i++) await call();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timeAsync(call));
    out[name] = summarize(times);
  }
  return out;
}

export async function editingFigures(samples: Sample[]): Promise<Figure[]> {
  const { client } = await BenchClient.start();
  const figures: Figure[] = [];
  try {
    // Time to first diagnostics: each sample opened anew (a new uri) in a running server.
    const firsts: number[] = [];
    for (let i = 0; i < 50; i++) {
      const s = samples[i % samples.length];
      const start = performance.now();
      const arrived = await client.open(uriOf(`first-${i}-${s.name}`), s.text);
      firsts.push(arrived.at - start);
    }
    figures.push({ group: "lsp", name: "didOpen → first diagnostics (sample)", unit: "ms", ours: summarize(firsts), note: `debounce ${DEBOUNCE_MS} ms` });

    const edits = 200;
    const sample = samples[samples.length - 1];
    const onSample = await typing(client, uriOf(`typing-${sample.name}`), sample.text, edits);
    figures.push({ group: "lsp", name: `${edits} edits into ${sample.name.slice(0, 3)}: didChange → diagnostics`, unit: "ms", ours: onSample, target: { text: "p95 ≤ 15 ms", met: onSample.p95 <= 15 } });
    const big = syntheticDraft(samples, 1 << 20);
    const onBig = await typing(client, uriOf("typing-1MB.txt"), big, edits);
    await client.close(uriOf("typing-1MB.txt"));
    figures.push({ group: "lsp", name: `${edits} edits into the 1 MB draft: didChange → diagnostics`, unit: "ms", ours: onBig, target: { text: "p95 ≤ 150 ms", met: onBig.p95 <= 150 } });
    const withRequests = 100;
    const onBigAsked = await typing(client, uriOf("typing-1MB-editor.txt"), big, withRequests, true);
    figures.push({
      group: "lsp",
      name: `${withRequests} edits into the 1 MB draft with the editor's requests: didChange → diagnostics`,
      unit: "ms",
      ours: onBigAsked,
      target: { text: "p95 ≤ 150 ms", met: onBigAsked.p95 <= 150 },
      note: "symbols, folding, inlay hints and code lenses asked after each edit",
    });

    const r = await requests(client, sample, 200);
    for (const [name, stats] of Object.entries(r)) {
      figures.push({ group: "lsp", name: `${name} on ${sample.name.slice(0, 3)}`, unit: "ms", ours: stats, target: { text: "p95 ≤ 20 ms", met: stats.p95 <= 20 } });
    }
  } finally {
    await client.stop();
  }
  return figures;
}

/**
 * Figure 5: resident memory with 100 reports open, and memory over 10,000
 * edits. Growth is judged on the live heap after a forced full collection
 * (bench/heapProbe.cjs), at edit 1,000 and at every 1,000 after: RSS only
 * says how much heap V8 has grown to, which it does lazily and keeps, so it
 * is reported beside it but does not decide.
 */
export async function memoryFigures(samples: Sample[]): Promise<Figure[]> {
  const { client } = await BenchClient.start({ heapProbe: true });
  const figures: Figure[] = [];
  const MB = 2 ** 20;
  try {
    const reports = 100;
    for (let n = 0; n < reports; n++) await client.open(uriOf(`memory-${n}.txt`), variantReport(samples, n));
    const open = client.rssMB();
    figures.push({ group: "memory", name: `server RSS, ${reports} reports open`, unit: "MB", ours: single(open), target: { text: "≤ 150 MB", met: open <= 150 } });

    // Type a character and delete it again, 5,000 times: the text ends as it began, so memory should too.
    const uri = uriOf("memory-0.txt");
    const text = variantReport(samples, 0);
    const { line, end } = proseLine(text);
    let version = 1;
    const at = { line, character: end };
    const rss: number[] = [];
    const heap: number[] = [];
    const total = 10_000;
    for (let i = 0; i < total; i++) {
      const change = i % 2 === 0 ? { range: { start: at, end: at }, text: "字" } : { range: { start: at, end: { line, character: end + 1 } }, text: "" };
      version++;
      const measured = (i + 1) % 1000 === 0;
      await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [change] });
      // A pause every 10 edits for the diagnostics of the last one, as a typist's pauses would; and before each measurement.
      if (version % 10 === 0 || measured) await client.diagnostics(uri, version);
      if (measured) {
        rss.push(client.rssMB());
        heap.push((await client.heapAfterGC()).heapUsed / MB);
      }
    }
    const heapGrowth = heap[heap.length - 1] - heap[0];
    figures.push({
      group: "memory",
      name: `heap after full GC, growth edit 1,000 → ${total.toLocaleString("en")}`,
      unit: "MB",
      ours: single(heapGrowth),
      // V8 keeps compiling as the server warms up: about 0.5 MB of code over these edits, levelling off later.
      target: { text: "no growth (≤ 1 MB)", met: heapGrowth <= 1 },
      note: `heap after GC per 1,000 edits: ${heap.map((m) => m.toFixed(1)).join(" ")}`,
    });
    const rssGrowth = rss[rss.length - 1] - rss[0];
    figures.push({
      group: "memory",
      name: `RSS growth, edit 1,000 → ${total.toLocaleString("en")}`,
      unit: "MB",
      ours: single(rssGrowth),
      note: `RSS per 1,000 edits (each read before that collection): ${rss.map((m) => m.toFixed(0)).join(" ")}`,
    });
  } finally {
    await client.stop();
  }
  return figures;
}

/** Figure 6: from spawning the server to its first diagnostics, and the extension's activation. */
export async function startupFigures(samples: Sample[]): Promise<Figure[]> {
  const runs = 15;
  const toInit: number[] = [];
  const toFirst: number[] = [];
  const sample = samples[0];
  for (let i = 0; i < runs; i++) {
    const { client, spawnedAt, initializedAt } = await BenchClient.start();
    const arrived = await client.open(uriOf(sample.name), sample.text);
    toInit.push(initializedAt - spawnedAt);
    toFirst.push(arrived.at - spawnedAt);
    await client.stop();
  }
  return [
    { group: "startup", name: "server spawn → initialize result", unit: "ms", ours: summarize(toInit) },
    { group: "startup", name: "server spawn → first diagnostics (sample)", unit: "ms", ours: summarize(toFirst) },
    ...activationFigures(sample, runs),
  ];
}

/** What bench/activation.cjs prints: ms from just before dist/client.js is required. */
interface Activation {
  require: number;
  activate: number;
  initialized?: number;
  diagnostics?: number;
}

/**
 * The extension's activation, each run in a fresh Node process
 * (bench/activation.cjs) with `vscode` answered by bench/vscodeStub.cjs:
 * with no report open (require dist/client.js, then activate), and with a
 * report open in the active editor, where activate starts the language
 * client, which forks dist/server.js over IPC, until the report's first
 * diagnostics reach the client's diagnostic collection. The two cases
 * alternate.
 */
function activationFigures(sample: Sample, runs: number): Figure[] {
  const activate = (...report: string[]): Activation =>
    JSON.parse(execFileSync(process.execPath, [ACTIVATION, ROOT, ...report], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 })) as Activation;
  const idle: Activation[] = [];
  const withReport: Activation[] = [];
  let problem: string | undefined;
  try {
    for (let i = 0; i < runs; i++) {
      idle.push(activate());
      withReport.push(activate(join(SAMPLES_DIR, sample.name)));
    }
  } catch (e) {
    // The stub may fall short of what a new client version asks of vscode: say so rather than lose the other figures.
    const stderr = String((e as { stderr?: string }).stderr ?? "");
    problem = /^(\w*Error: [^\n]*)/m.exec(stderr)?.[1] ?? (stderr.trim().split("\n")[0] || String(e));
  }
  const stubbed = "Node, vscode stubbed (bench/vscodeStub.cjs): VS Code adds its extension host's overhead";
  const figure = (name: string, times: (number | undefined)[], note: string): Figure =>
    problem || times.some((t) => t === undefined)
      ? { group: "startup", name, unit: "ms", ours: single(NaN), note: `not measured: ${problem ?? "no time recorded"}` }
      : { group: "startup", name, unit: "ms", ours: summarize(times as number[]), note };
  const opened = `${sample.name.slice(0, 3)} open as gov-report, default settings`;
  const activated = problem ? "" : ` (activate returned at ${summarize(withReport.map((a) => a.activate)).median.toFixed(0)} ms)`;
  return [
    figure("require dist/client.js (vscode stubbed)", idle.map((a) => a.require), `fresh process; ${stubbed}`),
    figure(
      "extension activation, no report open: require + activate() (vscode stubbed)",
      idle.map((a) => a.activate),
      `require, then activate(context) until it returns; no server (started on first need); ${stubbed}`,
    ),
    figure(
      "extension activation → server initialized (report open, vscode stubbed)",
      withReport.map((a) => a.initialized),
      `require → the client's initialized: activate forks dist/server.js over IPC${activated}, start-up, initialize; ${opened}; ${stubbed}`,
    ),
    figure(
      "extension activation → first diagnostics (report open, vscode stubbed)",
      withReport.map((a) => a.diagnostics),
      `require → the report's diagnostics in the client's collection; ${opened}; ${stubbed}`,
    ),
  ];
}
