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
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type VersionedTextDocumentIdentifier,
} from "vscode-languageserver/node";
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
import { FIX_ALL_KIND, FIX_ALL_REPORT_COMMAND, REVEAL_RANGE_COMMAND, SHOW_RULE_DOCS_COMMAND } from "./protocol";
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

export function toCompletionItem(e: CompletionEntry): CompletionItem {
  return {
    label: e.label,
    kind: COMPLETION_KIND[e.kind],
    detail: e.detail,
    documentation: e.documentation && { kind: MarkupKind.Markdown, value: e.documentation },
    filterText: e.filterText,
    textEdit: { range: e.range, newText: e.insertText },
    insertTextFormat: InsertTextFormat.PlainText,
    // Templates are tab-separated: the editor must not re-indent them.
    insertTextMode: InsertTextMode.asIs,
    sortText: e.sortText,
    preselect: e.preselect,
  };
}

export function toHover(h: HoverInfo): Hover {
  return { range: h.range, contents: { kind: MarkupKind.Markdown, value: h.markdown } };
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

export function toFoldingRange(r: FoldingRegion): FoldingRange {
  return { startLine: r.startLine, endLine: r.endLine };
}

export function toInlayHint(h: ColumnHint): InlayHint {
  return { position: h.position, label: h.label, kind: InlayHintKind.Parameter, paddingRight: true };
}

export function toCodeLens(lens: BalanceLens, uri: string): CodeLens {
  return {
    range: lens.range,
    command: lens.firstMismatch
      ? { title: lens.title, command: REVEAL_RANGE_COMMAND, arguments: [uri, lens.firstMismatch] }
      : // An empty command id shows the title without making it clickable.
        { title: lens.title, command: "" },
  };
}

/** `doc`: the version the action's edits were computed on (the client drops them if the document has moved on). */
export function toCodeAction(a: CodeActionEntry, doc: VersionedTextDocumentIdentifier, locale: Locale): CodeAction {
  const action: CodeAction = {
    title: a.title,
    kind: a.kind === "source.fixAll" ? FIX_ALL_KIND : CodeActionKind.QuickFix,
    diagnostics: a.findings.map((f) => toDiagnostic(f, locale)),
    isPreferred: a.preferred,
  };
  if (a.showDocs) action.command = { title: a.title, command: SHOW_RULE_DOCS_COMMAND, arguments: [a.showDocs] };
  else if (a.reveal) action.command = { title: a.title, command: REVEAL_RANGE_COMMAND, arguments: [doc.uri, a.reveal] };
  else action.edit = { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: a.edits }] };
  // VS Code runs a code action's command after its edit: the fix-all's account is shown once the edit is in.
  if (a.summary) action.command = { title: a.title, command: FIX_ALL_REPORT_COMMAND, arguments: [a.summary] };
  return action;
}
