import type { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocuments } from "vscode-languageserver/node";
import { parse, tableExtents, type Config, type Locale, type ReportIdentity, type ReportModel, type TableExtent } from "../core";
import type { FormatId } from "../core/formats";
import { analyse, isTooLarge, preflight, type Analysis } from "./analysis";
import { PLAIN_CLIENT, type ClientFeatures } from "./clientFeatures";
import { BACKGROUND_MIN_CHARS, type BackgroundChecker, type ReportSummary } from "./background";
import { toReviewFinding } from "./convert";
import { runFeature, type FeatureArgs, type FeatureName, type FeatureResult } from "./features";
import { RcFiles } from "./rcFiles";
import type { ReviewFinding } from "./reviewProtocol";
import { DEFAULT_SETTINGS, type Settings } from "./settings";

/** What the 年报检查 view shows of a report: its findings in the document's locale. */
export interface OpenReport extends ReportIdentity {
  detected?: FormatId;
  findings: ReviewFinding[];
  /** Where the tables stand, to group their findings (core/group.ts). */
  tables: TableExtent[];
}

/** The check worker's latest answer about a long document, as published (recorded by validation.ts); `check` names it to the worker. */
type Checked = { version: number } & ({ kind: "silent" } | { kind: "report"; check: number; findings: ReviewFinding[]; summary: ReportSummary });

/**
 * The server's state: settings, the client's locale, the workspace's
 * `.govreportrc.json` files, and what is known of each open document's
 * current version — parsed once, whoever asks first (the diagnostics, a
 * feature, the lookup of last year's report).
 *
 * Short documents are parsed and checked here, on the main thread, once per
 * version. Long ones (BACKGROUND_MIN_CHARS and more) never are: their model
 * lives in the check worker (background.ts), which parses each version once
 * and answers the features from it, code actions included; the session keeps
 * only the worker's latest findings as published and a summary of them.
 */
export class Session {
  settings: Settings = DEFAULT_SETTINGS;
  clientLocale: Locale = "zh-cn";
  /** What the client can take (read from initialize). */
  client: ClientFeatures = PLAIN_CLIENT;
  folders: string[] = [];
  readonly rc: RcFiles;
  private readonly models = new Map<string, { version: number; model: ReportModel }>();
  private readonly analyses = new Map<string, { version: number; analysis: Analysis }>();
  private readonly checked = new Map<string, Checked>();
  /** Parses made on the main thread (the tests count them). */
  parses = 0;
  /** Last year's report of the same organ, for the cross-year rules (set by the workspace's reports). */
  previousOf: (uri: string, model: ReportIdentity) => ReportModel | undefined = () => undefined;
  /** The settings for a URI: its own folder's in a multi-root workspace (set by the lifecycle's scoped settings). */
  settingsOf: (uri: string) => Settings = () => this.settings;

  constructor(
    readonly documents: TextDocuments<TextDocument>,
    onConfigProblem: (message: string) => void,
    readonly background?: BackgroundChecker,
  ) {
    this.rc = new RcFiles(() => this.folders, onConfigProblem);
  }

  /** The document's current version parsed, whatever its language and the settings (the callers decide what it counts for). */
  model(doc: TextDocument): ReportModel {
    const hit = this.models.get(doc.uri);
    if (hit?.version === doc.version) return hit.model;
    this.parses++;
    const model = parse(doc.getText());
    this.models.set(doc.uri, { version: doc.version, model });
    return model;
  }

  /** A short document checked inline, once per version. */
  analysis(doc: TextDocument): Analysis {
    const hit = this.analyses.get(doc.uri);
    if (hit?.version === doc.version) return hit.analysis;
    const analysis = analyse(
      doc,
      this.settingsOf(doc.uri),
      this.config(doc.uri),
      (model) => this.previousOf(doc.uri, model),
      () => this.model(doc),
    );
    this.analyses.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  /** A long document's text, for the check worker; undefined for one handled inline (short, silent or too large). */
  inWorker(doc: TextDocument): { text: string; ownLanguage: boolean } | undefined {
    if (!this.background) return undefined;
    const pre = preflight(doc, this.settingsOf(doc.uri));
    return "kind" in pre || pre.text.length < BACKGROUND_MIN_CHARS ? undefined : pre;
  }

  /** True while the document is at that version (and open). */
  isCurrent(doc: TextDocument, version: number): boolean {
    return this.documents.get(doc.uri) === doc && doc.version === version;
  }

  /**
   * A feature of a report (features.ts), answered from its model of the
   * current version and the findings of its latest check: in the check
   * worker for a long document, inline for a short one. Undefined for a
   * document the server stays silent about.
   */
  async ask<N extends FeatureName>(uri: string, name: N, args: FeatureArgs<N>): Promise<FeatureResult<N> | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const long = this.inWorker(document);
    if (long) {
      const { version } = document;
      const job = { uri, version, ...long, stale: () => !this.isCurrent(document, version), acceptedCheck: () => this.acceptedCheck(uri) };
      try {
        return await this.background!.feature(job, name, args);
      } catch {
        // The worker failed (it says so in the log): answered inline rather than not at all.
        if (!this.isCurrent(document, version)) return undefined;
      }
    }
    const analysis = this.analysis(document);
    if (analysis.kind !== "report") return undefined;
    const { model, findings } = analysis;
    return runFeature(name, { text: document.getText(), model, checked: { findings, current: true } }, args);
  }

  /** The worker's check of a long document's version, as published. */
  recordCheck(uri: string, checked: Checked): void {
    this.checked.set(uri, checked);
  }

  /** The check of a long document whose findings are published: the one the worker is to keep, and use for code actions and the preview. */
  acceptedCheck(uri: string): number | undefined {
    const checked = this.checked.get(uri);
    return checked?.kind === "report" ? checked.check : undefined;
  }

  /** An open report as the 年报检查 view shows it: a long document's latest check, which may be a version behind. */
  openReport(uri: string): OpenReport | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    if (this.inWorker(document)) {
      const checked = this.checked.get(uri);
      if (checked?.kind !== "report") return undefined;
      const { organ, year, detected, tables } = checked.summary;
      return { organ, year, detected, findings: checked.findings, tables };
    }
    const analysis = this.analysis(document);
    if (analysis.kind !== "report") return undefined;
    const { organ, year, format } = analysis.model;
    const locale = this.locale(uri);
    const findings = analysis.findings.map((f) => toReviewFinding(f, locale));
    return { organ, year, detected: format.detected, findings, tables: tableExtents(analysis.model) };
  }

  /** What the lookup of last year's report matches an open document by: a long one's from its latest check. */
  identity(doc: TextDocument): ReportIdentity | undefined {
    const parsed = this.models.get(doc.uri);
    if (parsed?.version === doc.version) return parsed.model;
    if (isTooLarge(doc.getText(), this.settingsOf(doc.uri))) return undefined;
    if (!this.inWorker(doc)) return this.model(doc);
    const checked = this.checked.get(doc.uri);
    return checked?.kind === "report" ? checked.summary : undefined;
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

  /** Settings or a config file changed (for one document, or all): its findings are stale; a parse is not, it depends on the text alone. */
  invalidate(uri?: string): void {
    if (uri === undefined) {
      this.analyses.clear();
      this.checked.clear();
    } else {
      this.analyses.delete(uri);
      this.checked.delete(uri);
    }
  }

  /** The document closed: everything kept of it goes, in the worker too. */
  forget(uri: string): void {
    this.models.delete(uri);
    this.analyses.delete(uri);
    this.checked.delete(uri);
    this.background?.forget(uri);
  }

  /** For the tests: how many documents the session keeps anything of. */
  kept(): number {
    return new Set([...this.models.keys(), ...this.analyses.keys(), ...this.checked.keys()]).size;
  }
}
