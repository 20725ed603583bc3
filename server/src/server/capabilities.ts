import { TextDocumentSyncKind, type ServerCapabilities } from "vscode-languageserver/node";
import { FIX_ALL_KIND } from "./protocol";
import { SERVER_COMMANDS } from "./serverCommands";

/** What the server answers; a client that pulls diagnostics is told so (lifecycle.ts). */
export const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  completionProvider: { triggerCharacters: ["、"] },
  hoverProvider: true,
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  inlayHintProvider: true,
  codeLensProvider: { resolveProvider: false },
  documentFormattingProvider: true,
  codeActionProvider: { codeActionKinds: ["quickfix", FIX_ALL_KIND] },
  executeCommandProvider: { commands: SERVER_COMMANDS },
};

/** Pull diagnostics (LSP 3.17): a document's findings may depend on last year's report in another file. */
export const PULL_DIAGNOSTICS: ServerCapabilities = { ...CAPABILITIES, diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } };
