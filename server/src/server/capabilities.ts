import { TextDocumentSyncKind, type ServerCapabilities } from "vscode-languageserver/node";
import { FIX_ALL_KIND } from "./protocol";

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
};
