import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { CLIENT_COMMANDS, STATUS_NOTIFICATION, type InitializationOptions, type ReportStatus } from "../../server/src/server/protocol";
import { inlayHintsMiddleware } from "./inlayHints";
import { DRAFT_LANGUAGES, REPORT_LANGUAGE } from "./languages";
import { ruleDocsMiddleware } from "./commands/showRuleDocs";

/** The documents the server serves: reports, and the drafts that may be reports. */
const DOCUMENT_SELECTOR = [REPORT_LANGUAGE, ...DRAFT_LANGUAGES].flatMap((language) => [
  { scheme: "file", language },
  { scheme: "untitled", language },
]);

/**
 * The language server, started on first need (the first report opened or
 * detected, or a command that needs it) rather than on activation: most
 * Markdown and plain-text files never need it.
 */
export class ReportServer implements vscode.Disposable {
  private starting?: Promise<LanguageClient>;
  private readonly statusListeners: ((status: ReportStatus) => void)[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {}

  start(): Promise<LanguageClient> {
    this.starting ??= this.create();
    return this.starting;
  }

  /** The client if the server was started, without starting it. */
  started(): Promise<LanguageClient | undefined> {
    return this.starting ?? Promise.resolve(undefined);
  }

  onStatus(listener: (status: ReportStatus) => void): void {
    this.statusListeners.push(listener);
  }

  async dispose(): Promise<void> {
    const client = await this.starting;
    await client?.stop();
  }

  private async create(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath("dist/server.js");
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      diagnosticCollectionName: "gov-report",
      // The server offers the actions that run these commands only to a client that says it has them.
      // Diagnostics pushed, not pulled: they carry the version checked, and the status bar follows them.
      initializationOptions: { commands: CLIENT_COMMANDS, pushDiagnostics: true } satisfies InitializationOptions,
      middleware: { ...inlayHintsMiddleware, ...ruleDocsMiddleware },
    };
    const client = new LanguageClient("govReport", "gov-report", serverOptions, clientOptions);
    client.onNotification(STATUS_NOTIFICATION, (status: ReportStatus) => this.statusListeners.forEach((l) => l(status)));
    await client.start();
    return client;
  }
}
