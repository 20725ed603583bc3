import type { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocuments } from "vscode-languageserver/node";
import type { Config, Finding, Locale, ReportModel } from "../core";
import { analyse, type Analysis } from "./analysis";
import { RcFiles } from "./rcFiles";
import { DEFAULT_SETTINGS, type Settings } from "./settings";

/** A checked report with what the features need to answer about it. */
export interface ReportContext {
  document: TextDocument;
  model: ReportModel;
  findings: Finding[];
  locale: Locale;
  config: Config;
}

/**
 * The server's state: settings, the client's locale, the workspace's
 * `.govreportrc.json` files, and one analysis per document version (the
 * diagnostics and every feature share it, so a document is parsed once per
 * edit).
 */
export class Session {
  settings: Settings = DEFAULT_SETTINGS;
  clientLocale: Locale = "zh-cn";
  folders: string[] = [];
  readonly rc: RcFiles;
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();
  /** Last year's report of the same organ, for the cross-year rules (set by the workspace's reports). */
  previousOf: (uri: string, model: ReportModel) => ReportModel | undefined = () => undefined;
  /** The settings for a URI: its own folder's in a multi-root workspace (set by the lifecycle's scoped settings). */
  settingsOf: (uri: string) => Settings = () => this.settings;

  constructor(
    readonly documents: TextDocuments<TextDocument>,
    onConfigProblem: (message: string) => void,
  ) {
    this.rc = new RcFiles(() => this.folders, onConfigProblem);
  }

  analysis(doc: TextDocument): Analysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.analysis;
    const analysis = analyse(doc, this.settingsOf(doc.uri), this.config(doc.uri), (model) => this.previousOf(doc.uri, model));
    this.cache.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  /** The checked report behind a URI; undefined for documents the server stays silent about. */
  report(uri: string): ReportContext | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const analysis = this.analysis(document);
    if (analysis.kind !== "report") return undefined;
    return { document, model: analysis.model, findings: analysis.findings, locale: this.locale(uri), config: this.config(uri) };
  }

  /** The workspace file decides where it speaks (as it does for the CLI); the settings fill in the rest. */
  config(uri: string): Config {
    const rc = this.rc.forDocument(uri);
    return { ...rc, rules: { ...this.settingsOf(uri).rules, ...rc?.rules } };
  }

  /** `govReport.locale` overrides; then `.govreportrc.json`; then the client's display language. */
  locale(uri: string): Locale {
    const { locale } = this.settingsOf(uri);
    if (locale !== "auto") return locale;
    return this.rc.forDocument(uri)?.locale ?? this.clientLocale;
  }

  /** Settings or a config file changed: every analysis is stale. */
  invalidate(): void {
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
