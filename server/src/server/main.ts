import { createConnection, ProposedFeatures, TextDocuments } from "vscode-languageserver/node";
import { registerCommandRequests } from "./commands";
import { ValidatedTextDocument } from "./documents";
import { registerFeatureHandlers } from "./handlers";
import { BackgroundChecker, isServerCheckWorker, serveChecks } from "./background";
import { watchFrames } from "./frames";
import { boundHeapGrowth } from "./heap";
import { registerLifecycle } from "./lifecycle";
import { registerReviewRequests } from "./review";
import { registerServerCommands } from "./serverCommands";
import { Session } from "./session";
import { clientStreams } from "./transport";
import { Validator } from "./validation";
import { registerWordRequests } from "./word";
import { WorkspaceReports } from "./workspace";

/** The transports vscode-languageserver reads from the arguments. */
const TRANSPORT = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

/**
 * The gov-report language server: a thin adapter over the pure core. It exits
 * when its client goes away (stdin closes or the client's process dies).
 */
async function startServer(): Promise<void> {
  // Started with no transport (`gov-report-language-server`, `node dist/server.js`), it speaks over stdio.
  if (!process.argv.slice(2).some((arg) => TRANSPORT.test(arg))) process.argv.push("--stdio");
  boundHeapGrowth();
  const streams = await clientStreams(process.argv);
  const connection = createConnection(ProposedFeatures.all, streams.reader, streams.writer);
  const documents = new TextDocuments(ValidatedTextDocument);
  const background = new BackgroundChecker(__filename, (message) => connection.console.error(message));
  const session = new Session(documents, (message) => void connection.window.showWarningMessage(`gov-report: ${message}`), background);
  const validator = new Validator(connection, session, background);
  const workspace = new WorkspaceReports(connection, session, () => {
    session.invalidate();
    validator.scheduleAll();
  });
  session.previousOf = (uri, model) => workspace.previousFor(uri, model);

  registerLifecycle(connection, session, validator, workspace);
  registerFeatureHandlers(connection, session);
  registerReviewRequests(connection, session, workspace);
  registerWordRequests(connection, session, workspace);
  registerCommandRequests(connection, session);
  registerServerCommands(connection);

  documents.onDidOpen(({ document }) => validator.schedule(document.uri));
  documents.onDidChangeContent(({ document }) => {
    if (session.settings.run === "onType") validator.schedule(document.uri);
  });
  documents.onDidSave(({ document }) => {
    if (session.settings.run === "onSave") validator.schedule(document.uri, 0);
  });
  documents.onDidClose(({ document }) => {
    session.forget(document.uri);
    validator.clear(document.uri);
    workspace.documentClosed(document.uri);
  });

  connection.languages.diagnostics.on(({ textDocument: { uri } }) => {
    const document = documents.get(uri);
    return { kind: "full", items: document ? validator.pulled(document) : [] };
  });

  documents.listen(connection);
  connection.listen();
  // Over stdio, a frame the protocol library would wedge on or buffer without bound ends the connection, with the reason.
  if (process.argv.includes("--stdio")) watchFrames(process.stdin, closeOnMalformedFrame);
}

function closeOnMalformedFrame(reason: string): void {
  process.stderr.write(`gov-report: malformed message from the client (${reason}); closing the connection\n`);
  process.exit(1);
}

if (isServerCheckWorker()) {
  // The check worker of long documents (background.ts): same bundle, no server of its own.
  serveChecks();
} else {
  startServer().catch((e: Error) => {
    process.stderr.write(`gov-report: ${e.message}\n`);
    process.exit(2);
  });
}
