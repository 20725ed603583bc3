import type { Connection } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { toDiagnostic, tooLargeDiagnostic } from "./convert";
import { STATUS_NOTIFICATION, type ReportStatus } from "./protocol";
import type { Session } from "./session";

/**
 * Debounced validation. Each edit restarts the document's timer, so a burst
 * of keystrokes costs one check; the check reads the document when the timer
 * fires, so it always sees the latest version, and the diagnostics carry that
 * version so the client can drop any that arrive late.
 */
export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
  ) {}

  schedule(uri: string, delay = this.session.settings.debounce): void {
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => this.run(uri), delay));
  }

  /** Every open document, e.g. after the settings or a config file changed. */
  scheduleAll(): void {
    for (const doc of this.session.documents.all()) this.schedule(doc.uri, 0);
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  clear(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }

  private run(uri: string): void {
    this.timers.delete(uri);
    const doc = this.session.documents.get(uri);
    if (!doc) return;
    try {
      this.publish(doc);
    } catch (err) {
      // A timer callback that throws would take the whole server down; one document's failure must not.
      this.connection.console.error(`gov-report: checking ${uri} failed: ${(err as Error).stack ?? String(err)}`);
    }
  }

  private publish(doc: TextDocument): void {
    const analysis = this.session.analysis(doc);
    const locale = this.session.locale(doc.uri);
    const diagnostics =
      analysis.kind === "report"
        ? analysis.findings.map((f) => toDiagnostic(f, locale))
        : analysis.kind === "too-large"
          ? [tooLargeDiagnostic(analysis.size, analysis.limit, locale)]
          : [];
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    const status: ReportStatus = {
      uri: doc.uri,
      state: analysis.kind,
      format: analysis.kind === "report" ? analysis.model.format.used.id : undefined,
    };
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }
}
