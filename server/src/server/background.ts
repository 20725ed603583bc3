import { parentPort, Worker, workerData } from "node:worker_threads";
import { checkModel, parse, tableExtents, type Config, type Finding, type Locale, type ReportIdentity, type ReportModel, type ReportReview, type TableExtent } from "../core";
import type { FormatId } from "../core/formats";
import { isSilent } from "./analysis";
import { packResult, runFeature, unpackResult, type FeatureArgs, type FeatureName, type FeatureResult } from "./features";
import { packFindings, unpackFindings, type PackedFindings } from "./packed";
import type { ReviewFinding } from "./reviewProtocol";

/**
 * Long documents are parsed and checked in a worker thread, so that the
 * server's event loop keeps answering (hover, completion, other documents)
 * while a 1 MB draft is checked, which takes hundreds of milliseconds. The
 * worker runs the server bundle itself (as the CLI's check workers run the
 * CLI bundle, cli/parallel.ts); main.ts serves checks instead of starting a
 * server when it finds itself in such a worker.
 *
 * The worker keeps the text and the model it parsed of each long document's
 * latest version, and answers the editor's requests about that document from
 * it (features.ts): a version is parsed once, for its diagnostics and its
 * hovers, symbols, folding, hints, lenses and code actions alike, and never
 * on the main thread; and its text is sent once, with the first message
 * about that version. The findings of a check stay in the worker too, with
 * their fixes: the main thread gets them packed, in the document's locale
 * (packed.ts), to publish, and names the check it published when it
 * asks for code actions or the preview. All of it is let go when the
 * document closes.
 *
 * Last year's report is found among the workspace's reports on the main
 * thread, by the organ and year the draft names, and sent to the worker once,
 * then named by an id while it stays the same. A check is one exchange when
 * the draft still names the organ and year of its latest check, as it does
 * while it is typed: the text goes with what its check takes for that
 * identity (last year's report, the config, the locale) and the worker
 * checks as soon as it has parsed. Otherwise it is two: the worker parses and
 * sends back the identity, the main thread answers with what the check takes,
 * and the worker checks. (The worker's idle moment between the two was
 * where V8 finished its collections, on the edit's critical path: one
 * exchange takes 3–8 ms off an edit of the 1 MB draft, measured alternating
 * edit by edit with the two-exchange server.) The parse and the rules are the
 * same core calls as an inline check (analysis.ts), so the findings are the
 * same.
 */

/** Documents at least this long are checked in the worker; shorter ones take a millisecond or so inline. */
export const BACKGROUND_MIN_CHARS = 100_000;

const WORKER_MARK = "gov-report-server-check-worker";

/** One version of a document, as the worker is asked about it; `text` is left out when the worker holds that version already. */
interface VersionText {
  uri: string;
  version: number;
  text?: string;
  ownLanguage: boolean;
}

/** What the main thread keeps of a long document's check: the findings and what the status bar and the review show. */
export interface ReportSummary extends ReportIdentity {
  format: FormatId;
  detected?: FormatId;
  /** Where the tables stand, to group their findings in Problems (convert.ts toDiagnostics). */
  tables: TableExtent[];
}

/** For the tests: whether the worker runs, the parses it has made, and the documents whose model it keeps. */
export interface WorkerStats {
  running: boolean;
  parses: number;
  documents: string[];
}

/**
 * What a check takes besides the model. `accepted` names the document's
 * check whose findings the main thread has published (the worker keeps
 * those, and this check's, and no other).
 */
interface CheckInputs {
  config: Config;
  review?: ReportReview;
  locale: Locale;
  accepted?: number;
  previous?: { id: number; model?: ReportModel };
}

/** A feature's `check` names the check whose findings it is to use. */
type ToWorker =
  | ({ type: "parse"; id: number; proposal?: CheckInputs & { identity: ReportIdentity } } & VersionText)
  | ({ type: "check"; id: number; uri: string; version: number } & CheckInputs)
  | ({ type: "feature"; id: number; name: FeatureName; args: unknown; check?: number } & VersionText)
  | { type: "forget"; uri: string }
  | { type: "stats"; id: number };

type FromWorker =
  | { type: "parsed"; id: number; identity: ReportIdentity }
  | { type: "silent"; id: number }
  | { type: "checked"; id: number; findings: PackedFindings; summary: ReportSummary }
  | { type: "answered"; id: number; result: unknown }
  | { type: "stats"; id: number; stats: WorkerStats }
  | { type: "failed"; id: number; error: string };

/** True in the server's check worker (main.ts then serves checks instead of starting a server). */
export const isServerCheckWorker = (): boolean => parentPort !== null && workerData === WORKER_MARK;

/** A version of a document in the worker; `model` undefined for a document that is no report (Markdown or plain text). */
interface Parsed {
  version: number;
  text: string;
  model?: ReportModel;
}

/** The worker's side: one message at a time; the latest parsed version of each long document kept, and the findings of its checks that may still be asked for. */
export function serveChecks(): void {
  const port = parentPort!;
  /** By URI. */
  const versions = new Map<string, Parsed>();
  /** By check id. */
  const checks = new Map<number, { uri: string; version: number; findings: Finding[] }>();
  let previous: { id: number; model: ReportModel } | undefined;
  let parses = 0;
  const reply = (m: FromWorker) => port.postMessage(m);

  const parsedOf = (d: VersionText): Parsed => {
    const kept = versions.get(d.uri);
    if (kept?.version === d.version) return kept;
    if (d.text === undefined) throw new Error(`the text of ${d.uri} version ${d.version} was never sent`);
    // A request about an older version than the one kept (it waited behind a newer check) is answered, not kept.
    const newer = !kept || kept.version < d.version;
    // The version left behind goes before the new one is parsed: a second large model alive would make every collection meanwhile longer.
    if (newer) versions.delete(d.uri);
    parses++;
    const model = parse(d.text);
    const parsed = { version: d.version, text: d.text, model: isSilent(model, d.ownLanguage) ? undefined : model };
    if (newer) versions.set(d.uri, parsed);
    return parsed;
  };

  /** The findings of a check the main thread named, and whether they are of the version asked about. */
  const checkedOf = (id: number | undefined, version: number) => {
    const check = id === undefined ? undefined : checks.get(id);
    return check && { findings: check.findings, current: check.version === version };
  };

  const forgetChecks = (uri: string, except?: number) => {
    for (const [id, check] of checks) if (check.uri === uri && id !== except) checks.delete(id);
  };

  const lastYear = (sent: { id: number; model?: ReportModel } | undefined): ReportModel | undefined => {
    if (!sent) return undefined;
    if (sent.model) previous = { id: sent.id, model: sent.model };
    if (previous?.id !== sent.id) throw new Error("last year's report was named but never sent");
    return previous.model;
  };

  const check = (m: { id: number; uri: string; version: number }, model: ReportModel, inputs: CheckInputs, lastYearModel: ReportModel | undefined): FromWorker => {
    forgetChecks(m.uri, inputs.accepted);
    const findings = checkModel(model, { config: inputs.config, previous: lastYearModel, review: inputs.review });
    checks.set(m.id, { uri: m.uri, version: m.version, findings });
    const summary = { organ: model.organ, year: model.year, format: model.format.used.id, detected: model.format.detected, tables: tableExtents(model) };
    return { type: "checked", id: m.id, findings: packFindings(findings, inputs.locale), summary };
  };

  port.on("message", (m: ToWorker) => {
    if (m.type === "forget") {
      versions.delete(m.uri);
      forgetChecks(m.uri);
      return;
    }
    try {
      switch (m.type) {
        case "parse": {
          // Last year's report goes with the proposal when it is new to the worker: kept whether or not the proposal holds.
          const proposed = m.proposal && lastYear(m.proposal.previous);
          const { model } = parsedOf(m);
          if (!model) return reply({ type: "silent", id: m.id });
          if (m.proposal && sameIdentity(model, m.proposal.identity)) return reply(check(m, model, m.proposal, proposed));
          return reply({ type: "parsed", id: m.id, identity: { organ: model.organ, year: model.year } });
        }
        case "check": {
          const kept = versions.get(m.uri);
          if (kept?.version !== m.version || !kept.model) return reply({ type: "failed", id: m.id, error: "no parsed model for this check" });
          return reply(check(m, kept.model, m, lastYear(m.previous)));
        }
        case "feature": {
          const { text, model } = parsedOf(m);
          const result = model ? runFeature(m.name, { text, model, checked: checkedOf(m.check, m.version) }, m.args as never) : undefined;
          return reply({ type: "answered", id: m.id, result: packResult(m.name, result) });
        }
        case "stats":
          return reply({ type: "stats", id: m.id, stats: { running: true, parses, documents: [...versions.keys()] } });
      }
    } catch (err) {
      reply({ type: "failed", id: m.id, error: (err as Error).stack ?? String(err) });
    }
  });
}

/** True when last year's report is looked up alike for both: the lookup reads the organ and the year's value (core/previous.ts). */
const sameIdentity = (a: ReportIdentity, b: ReportIdentity) => a.organ === b.organ && a.year?.value === b.year?.value;

/** A version of a long document the main thread wants something of. */
export interface DocumentJob {
  uri: string;
  version: number;
  text: string;
  ownLanguage: boolean;
  /** True once the document has moved on from this version or closed: work still queued for it is dropped. */
  stale(): boolean;
  /** The document's check whose findings are published (the worker keeps them for the code actions and the preview), read when the job is sent. */
  acceptedCheck(): number | undefined;
}

export interface CheckJob extends DocumentJob {
  /** The organ and year the draft is expected to name (its latest check's), when known: the check is then proposed with the parse. */
  expectedIdentity(): ReportIdentity | undefined;
  /** Called on the main thread with the draft's organ and year; returns last year's report. */
  previous(identity: ReportIdentity): ReportModel | undefined;
  config(): Config;
  /** The decisions of the review file beside the report. */
  review?(): ReportReview | undefined;
  locale(): Locale;
}

export type BackgroundResult =
  | { kind: "silent" }
  /** `check` names this check to the worker later (code actions, preview). */
  | { kind: "report"; check: number; findings: ReviewFinding[]; summary: ReportSummary }
  /** The document changed before the check was done: nothing to publish, its latest version is checked next. */
  | { kind: "superseded" };

interface Queued {
  id: number;
  /** Checks go ahead of the features waiting. */
  isCheck: boolean;
  /** The first message, made when it is sent; a check sends its second when the worker has parsed. */
  message(): ToWorker;
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
 * would start is dropped, and a check in two exchanges whose document changed
 * while it was parsed stops there instead of checking a version nobody will
 * see; the caller (validation.ts) then checks the latest version. A worker that fails
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
  /** The version of each document whose text the current worker holds (it keeps the latest it was sent). */
  private readonly held = new Map<string, number>();
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
        isCheck: true,
        job,
        message: () => ({ type: "parse", id, proposal: this.proposal(job), ...this.versionOf(job) }),
        received: (m) => {
          // Parsed (the proposal, if any, did not hold): the check goes on with what it takes for that identity, unless the document has moved on.
          if (m.type === "parsed" && !job.stale()) return { type: "check", id, uri: job.uri, version: job.version, ...this.checkInputs(job, m.identity) };
          if (m.type === "parsed") resolve({ kind: "superseded" });
          else if (m.type === "silent") resolve({ kind: "silent" });
          else if (m.type === "checked") resolve({ kind: "report", check: id, findings: unpackFindings(m.findings), summary: m.summary });
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
        isCheck: false,
        job,
        message: () => ({ type: "feature", id, name, args, check: job.acceptedCheck(), ...this.versionOf(job) }),
        received: (m) => {
          if (m.type === "answered") resolve(unpackResult(name, m.result));
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
    this.held.delete(uri);
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
        isCheck: false,
        message: () => ({ type: "stats", id }),
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
    const before = q.isCheck ? this.waiting.findIndex((w) => !w.isCheck) : -1;
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

  /** `message` is made once the worker is started, so that it knows what that worker holds. */
  private send(q: Queued, message: () => ToWorker): void {
    try {
      this.start().postMessage(message());
    } catch (err) {
      // The worker may not hold what this message named or carried: it is all sent again next time.
      this.forgetHeld();
      this.finish(q.id, () => q.reject(err as Error));
    }
  }

  /**
   * A job's version as a message names it: with its text unless the worker
   * holds that version already (a 1 MB draft's text took 1–2 ms to copy
   * across, for the check and again for each of the editor's requests).
   * The worker keeps the text of the latest version it was sent, as this
   * map does.
   */
  private versionOf(job: DocumentJob): VersionText {
    const { uri, version, ownLanguage } = job;
    const held = this.held.get(uri);
    if (held === version) return { uri, version, ownLanguage };
    if (held === undefined || held < version) this.held.set(uri, version);
    return { uri, version, ownLanguage, text: job.text };
  }

  /** What the check takes if the draft names the expected organ and year: sent with the text, so that the worker checks as soon as it has parsed. */
  private proposal(job: CheckJob): (CheckInputs & { identity: ReportIdentity }) | undefined {
    const identity = job.expectedIdentity();
    return identity && { identity, ...this.checkInputs(job, identity) };
  }

  private checkInputs(job: CheckJob, identity: ReportIdentity): CheckInputs {
    return { config: job.config(), review: job.review?.(), locale: job.locale(), accepted: job.acceptedCheck(), previous: this.previous(job.previous(identity)) };
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

  private forgetHeld(): void {
    this.sentPrevious = undefined;
    this.held.clear();
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
    this.forgetHeld();
    return worker;
  }

  private received(m: FromWorker): void {
    const running = this.running;
    if (!running || running.id !== m.id) return;
    // A job that failed may have left the worker without its document's version (a parse that threw): the text goes again next time.
    if (m.type === "failed" && running.job) this.held.delete(running.job.uri);
    let then: ToWorker | undefined;
    try {
      then = running.received(m);
    } catch (err) {
      return this.finish(m.id, () => running.reject(err as Error));
    }
    if (!then) return this.finish(m.id, () => undefined);
    const message = then;
    this.send(running, () => message);
  }

  private finish(id: number, settle: () => void): void {
    if (this.running?.id !== id) return;
    this.running = undefined;
    settle();
    this.next();
  }
}
