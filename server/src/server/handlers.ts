import type { Connection } from "vscode-languageserver/node";
import {
  balanceLenses,
  completions,
  documentEol,
  documentSymbols,
  fixAllAction,
  foldingRanges,
  formatTables,
  hoverAt,
  inlayHints,
  quickFixes,
} from "../core";
import { toCodeAction, toCodeLens, toCompletionItem, toDocumentSymbol, toFoldingRange, toHover, toInlayHint } from "./convert";
import { FIX_ALL_KIND } from "./protocol";
import type { Session } from "./session";

/** The feature requests: each asks the session for the checked report and maps a core service's answer. */
export function registerFeatureHandlers(connection: Connection, session: Session): void {
  connection.onCompletion(({ textDocument, position }) => {
    const r = session.report(textDocument.uri);
    if (!r) return [];
    const layout = r.document.languageId === "markdown" ? "pipes" : "tabs";
    return completions(r.model, position, { locale: r.locale, layout, eol: documentEol(r.model) }).map(toCompletionItem);
  });

  connection.onHover(({ textDocument, position }) => {
    const r = session.report(textDocument.uri);
    const hover = r && hoverAt(r.model, position, r.locale);
    return hover ? toHover(hover) : null;
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const r = session.report(textDocument.uri);
    return r ? documentSymbols(r.model, r.locale).map(toDocumentSymbol) : [];
  });

  connection.onFoldingRanges(({ textDocument }) => {
    const r = session.report(textDocument.uri);
    return r ? foldingRanges(r.model).map(toFoldingRange) : [];
  });

  connection.languages.inlayHint.on(({ textDocument, range }) => {
    const r = session.report(textDocument.uri);
    if (!r || !session.settingsOf(textDocument.uri).inlayHints.enabled) return [];
    return inlayHints(r.model, range.start.line, range.end.line).map(toInlayHint);
  });

  connection.onCodeLens(({ textDocument }) => {
    const r = session.report(textDocument.uri);
    return r ? balanceLenses(r.model, r.locale).map((l) => toCodeLens(l, textDocument.uri)) : [];
  });

  connection.onDocumentFormatting(({ textDocument }) => {
    const r = session.report(textDocument.uri);
    return r ? formatTables(r.model) : [];
  });

  connection.onCodeAction(({ textDocument, range, context }) => {
    const r = session.report(textDocument.uri);
    if (!r) return [];
    const text = r.document.getText();
    const wants = (kind: string) => !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const fixes = wants("quickfix") ? quickFixes(text, r.findings, range, r.locale) : [];
    // Source actions only when asked for (on save, or from the Source Action menu), as LSP recommends.
    const fixAll = context.only && wants(FIX_ALL_KIND) ? fixAllAction(text, { config: r.config }, r.locale) : undefined;
    return [...fixes, ...(fixAll ? [fixAll] : [])].map((a) => toCodeAction(a, r.document, r.locale));
  });
}
