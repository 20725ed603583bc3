/** Editor features over the core model, free of any editor or protocol type: the language server adapts them. */
export { completions, type CompletionEntry, type CompletionKind, type CompletionOptions } from "./completion";
export { hoverAt, type HoverInfo } from "./hover";
export { documentSymbols, type ReportSymbol, type ReportSymbolKind } from "./symbols";
export { foldingRanges, type FoldingRegion } from "./folding";
export { inlayHints, type ColumnHint } from "./inlayHints";
export { balanceLenses, type BalanceLens } from "./codeLens";
export { formatTables } from "./formatting";
export { quickFixes, fixAllAction, type CodeActionEntry, type FixAllSummary, type RuleCount } from "./codeActions";
export { tableAt, convertTableLayout, type TableAtCursor } from "./tableLayout";
export { ruleDocumentation } from "./ruleDocs";
export { hasReportTitle } from "./detection";
export { diffEdit, positionAt } from "./edits";
export { documentEol } from "./grid";
export { localeOfDisplayLanguage } from "./locale";
