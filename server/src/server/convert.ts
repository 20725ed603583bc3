import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InlayHintKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CodeLens,
  type Command,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type SymbolInformation,
  type VersionedTextDocumentIdentifier,
} from "vscode-languageserver/node";
import type { Range } from "vscode-languageserver-textdocument";
import {
  groupFindings,
  pick,
  localized,
  type BalanceLens,
  type CodeActionEntry,
  type ColumnHint,
  type CompletionEntry,
  type Finding,
  type FoldingRegion,
  type HoverInfo,
  type Locale,
  type ReportSymbol,
  type Severity,
  type TableExtent,
} from "../core";
import { ruleDocUrl } from "../core/docs";
import type { ClientFeatures } from "./clientFeatures";
import { FIX_ALL_KIND, FIX_ALL_REPORT_COMMAND, REVEAL_RANGE_COMMAND, SHOW_RULE_DOCS_COMMAND } from "./protocol";
import { APPLY_EDIT_COMMAND, SHOW_DOCUMENT_COMMAND } from "./serverCommands";
import type { ReviewFinding, ReviewGroup } from "./reviewProtocol";

/** Core results to LSP types: one small function per kind, no logic beyond the mapping. */

export const SOURCE = "gov-report";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, locale: Locale): Diagnostic {
  return diagnosticOf(toReviewFinding(f, locale));
}

/** A finding in one locale, without its fixes: as the 年报检查 view lists it, and as a long document's check worker sends it (packed.ts). */
export function toReviewFinding(f: Finding, locale: Locale): ReviewFinding {
  return { rule: f.rule, severity: f.severity, message: pick(f.message, locale), range: f.range };
}

export function diagnosticOf(f: ReviewFinding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.rule,
    codeDescription: { href: ruleDocUrl(f.rule) },
    message: f.message,
  };
}

/**
 * A report's diagnostics as Problems lists them. A table's findings of one
 * rule (core/group.ts) are one entry: the first finding keeps its severity,
 * names the count in its message and lists the others as its related
 * information; the others are hints, which the editor marks in the text but
 * leaves out of Problems. Every finding keeps its own diagnostic, so its
 * hover and its quick fixes stay where it is.
 */
export function toDiagnostics(findings: ReviewFinding[], tables: readonly TableExtent[], uri: string, locale: Locale): Diagnostic[] {
  const diagnostics = new Map(findings.map((f) => [f, diagnosticOf(f)]));
  for (const { group } of groupFindings(findings, tables)) {
    if (!group) continue;
    const [first, ...others] = group.members;
    const lead = diagnostics.get(first)!;
    lead.message = `${pick(group.message, locale)}\n${first.message}`;
    lead.relatedInformation = others.map((f) => ({ location: { uri, range: f.range }, message: f.message }));
    for (const f of others) diagnostics.get(f)!.severity = DiagnosticSeverity.Hint;
  }
  return [...diagnostics.values()];
}

/** The groups of a report's findings for the 年报检查 view, the members named by their index. */
export function toReviewGroups(findings: ReviewFinding[], tables: readonly TableExtent[], locale: Locale): ReviewGroup[] {
  const index = new Map(findings.map((f, i) => [f, i]));
  return groupFindings(findings, tables).flatMap(({ group }) =>
    group ? [{ rule: group.rule, severity: group.severity, message: pick(group.message, locale), members: group.members.map((f) => index.get(f)!) }] : [],
  );
}

export function tooLargeDiagnostic(size: number, limit: number, locale: Locale): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: SOURCE,
    message: pick(
      localized(
        `文档有 ${size} 个字符，超过实时检查的上限 ${limit}（设置 govReport.maxDocumentSize），未检查。可用命令行 gov-report check 检查。`,
        `The document has ${size} characters, over the live-check limit of ${limit} (setting govReport.maxDocumentSize); not checked. Use the CLI: gov-report check.`,
      ),
      locale,
    ),
  };
}

const COMPLETION_KIND = { section: CompletionItemKind.Module, row: CompletionItemKind.Field, template: CompletionItemKind.Snippet };

export function toCompletionItem(e: CompletionEntry, markdown: boolean): CompletionItem {
  return {
    label: e.label,
    kind: COMPLETION_KIND[e.kind],
    detail: e.detail,
    documentation: e.documentation && (markdown ? { kind: MarkupKind.Markdown, value: e.documentation } : plainText(e.documentation)),
    filterText: e.filterText,
    textEdit: { range: e.range, newText: e.insertText },
    insertTextFormat: InsertTextFormat.PlainText,
    // Templates are tab-separated: the editor must not re-indent them.
    insertTextMode: InsertTextMode.asIs,
    sortText: e.sortText,
    preselect: e.preselect,
  };
}

export function toHover(h: HoverInfo, markdown: boolean): Hover {
  return { range: h.range, contents: markdown ? { kind: MarkupKind.Markdown, value: h.markdown } : { kind: MarkupKind.PlainText, value: plainText(h.markdown) } };
}

/** The Markdown the core writes (bold, code fences, links), as plain text for a client that shows no Markdown. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^```\w*\n?/gm, "")
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, "$1 ($2)")
    .replace(/`([^`]+)`/g, "$1");
}

const SYMBOL_KIND = { title: SymbolKind.File, section: SymbolKind.Namespace, subheading: SymbolKind.String, table: SymbolKind.Array };

export function toDocumentSymbol(s: ReportSymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  };
}

/** The outline as a flat list, each symbol naming the one it is in: for a client that takes no tree. */
export function toSymbolInformation(symbols: ReportSymbol[], uri: string, containerName?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    { name: s.name, kind: SYMBOL_KIND[s.kind], location: { uri, range: s.range }, containerName },
    ...toSymbolInformation(s.children, uri, s.name),
  ]);
}

export function toFoldingRange(r: FoldingRegion): FoldingRange {
  return { startLine: r.startLine, endLine: r.endLine };
}

export function toInlayHint(h: ColumnHint): InlayHint {
  return { position: h.position, label: h.label, kind: InlayHintKind.Parameter, paddingRight: true };
}

export function toCodeLens(lens: BalanceLens, uri: string, client: ClientFeatures): CodeLens {
  const reveal = lens.firstMismatch && revealCommand(lens.title, uri, lens.firstMismatch, client);
  // An empty command id shows the title without making it clickable.
  return { range: lens.range, command: reveal ?? { title: lens.title, command: "" } };
}

/** Selecting a range: by the client's own command, else by window/showDocument; undefined when the client has neither. */
function revealCommand(title: string, uri: string, range: Range, client: ClientFeatures): Command | undefined {
  if (client.commands.has(REVEAL_RANGE_COMMAND)) return { title, command: REVEAL_RANGE_COMMAND, arguments: [uri, range] };
  if (client.showDocument) return { title, command: SHOW_DOCUMENT_COMMAND, arguments: [{ uri, selection: range, takeFocus: true }] };
  return undefined;
}

/** A rule's page: in the client's own view of it, else opened by window/showDocument at its web address. */
function ruleDocsCommand(title: string, rule: string, client: ClientFeatures): Command | undefined {
  if (client.commands.has(SHOW_RULE_DOCS_COMMAND)) return { title, command: SHOW_RULE_DOCS_COMMAND, arguments: [rule] };
  if (client.showDocument) return { title, command: SHOW_DOCUMENT_COMMAND, arguments: [{ uri: ruleDocUrl(rule), external: true }] };
  return undefined;
}

/**
 * `doc`: the version the action's edits were computed on (the client drops
 * them if the document has moved on). Undefined for an action whose command
 * the client cannot run; a client without CodeAction literals gets a command
 * the server runs (serverCommands.ts).
 */
export function toCodeAction(a: CodeActionEntry, doc: VersionedTextDocumentIdentifier, locale: Locale, client: ClientFeatures): CodeAction | Command | undefined {
  const action: CodeAction = {
    title: a.title,
    kind: a.kind === "source.fixAll" ? FIX_ALL_KIND : CodeActionKind.QuickFix,
    diagnostics: a.findings.map((f) => toDiagnostic(f, locale)),
    isPreferred: a.preferred,
  };
  if (a.showDocs || a.reveal) {
    action.command = a.showDocs ? ruleDocsCommand(a.title, a.showDocs, client) : revealCommand(a.title, doc.uri, a.reveal!, client);
    if (!action.command) return undefined;
  } else action.edit = { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: a.edits }] };
  // VS Code runs a code action's command after its edit: the fix-all's account is shown once the edit is in.
  if (a.summary && client.commands.has(FIX_ALL_REPORT_COMMAND)) action.command = { title: a.title, command: FIX_ALL_REPORT_COMMAND, arguments: [a.summary] };
  if (client.codeActionLiterals) return action;
  return action.command ?? { title: a.title, command: APPLY_EDIT_COMMAND, arguments: [action.edit] };
}
