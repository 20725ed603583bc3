import type { Connection } from "vscode-languageserver/node";
import { dismissActions, reviewFileName } from "./dismiss";
import { toCodeAction, toCodeLens, toCompletionItem, toDocumentSymbol, toFoldingRange, toHover, toInlayHint, toSymbolInformation } from "./convert";
import { FIX_ALL_KIND } from "./protocol";
import type { Session } from "./session";

/**
 * The feature requests: each asks the session for a core service's answer
 * about the report (features.ts; in the check worker for a long document)
 * and maps it to LSP, in the forms the client says it takes.
 */
export function registerFeatureHandlers(connection: Connection, session: Session): void {
  connection.onCompletion(async ({ textDocument: { uri }, position }) => {
    const layout = session.documents.get(uri)?.languageId === "markdown" ? "pipes" : "tabs";
    const entries = await session.ask(uri, "completion", { position, locale: session.locale(uri), layout });
    return entries?.map((e) => toCompletionItem(e, session.client.completionMarkdown)) ?? [];
  });

  connection.onHover(async ({ textDocument: { uri }, position }) => {
    const hover = await session.ask(uri, "hover", { position, locale: session.locale(uri) });
    return hover ? toHover(hover, session.client.hoverMarkdown) : null;
  });

  connection.onDocumentSymbol(async ({ textDocument: { uri } }) => {
    const symbols = await session.ask(uri, "symbols", { locale: session.locale(uri) });
    if (!symbols) return [];
    return session.client.hierarchicalSymbols ? symbols.map(toDocumentSymbol) : toSymbolInformation(symbols, uri);
  });

  connection.onFoldingRanges(async ({ textDocument: { uri } }) => {
    const regions = await session.ask(uri, "folding", undefined);
    return regions?.map(toFoldingRange) ?? [];
  });

  connection.languages.inlayHint.on(async ({ textDocument: { uri }, range }) => {
    if (!session.settingsOf(uri).inlayHints.enabled) return [];
    const hints = await session.ask(uri, "inlayHints", { fromLine: range.start.line, toLine: range.end.line });
    return hints?.map(toInlayHint) ?? [];
  });

  connection.onCodeLens(async ({ textDocument: { uri } }) => {
    const lenses = await session.ask(uri, "lenses", { locale: session.locale(uri) });
    return lenses?.map((l) => toCodeLens(l, uri, session.client)) ?? [];
  });

  connection.onDocumentFormatting(async ({ textDocument: { uri } }) => (await session.ask(uri, "formatting", undefined)) ?? []);

  connection.onCodeAction(async ({ textDocument: { uri }, range, context }) => {
    const version = session.documents.get(uri)?.version;
    const locale = session.locale(uri);
    const wants = (kind: string) => !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
    // Source actions only when asked for (on save, or from the Source Action menu), as LSP recommends.
    const fixAll = context.only && wants(FIX_ALL_KIND) ? { config: session.config(uri), review: session.reviews.forDocument(uri) } : undefined;
    const entries = await session.ask(uri, "codeActions", { range, locale, quickFixes: wants("quickfix"), fixAll });
    if (version === undefined || !entries) return [];
    const decidable = wants("quickfix") ? await session.ask(uri, "decidable", { range, fileName: reviewFileName(uri) }) : undefined;
    const actions = entries.map((a) => toCodeAction(a, { uri, version }, locale, session.client)).filter((a) => a !== undefined);
    return [...actions, ...dismissActions(uri, decidable ?? [], locale, session.client)];
  });
}
