import type { Connection, Diagnostic } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Analysis } from "./analysis";
import type { BackgroundChecker } from "./background";
import { tableExtents } from "../core";
import { toDiagnostics, toReviewFinding, tooLargeDiagnostic } from "./convert";
import { STATUS_NOTIFICATION, type ReportStatus } from "./protocol";
import type { Session } from "./session";

/**
 * Debounced validation. Each edit restarts the document's timer, so a burst
 * of keystrokes costs one check; the check reads the document when the timer
 * fires, so it always sees the latest version, and the diagnostics carry that
 * version so the client can drop any that arrive late.
 *
 * Long documents (BACKGROUND_MIN_CHARS and more) are checked in the check
 * worker (background.ts), so that the event loop keeps answering while they
 * are: at most one check per document is under way; edits made meanwhile
 * are checked together, from the latest version, when it is done; and a
 * result is published only if the document is still at the version checked
 * and the settings have not changed since.
 */
export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents being checked in the worker, and those edited since their check started. */
  private readonly inFlight = new Set<string>();
  private readonly stale = new Set<string>();
  /** Documents whose check is due, in order (enqueue). */
  private readonly due = new Set<string>();
  /** Those of them not yet parsed at their version: all are parsed before any is checked (enqueue). */
  private readonly unparsed = new Set<string>();
  private draining = false;
  /** A check was asked for since the queue's last turn: messages are still being handled, checks wait a turn. */
  private asked = false;
  /** Bumped when every document is to be checked again (settings or config files changed): older results are dropped. */
  private generation = 0;
  private disposed = false;
  /** The latest diagnostics of each open document, for a client that pulls them. */
  private readonly latest = new Map<string, Diagnostic[]>();

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
    private readonly background?: BackgroundChecker,
  ) {}

  schedule(uri: string, delay = this.session.settings.debounce): void {
    this.cancel(uri);
    this.asked = true;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.enqueue(uri);
      }, delay),
    );
  }

  /**
   * Checks that fall due together (thousands of documents opened at once) run
   * one per turn of the event loop, not all in one timer phase, and only once
   * a turn passed without a new document or change (the protocol library
   * handles one message a turn): a request sent during a storm of didOpen is
   * answered when the messages before it are handled, not after their checks.
   * Documents due are parsed first, one a turn: a check looks for last year's
   * report among the open documents by their organ and year, which would
   * otherwise parse all of them at once in the first check.
   */
  private enqueue(uri: string): void {
    this.due.add(uri);
    this.unparsed.add(uri);
    if (this.draining) return;
    this.draining = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    const [next] = this.due;
    if (next === undefined) {
      this.draining = false;
      return;
    }
    if (this.asked) {
      this.asked = false;
      setImmediate(() => this.drain());
      return;
    }
    const [unparsed] = this.unparsed;
    if (unparsed !== undefined) {
      this.unparsed.delete(unparsed);
      this.parse(unparsed);
      setImmediate(() => this.drain());
      return;
    }
    this.due.delete(next);
    this.run(next);
    setImmediate(() => this.drain());
  }

  /** A short document's version parsed for its organ and year (its model is kept only among the session's recent ones); a long one's is read in the check worker. */
  private parse(uri: string): void {
    const doc = this.session.documents.get(uri);
    try {
      if (doc) this.session.identity(doc);
    } catch (err) {
      this.failed(uri, err);
    }
  }

  /** Every open document, e.g. after the settings or a config file changed. */
  scheduleAll(): void {
    this.generation++;
    for (const doc of this.session.documents.all()) this.schedule(doc.uri, 0);
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.due.delete(uri);
    this.unparsed.delete(uri);
  }

  clear(uri: string): void {
    this.cancel(uri);
    this.stale.delete(uri);
    this.latest.delete(uri);
    if (!this.session.client.pullsDiagnostics) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A document's diagnostics when the client pulls them: of its current version, or a long document's latest check. */
  pulled(doc: TextDocument): Diagnostic[] {
    if (this.session.inWorker(doc)) return this.latest.get(doc.uri) ?? [];
    return this.diagnosticsOf(doc, this.session.analysis(doc));
  }

  dispose(): void {
    this.disposed = true;
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
    this.due.clear();
    this.unparsed.clear();
    this.background?.dispose();
  }

  private run(uri: string): void {
    this.timers.delete(uri);
    const doc = this.session.documents.get(uri);
    if (!doc) return;
    try {
      if (this.inBackground(doc)) return;
      this.publish(doc, this.session.analysis(doc));
    } catch (err) {
      // A timer callback that throws would take the whole server down; one document's failure must not.
      this.failed(uri, err);
    }
  }

  /** Starts (or queues behind the running one) a worker check of a long document; false for a document checked inline. */
  private inBackground(doc: TextDocument): boolean {
    const long = this.disposed ? undefined : this.session.inWorker(doc);
    if (!long) return false;
    const { uri, version } = doc;
    if (this.inFlight.has(uri)) {
      this.stale.add(uri);
      return true;
    }
    this.inFlight.add(uri);
    const generation = this.generation;
    const current = () => !this.disposed && this.session.isCurrent(doc, version) && this.generation === generation;
    this.background!
      .check({
        uri,
        version,
        ...long,
        // A check of a version the document has left is dropped (before it starts, or between the two exchanges of one): the latest is checked next.
        stale: () => !current(),
        acceptedCheck: () => this.session.acceptedCheck(uri),
        expectedIdentity: () => this.session.identity(doc),
        // previousOf reads only the organ and year of the model it is given (the predecessor lookup).
        previous: (identity) => this.session.previousOf(uri, identity),
        config: () => this.session.config(uri),
        review: () => this.session.reviews.forDocument(uri),
        locale: () => this.session.locale(uri),
      })
      .then(
        (result) => {
          if (result.kind === "superseded" || !current()) return;
          this.session.recordCheck(uri, { version, ...result });
          if (result.kind === "silent") this.sendDiagnostics(doc, [], "silent");
          else this.sendDiagnostics(doc, toDiagnostics(result.findings, result.summary.tables, uri, this.session.locale(uri)), "report", result.summary.format);
        },
        (err) => {
          if (this.disposed) return;
          this.failed(uri, err);
          // The worker failed: the document is checked inline rather than left without diagnostics.
          if (current()) this.publish(doc, this.session.analysis(doc));
        },
      )
      .catch((err) => this.failed(uri, err))
      .finally(() => {
        this.inFlight.delete(uri);
        if (this.stale.delete(uri)) this.run(uri);
      });
    return true;
  }

  private failed(uri: string, err: unknown): void {
    this.connection.console.error(`gov-report: checking ${uri} failed: ${(err as Error).stack ?? String(err)}`);
  }

  private publish(doc: TextDocument, analysis: Analysis): void {
    this.sendDiagnostics(doc, this.diagnosticsOf(doc, analysis), analysis.kind, analysis.kind === "report" ? analysis.model.format.used.id : undefined);
  }

  private diagnosticsOf(doc: TextDocument, analysis: Analysis): Diagnostic[] {
    const locale = this.session.locale(doc.uri);
    if (analysis.kind === "report") {
      const findings = analysis.findings.map((f) => toReviewFinding(f, locale));
      return toDiagnostics(findings, tableExtents(analysis.model), doc.uri, locale);
    }
    return analysis.kind === "too-large" ? [tooLargeDiagnostic(analysis.size, analysis.limit, locale)] : [];
  }

  /** Pushed, or kept for a client that pulls them and told to pull again. */
  private sendDiagnostics(doc: TextDocument, diagnostics: Diagnostic[], state: ReportStatus["state"], format?: ReportStatus["format"]): void {
    const { pullsDiagnostics, refreshesDiagnostics } = this.session.client;
    if (!pullsDiagnostics) void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    else {
      this.latest.set(doc.uri, diagnostics);
      if (refreshesDiagnostics) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
    }
    const status: ReportStatus = { uri: doc.uri, state, format };
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }
}
