import { MarkupKind, type InitializeParams } from "vscode-languageserver/node";
import type { InitializationOptions } from "./protocol";

/** What the client said in `initialize` that it can take, for the answers that depend on it. */
export interface ClientFeatures {
  /** Commands the client runs itself (protocol.ts CLIENT_COMMANDS), named in `initializationOptions.commands`. */
  commands: ReadonlySet<string>;
  /** CodeAction literals; else code actions are sent as commands the server runs. */
  codeActionLiterals: boolean;
  /** A tree of DocumentSymbol; else a flat list of SymbolInformation. */
  hierarchicalSymbols: boolean;
  hoverMarkdown: boolean;
  completionMarkdown: boolean;
  /** `window/showDocument`: the server can open a rule's page or a range for it. */
  showDocument: boolean;
  /** textDocument/diagnostic (LSP 3.17): the open documents' diagnostics are pulled, not pushed. */
  pullsDiagnostics: boolean;
  /** workspace/diagnostic/refresh: the server can tell a pulling client that diagnostics changed. */
  refreshesDiagnostics: boolean;
}

/** Before `initialize`, and for a client that says nothing: plain answers only. */
export const PLAIN_CLIENT: ClientFeatures = {
  commands: new Set(),
  codeActionLiterals: false,
  hierarchicalSymbols: false,
  hoverMarkdown: false,
  completionMarkdown: false,
  showDocument: false,
  pullsDiagnostics: false,
  refreshesDiagnostics: false,
};

export function readClientFeatures({ capabilities, initializationOptions }: InitializeParams): ClientFeatures {
  const text = capabilities.textDocument;
  const options = initializationOptions as InitializationOptions | undefined;
  const commands = options?.commands;
  return {
    commands: new Set(Array.isArray(commands) ? commands.filter((c) => typeof c === "string") : []),
    codeActionLiterals: text?.codeAction?.codeActionLiteralSupport !== undefined,
    hierarchicalSymbols: text?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    hoverMarkdown: text?.hover?.contentFormat?.includes(MarkupKind.Markdown) === true,
    completionMarkdown: text?.completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) === true,
    showDocument: capabilities.window?.showDocument?.support === true,
    pullsDiagnostics: text?.diagnostic !== undefined && options?.pushDiagnostics !== true,
    refreshesDiagnostics: capabilities.workspace?.diagnostics?.refreshSupport === true,
  };
}
