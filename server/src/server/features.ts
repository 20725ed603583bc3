import type { Position } from "vscode-languageserver-textdocument";
import {
  balanceLenses,
  completions,
  documentEol,
  documentSymbols,
  foldingRanges,
  formatTables,
  hoverAt,
  inlayHints,
  renderReportHtml,
  type Finding,
  type Locale,
  type ReportModel,
  type TemplateLayout,
} from "../core";

/**
 * What the editor asks about a report, as core services of its parsed model
 * and plain arguments. One table, so that a feature is answered the same
 * way wherever the document's model is: on the main thread for a short
 * document, in the check worker for a long one (background.ts), which keeps
 * the model it parsed for the diagnostics of that version.
 */
export const FEATURES = {
  completion: (model: ReportModel, a: { position: Position; locale: Locale; layout: TemplateLayout }) =>
    completions(model, a.position, { locale: a.locale, layout: a.layout, eol: documentEol(model) }),
  hover: (model: ReportModel, a: { position: Position; locale: Locale }) => hoverAt(model, a.position, a.locale) ?? null,
  symbols: (model: ReportModel, a: { locale: Locale }) => documentSymbols(model, a.locale),
  folding: (model: ReportModel) => foldingRanges(model),
  inlayHints: (model: ReportModel, a: { fromLine: number; toLine: number }) => inlayHints(model, a.fromLine, a.toLine),
  lenses: (model: ReportModel, a: { locale: Locale }) => balanceLenses(model, a.locale),
  formatting: (model: ReportModel) => formatTables(model),
  preview: (model: ReportModel, a: { findings: Finding[]; locale: Locale }) => renderReportHtml(model, a.findings, a.locale),
};

export type FeatureName = keyof typeof FEATURES;
export type FeatureArgs<N extends FeatureName> = Parameters<(typeof FEATURES)[N]>[1];
export type FeatureResult<N extends FeatureName> = ReturnType<(typeof FEATURES)[N]>;

export function runFeature<N extends FeatureName>(name: N, model: ReportModel, args: FeatureArgs<N>): FeatureResult<N> {
  const feature = FEATURES[name] as (model: ReportModel, args: FeatureArgs<N>) => FeatureResult<N>;
  return feature(model, args);
}
