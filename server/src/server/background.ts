import { parentPort, Worker, workerData } from "node:worker_threads";
import { checkModel, parse, type Config, type Finding, type ReportIdentity, type ReportModel } from "../core";
import type { ReportStatus } from "./protocol";

type FormatId = NonNullable<ReportStatus["format"]>;

/**
 * Long documents are parsed and checked in a worker thread, so that the
 * server's event loop keeps answering (hover, completion, other documents)
 * while a 1 MB draft is checked, which takes hundreds of milliseconds. The
 * worker runs the server bundle itself (as the CLI's check workers run the
 * CLI bundle, cli/parallel.ts); main.ts serves checks instead of starting a
 * server when it finds itself in such a worker.
 *
 * A check is two exchanges, because last year's report is found among the
 * workspace's reports on the main thread by the organ and year the draft
 * names: the worker parses the text and sends back that identity; the main
 * thread answers with last year's report (or none); the worker checks and
 * sends the findings. The parse and the rules are the same core calls as an
 * inline check (analysis.ts), so the findings are the same.
 */

/** Documents at least this long are checked in the worker; shorter ones take a millisecond or so inline. */
export const BACKGROUND_MIN_CHARS = 100_000;

const WORKER_MARK = "gov-report-server-check-worker";

type ToWorker =
  | { type: "parse"; id: number; text: string; ownLanguage: boolean }
  | { type: "check"; id: number; config: Config; previous?: ReportModel };

type FromWorker =
  | { type: "parsed"; id: number; identity: ReportIdentity }
  | { type: "silent"; id: number }
  | { type: "checked"; id: number; findings: Finding[]; format: FormatId }
  | { type: "failed"; id: number; error: string };

/** True in the server's check worker (main.ts then serves checks instead of starting a server). */
export const isServerCheckWorker = (): boolean => parentPort !== null && workerData === WORKER_MARK;

/** The worker's side: one check at a time, the parsed model kept between the two exchanges. */
export function serveChecks(): void {
  const port = parentPort!;
  let parsed: { id: number; model: ReportModel } | undefined;
  const reply = (m: FromWorker) => port.postMessage(m);
  port.on("message", (m: ToWorker) => {
    try {
      if (m.type === "parse") {
        parsed = undefined;
        const model = parse(m.text);
        // Markdown and plain text are everyone's files: only a report is checked (as analyse() decides).
        if (!m.ownLanguage && !model.isReport) return reply({ type: "silent", id: m.id });
        parsed = { id: m.id, model };
        return reply({ type: "parsed", id: m.id, identity: { organ: model.organ, year: model.year } });
      }
      if (parsed?.id !== m.id) return reply({ type: "failed", id: m.id, error: "no parsed model for this check" });
      const { model } = parsed;
      parsed = undefined;
      const findings = checkModel(model, { config: m.config, previous: m.previous });
      reply({ type: "checked", id: m.id, findings, format: model.format.used.id });
    } catch (err) {
      parsed = undefined;
      reply({ type: "failed", id: m.id, error: (err as Error).stack ?? String(err) });
    }
  });
}

export interface BackgroundJob {
  text: string;
  ownLanguage: boolean;
  /** Called on the main thread with the draft's organ and year; returns last year's report. */
  previous(identity: ReportIdentity): ReportModel | undefined;
  config(): Config;
}

export type BackgroundResult = { kind: "silent" } | { kind: "report"; findings: Finding[]; format: FormatId };

interface Running {
  id: number;
  job: BackgroundJob;
  resolve(result: BackgroundResult): void;
  reject(err: Error): void;
}

/**
 * The main thread's side: one long-lived worker, started on first use, one
 * check at a time. The caller (validation.ts) coalesces: it starts at most
 * one check per document and, when it is done, checks the latest version if
 * the document changed meanwhile. A worker that fails or exits rejects its
 * check (the caller then checks inline) and is started anew for the next one.
 */
export class BackgroundChecker {
  private worker?: Worker;
  private running?: Running;
  private readonly waiting: Running[] = [];
  private nextId = 1;

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {}

  check(job: BackgroundJob): Promise<BackgroundResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, job, resolve, reject });
      this.next();
    });
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const r of [this.running, ...this.waiting.splice(0)]) r?.reject(new Error("the server is shutting down"));
    this.running = undefined;
  }

  private next(): void {
    if (this.running) return;
    const running = this.waiting.shift();
    if (!running) return;
    this.running = running;
    try {
      this.send({ type: "parse", id: running.id, text: running.job.text, ownLanguage: running.job.ownLanguage });
    } catch (err) {
      this.finish(running.id, () => running.reject(err as Error));
    }
  }

  private send(m: ToWorker): void {
    this.start().postMessage(m);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // stdout: the server's stdout carries the protocol; nothing of the worker's may reach it.
    const worker = new Worker(this.script, { workerData: WORKER_MARK, argv: [], stdout: true, stderr: false });
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
    return worker;
  }

  private received(m: FromWorker): void {
    const running = this.running;
    if (!running || running.id !== m.id) return;
    switch (m.type) {
      case "parsed": {
        let previous: ReportModel | undefined;
        let config: Config;
        try {
          previous = running.job.previous(m.identity);
          config = running.job.config();
          this.send({ type: "check", id: m.id, config, previous });
        } catch (err) {
          this.finish(m.id, () => running.reject(err as Error));
        }
        return;
      }
      case "silent":
        return this.finish(m.id, () => running.resolve({ kind: "silent" }));
      case "checked":
        return this.finish(m.id, () => running.resolve({ kind: "report", findings: m.findings, format: m.format }));
      case "failed":
        return this.finish(m.id, () => running.reject(new Error(m.error)));
    }
  }

  private finish(id: number, settle: () => void): void {
    if (this.running?.id !== id) return;
    this.running = undefined;
    settle();
    this.next();
  }
}
