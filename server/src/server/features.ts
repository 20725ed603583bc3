import type { Position, Range } from "vscode-languageserver-textdocument";
import {
  balanceLenses,
  completions,
  decidableAt,
  documentEol,
  documentSymbols,
  fixAllAction,
  foldingRanges,
  formatTables,
  hoverAt,
  inlayHints,
  quickFixes,
  renderReportHtml,
  reviewReportKey,
  type CheckOptions,
  type CodeActionEntry,
  type Finding,
  type Locale,
  type ReportModel,
  type TemplateLayout,
} from "../core";
import { packSymbols, unpackSymbols, type PackedSymbols } from "./packed";

/**
 * A version of a report as the features see it: its text and model, and the
 * findings of the document's latest check as published — of this version
 * (`current`) or, for a long document checked in the background, possibly
 * of an earlier one; undefined before its first check.
 */
export interface FeatureReport {
  text: string;
  model: ReportModel;
  checked?: { findings: Finding[]; current: boolean };
}

/**
 * What the editor asks about a report, as core services of its parsed model
 * and plain arguments. One table, so that a feature is answered the same
 * way wherever the document's model is: on the main thread for a short
 * document, in the check worker for a long one (background.ts), which keeps
 * the model it parsed for the diagnostics of that version and the findings
 * of its check (with their fixes, which only the code actions need).
 */
export const FEATURES = {
  completion: ({ model }: FeatureReport, a: { position: Position; locale: Locale; layout: TemplateLayout }) =>
    completions(model, a.position, { locale: a.locale, layout: a.layout, eol: documentEol(model) }),
  hover: ({ model }: FeatureReport, a: { position: Position; locale: Locale }) => hoverAt(model, a.position, a.locale) ?? null,
  symbols: ({ model }: FeatureReport, a: { locale: Locale }) => documentSymbols(model, a.locale),
  folding: ({ model }: FeatureReport) => foldingRanges(model),
  inlayHints: ({ model }: FeatureReport, a: { fromLine: number; toLine: number }) => inlayHints(model, a.fromLine, a.toLine),
  lenses: ({ model }: FeatureReport, a: { locale: Locale }) => balanceLenses(model, a.locale),
  formatting: ({ model }: FeatureReport) => formatTables(model),
  /** The preview outlines the latest findings published (the diagnostics it follows), of whichever version. */
  preview: ({ model, checked }: FeatureReport, a: { locale: Locale }) => renderReportHtml(model, checked?.findings ?? [], a.locale),
  /** The findings at a range with their fingerprints, for 标记为不是问题 (dismiss.ts): only from this version's check. */
  decidable: ({ model, checked }: FeatureReport, a: { range: Range; fileName: string }) =>
    checked?.current ? decidableAt(model.lines.map((l) => l.text), checked.findings, a.range, reviewReportKey({ organ: model.organ, year: model.year?.value }, a.fileName)) : [],
  /**
   * None before the document's first check; quick fixes only from findings of
   * this version (another version's fixes would edit the wrong text); fix-all
   * re-checks the text itself, with the report's configuration and review (a
   * finding the reviewer marked 不是问题 is left as it is).
   */
  codeActions: ({ text, checked }: FeatureReport, a: { range: Range; locale: Locale; quickFixes: boolean; fixAll?: Pick<CheckOptions, "config" | "review"> }): CodeActionEntry[] | undefined => {
    if (!checked) return undefined;
    const fixes = a.quickFixes && checked.current ? quickFixes(text, checked.findings, a.range, a.locale) : [];
    const fixAll = a.fixAll ? fixAllAction(text, a.fixAll, a.locale) : undefined;
    return fixAll ? [...fixes, fixAll] : fixes;
  },
};

export type FeatureName = keyof typeof FEATURES;
export type FeatureArgs<N extends FeatureName> = Parameters<(typeof FEATURES)[N]>[1];
export type FeatureResult<N extends FeatureName> = ReturnType<(typeof FEATURES)[N]>;

export function runFeature<N extends FeatureName>(name: N, report: FeatureReport, args: FeatureArgs<N>): FeatureResult<N> {
  const feature = FEATURES[name] as (report: FeatureReport, args: FeatureArgs<N>) => FeatureResult<N>;
  return feature(report, args);
}

/** Results that cross from the check worker packed (packed.ts): the outline of a long document has thousands of symbols. */
const PACKED: { [N in FeatureName]?: { pack(result: FeatureResult<N>): unknown; unpack(packed: unknown): FeatureResult<N> } } = {
  symbols: { pack: packSymbols, unpack: (packed) => unpackSymbols(packed as PackedSymbols) },
};

export function packResult<N extends FeatureName>(name: N, result: FeatureResult<N> | undefined): unknown {
  const codec = PACKED[name];
  return codec && result !== undefined ? codec.pack(result) : result;
}

export function unpackResult<N extends FeatureName>(name: N, packed: unknown): FeatureResult<N> | undefined {
  const codec = PACKED[name];
  return codec && packed !== undefined ? codec.unpack(packed) : (packed as FeatureResult<N> | undefined);
}
