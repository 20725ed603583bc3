import { parentPort, Worker, workerData } from "node:worker_threads";
import { checkModel, parse, type Config, type Finding, type ReportIdentity, type ReportModel } from "../core";
import type { FormatId } from "../core/formats";
import { isSilent } from "./analysis";
import { runFeature, type FeatureArgs, type FeatureName, type FeatureResult } from "./features";

/**
 * Long documents are parsed and checked in a worker thread, so that the
 * server's event loop keeps answering (hover, completion, other documents)
 * while a 1 MB draft is checked, which takes hundreds of milliseconds. The
 * worker runs the server bundle itself (as the CLI's check workers run the
 * CLI bundle, cli/parallel.ts); main.ts serves checks instead of starting a
 * server when it finds itself in such a worker.
 *
 * The worker keeps the model it parsed of each long document's latest
 * version, and answers the editor's requests about that document from it
 * (features.ts): a version is parsed once, for its diagnostics and its
 * hovers, symbols, folding, hints and lenses alike, and never on the main
 * thread. The model is let go when the document closes.
 *
 * A check is two exchanges, because last year's report is found among the
 * workspace's reports on the main thread by the organ and year the draft
 * names: the worker parses the text and sends back that identity; the main
 * thread answers with last year's report (or none) — sent once, then named
 * by an id while it stays the same — and the worker checks and sends the
 * findings. The parse and the rules are the same core calls as an inline
 * check (analysis.ts), so the findings are the same.
 */

/** Documents at least this long are checked in the worker; shorter ones take a millisecond or so inline. */
export const BACKGROUND_MIN_CHARS = 100_000;

const WORKER_MARK = "gov-report-server-check-worker";

/** One version of a document, as the worker is asked about it. */
interface VersionText {
  uri: string;
  version: number;
  text: string;
  ownLanguage: boolean;
}

/** What the main thread keeps of a long document's check: the findings and what the status bar and the review show. */
export interface ReportSummary extends ReportIdentity {
  format: FormatId;
  detected?: FormatId;
}

/** For the tests: whether the worker runs, the parses it has made, and the documents whose model it keeps. */
export interface WorkerStats {
  running: boolean;
  parses: number;
  documents: string[];
}

type ToWorker =
  | ({ type: "parse"; id: number } & VersionText)
  | { type: "check"; id: number; uri: string; version: number; config: Config; previous?: { id: number; model?: ReportModel } }
  | ({ type: "feature"; id: number; name: FeatureName; args: unknown } & VersionText)
  | { type: "forget"; uri: string }
  | { type: "stats"; id: number };

type FromWorker =
  | { type: "parsed"; id: number; identity: ReportIdentity }
  | { type: "silent"; id: number }
  | { type: "checked"; id: number; findings: Finding[]; summary: ReportSummary }
  | { type: "answered"; id: number; result: unknown }
  | { type: "stats"; id: number; stats: WorkerStats }
  | { type: "failed"; id: number; error: string };

/** True in the server's check worker (main.ts then serves checks instead of starting a server). */
export const isServerCheckWorker = (): boolean => parentPort !== null && workerData === WORKER_MARK;

/** The worker's side: one message at a time; the latest parsed version of each long document kept. */
export function serveChecks(): void {
  const port = parentPort!;
  /** By URI; `model` undefined for a document that is no report (Markdown or plain text). */
  const models = new Map<string, { version: number; model?: ReportModel }>();
  let previous: { id: number; model: ReportModel } | undefined;
  let parses = 0;
  const reply = (m: FromWorker) => port.postMessage(m);

  const modelOf = (d: VersionText): ReportModel | undefined => {
    const kept = models.get(d.uri);
    if (kept?.version === d.version) return kept.model;
    // A request about an older version than the one kept (it waited behind a newer check) is answered, not kept.
    const newer = !kept || kept.version < d.version;
    // The version left behind goes before the new one is parsed: a second large model alive would make every collection meanwhile longer.
    if (newer) models.delete(d.uri);
    parses++;
    const parsed = parse(d.text);
    const model = isSilent(parsed, d.ownLanguage) ? undefined : parsed;
    if (newer) models.set(d.uri, { version: d.version, model });
    return model;
  };

  const lastYear = (sent: { id: number; model?: ReportModel } | undefined): ReportModel | undefined => {
    if (!sent) return undefined;
    if (sent.model) previous = { id: sent.id, model: sent.model };
    if (previous?.id !== sent.id) throw new Error("last year's report was named but never sent");
    return previous.model;
  };

  port.on("message", (m: ToWorker) => {
    if (m.type === "forget") {
      models.delete(m.uri);
      return;
    }
    try {
      switch (m.type) {
        case "parse": {
          const model = modelOf(m);
          return reply(model ? { type: "parsed", id: m.id, identity: { organ: model.organ, year: model.year } } : { type: "silent", id: m.id });
        }
        case "check": {
          const kept = models.get(m.uri);
          if (kept?.version !== m.version || !kept.model) return reply({ type: "failed", id: m.id, error: "no parsed model for this check" });
          const { model } = kept;
          const findings = checkModel(model, { config: m.config, previous: lastYear(m.previous) });
          const summary = { organ: model.organ, year: model.year, format: model.format.used.id, detected: model.format.detected };
          return reply({ type: "checked", id: m.id, findings, summary });
        }
        case "feature": {
          const model = modelOf(m);
          return reply({ type: "answered", id: m.id, result: model ? runFeature(m.name, model, m.args as never) : undefined });
        }
        case "stats":
          return reply({ type: "stats", id: m.id, stats: { running: true, parses, documents: [...models.keys()] } });
      }
    } catch (err) {
      reply({ type: "failed", id: m.id, error: (err as Error).stack ?? String(err) });
    }
  });
}

/** A version of a long document the main thread wants something of. */
export interface DocumentJob extends VersionText {
  /** True once the document has moved on from this version or closed: work still queued for it is dropped. */
  stale(): boolean;
}

export interface CheckJob extends DocumentJob {
  /** Called on the main thread with the draft's organ and year; returns last year's report. */
  previous(identity: ReportIdentity): ReportModel | undefined;
  config(): Config;
}

export type BackgroundResult =
  | { kind: "silent" }
  | { kind: "report"; findings: Finding[]; summary: ReportSummary }
  /** The document changed before the check was done: nothing to publish, its latest version is checked next. */
  | { kind: "superseded" };

interface Queued {
  id: number;
  /** The first message; a check sends its second when the worker has parsed. */
  message: ToWorker;
  job?: DocumentJob;
  /** Settles the job with a reply of the worker; returns a message to send instead when the job goes on. */
  received(m: FromWorker): ToWorker | undefined;
  /** Dropped before it was done (stale, or the document changed between the two exchanges of a check). */
  dropped(): void;
  reject(err: Error): void;
}

/**
 * The worker's young generation, in MB (V8's default is 48 on 64-bit). Most
 * of what a parse allocates lives until the parse is done, so with the
 * default young generation every scavenge copies the model so far: a check
 * of the 1 MB draft spent 35–50 ms in collections, 15–20 ms with 192 MB
 * (--cpu-prof of the worker, 40 edits under the benchmark's load). It costs
 * about 85 MB of resident memory while a long document is open; the worker
 * is stopped when none is.
 */
const WORKER_YOUNG_GENERATION_MB = 192;

/**
 * The main thread's side: one worker, started on first use and stopped when
 * it keeps no open document, one job at a time, checks before features. A job whose document has moved on by the time it
 * would start is dropped, and a check whose document changed while it was
 * parsed stops there instead of checking a version nobody will see; the
 * caller (validation.ts) then checks the latest version. A worker that fails
 * or exits rejects its job (the caller then works inline) and is started
 * anew for the next one, with nothing kept.
 */
export class BackgroundChecker {
  private worker?: Worker;
  private running?: Queued;
  private readonly waiting: Queued[] = [];
  private nextId = 1;
  /** Documents the worker has been asked about and may keep a model of: it is stopped once they are all closed. */
  private readonly documents = new Set<string>();
  /** Last year's reports by identity of the model object, and the one the current worker holds. */
  private readonly previousIds = new WeakMap<ReportModel, number>();
  private sentPrevious?: number;

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {}

  check(job: CheckJob): Promise<BackgroundResult> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.enqueue({
        id,
        job,
        message: { type: "parse", id, uri: job.uri, version: job.version, text: job.text, ownLanguage: job.ownLanguage },
        received: (m) => {
          // Parsed: the check goes on with last year's report and the config, unless the document has moved on.
          if (m.type === "parsed" && !job.stale())
            return { type: "check", id, uri: job.uri, version: job.version, config: job.config(), previous: this.previous(job.previous(m.identity)) };
          if (m.type === "parsed") resolve({ kind: "superseded" });
          else if (m.type === "silent") resolve({ kind: "silent" });
          else if (m.type === "checked") resolve({ kind: "report", findings: m.findings, summary: m.summary });
          else reject(new Error(m.type === "failed" ? m.error : `unexpected ${m.type}`));
          return undefined;
        },
        dropped: () => resolve({ kind: "superseded" }),
        reject,
      });
    });
  }

  /** A feature of a long document's version (features.ts); undefined when it is no report or has moved on. */
  feature<N extends FeatureName>(job: DocumentJob, name: N, args: FeatureArgs<N>): Promise<FeatureResult<N> | undefined> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.enqueue({
        id,
        job,
        message: { type: "feature", id, name, args, uri: job.uri, version: job.version, text: job.text, ownLanguage: job.ownLanguage },
        received: (m) => {
          if (m.type === "answered") resolve(m.result as FeatureResult<N> | undefined);
          else reject(new Error(m.type === "failed" ? m.error : `unexpected ${m.type}`));
          return undefined;
        },
        dropped: () => resolve(undefined),
        reject,
      });
    });
  }

  /** The document closed: the worker lets its model go, and stops when it was the last. */
  forget(uri: string): void {
    if (!this.documents.delete(uri)) return;
    this.worker?.postMessage({ type: "forget", uri } satisfies ToWorker);
    this.stopWhenUnused();
  }

  /** For the tests: what the worker has parsed and keeps (a worker not running has done nothing). */
  stats(): Promise<WorkerStats> {
    if (!this.worker) return Promise.resolve({ running: false, parses: 0, documents: [] });
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.enqueue({
        id,
        message: { type: "stats", id },
        received: (m) => {
          if (m.type === "stats") resolve(m.stats);
          else reject(new Error(m.type === "failed" ? m.error : `unexpected ${m.type}`));
          return undefined;
        },
        dropped: () => reject(new Error("dropped")),
        reject,
      });
    });
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const r of [this.running, ...this.waiting.splice(0)]) r?.reject(new Error("the server is shutting down"));
    this.running = undefined;
  }

  /** Checks go ahead of the features waiting: diagnostics first, then the answers (from the model the check has just parsed). */
  private enqueue(q: Queued): void {
    const before = q.message.type === "parse" ? this.waiting.findIndex((w) => w.message.type === "feature") : -1;
    if (before < 0) this.waiting.push(q);
    else this.waiting.splice(before, 0, q);
    this.next();
  }

  private next(): void {
    while (!this.running) {
      const q = this.waiting.shift();
      if (!q) return this.stopWhenUnused();
      if (q.job?.stale()) {
        q.dropped();
        continue;
      }
      if (q.job) this.documents.add(q.job.uri);
      this.running = q;
      this.send(q, q.message);
    }
  }

  /** No open document left in the worker and nothing to do: it is stopped, and its memory returned. */
  private stopWhenUnused(): void {
    if (this.documents.size || this.running || this.waiting.length || !this.worker) return;
    const worker = this.worker;
    this.worker = undefined;
    void worker.terminate();
  }

  private send(q: Queued, m: ToWorker): void {
    try {
      this.start().postMessage(m);
    } catch (err) {
      // The worker may not hold last year's report this message named or carried: it is sent again next time.
      this.sentPrevious = undefined;
      this.finish(q.id, () => q.reject(err as Error));
    }
  }

  /** Last year's report for a check message: the model the first time, its id alone while the worker holds it. */
  private previous(model: ReportModel | undefined): { id: number; model?: ReportModel } | undefined {
    if (!model) return undefined;
    let id = this.previousIds.get(model);
    if (id === undefined) this.previousIds.set(model, (id = this.nextId++));
    if (id === this.sentPrevious) return { id };
    this.sentPrevious = id;
    return { id, model };
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // stdout: the server's stdout carries the protocol; nothing of the worker's may reach it.
    const worker = new Worker(this.script, {
      workerData: WORKER_MARK,
      argv: [],
      stdout: true,
      stderr: false,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    worker.stdout.resume();
    worker.unref();
    worker.on("message", (m: FromWorker) => this.received(m));
    const failed = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.log(`gov-report: the check worker ${why}`);
      const running = this.running;
      if (running) this.finish(running.id, () => running.reject(new Error(`the check worker ${why}`)));
    };
    worker.on("error", (err) => failed(`failed: ${err.stack ?? String(err)}`));
    worker.on("exit", (code) => failed(`exited (${code})`));
    this.worker = worker;
    this.sentPrevious = undefined;
    return worker;
  }

  private received(m: FromWorker): void {
    const running = this.running;
    if (!running || running.id !== m.id) return;
    let then: ToWorker | undefined;
    try {
      then = running.received(m);
    } catch (err) {
      return this.finish(m.id, () => running.reject(err as Error));
    }
    if (then) this.send(running, then);
    else this.finish(m.id, () => undefined);
  }

  private finish(id: number, settle: () => void): void {
    if (this.running?.id !== id) return;
    this.running = undefined;
    settle();
    this.next();
  }
}
