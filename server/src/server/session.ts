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
import { ReviewFiles } from "./reviewFiles";
import type { ReviewFinding } from "./reviewProtocol";
import { DEFAULT_SETTINGS, type Settings } from "./settings";

/** What the 年报检查 view shows of a report: its findings in the document's locale. */
export interface OpenReport extends ReportIdentity {
  detected?: FormatId;
  findings: ReviewFinding[];
  /** Where the tables stand, to group their findings (core/group.ts). */
  tables: TableExtent[];
}

/**
 * The latest check of a document, kept small for every open document: a long
 * one's as the check worker answered and validation.ts published it (`check`
 * names it to the worker), a short one's made from its analysis.
 */
type Checked = { version: number } & ({ kind: "silent" } | { kind: "report"; check?: number; findings: ReviewFinding[]; summary: ReportSummary });

/** How many documents' models and analyses are kept whole: those last worked on, the ones in view among them. */
export const RECENT_DOCUMENTS = 16;

/** Values by key, at most `limit` of them: setting one more drops the one least recently read or set. */
class Recent<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) this.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * The server's state: settings, the client's locale, the workspace's
 * `.govreportrc.json` files, and what is known of each open document's
 * current version — parsed once, whoever asks first (the diagnostics, a
 * feature, the lookup of last year's report).
 *
 * Short documents are parsed and checked here, on the main thread, once per
 * version while they are among the RECENT_DOCUMENTS last worked on; of the
 * others only their organ and year and their latest check's findings in the
 * view's form are kept (a few KB, against some 165 KB for a model and its
 * findings), and a feature asked of one parses and checks it again, with the
 * same outcome. Long ones (BACKGROUND_MIN_CHARS and more) never are: their model
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
  readonly reviews: ReviewFiles;
  private readonly models = new Recent<{ version: number; model: ReportModel }>(RECENT_DOCUMENTS);
  private readonly analyses = new Recent<{ version: number; analysis: Analysis }>(RECENT_DOCUMENTS);
  /** Organ and year of each open document's version parsed here, for the lookup of last year's report. */
  private readonly identities = new Map<string, { version: number; identity: ReportIdentity }>();
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
    this.reviews = new ReviewFiles(onConfigProblem);
  }

  /** The document's current version parsed, whatever its language and the settings (the callers decide what it counts for). */
  model(doc: TextDocument): ReportModel {
    const hit = this.models.get(doc.uri);
    if (hit?.version === doc.version) return hit.model;
    this.parses++;
    const model = parse(doc.getText());
    this.models.set(doc.uri, { version: doc.version, model });
    this.identities.set(doc.uri, { version: doc.version, identity: { organ: model.organ, year: model.year } });
    return model;
  }

  /** A short document checked inline, once per version. */
  analysis(doc: TextDocument): Analysis {
    const hit = this.analyses.get(doc.uri);
    if (hit?.version === doc.version) return hit.analysis;
    const analysis = analyse(
      doc,
      this.settingsOf(doc.uri),
      { config: this.config(doc.uri), review: this.reviews.forDocument(doc.uri) },
      (model) => this.previousOf(doc.uri, model),
      () => this.model(doc),
    );
    this.analyses.set(doc.uri, { version: doc.version, analysis });
    // A long document analysed here (the worker failed) keeps the worker's latest check.
    if (!this.inWorker(doc)) this.keepCheck(doc, analysis);
    return analysis;
  }

  /** What outlives a short document's analysis: the view's findings and the summary a long document's check leaves. */
  private keepCheck(doc: TextDocument, analysis: Analysis): void {
    const { uri, version } = doc;
    if (analysis.kind === "too-large") this.checked.delete(uri);
    else if (analysis.kind === "silent") this.checked.set(uri, { version, kind: "silent" });
    else {
      const { model } = analysis;
      const locale = this.locale(uri);
      const findings = analysis.findings.map((f) => toReviewFinding(f, locale));
      const summary = { organ: model.organ, year: model.year, format: model.format.used.id, detected: model.format.detected, tables: tableExtents(model) };
      this.checked.set(uri, { version, kind: "report", findings, summary });
    }
  }

  /** A short document's check of its current version, analysed again when it has none. */
  private shortCheck(doc: TextDocument): Checked | undefined {
    const kept = this.checked.get(doc.uri);
    if (kept?.version === doc.version) return kept;
    return this.analysis(doc).kind === "too-large" ? undefined : this.checked.get(doc.uri);
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

  /** An open report as the 年报检查 view shows it: a long document's latest check, which may be a version behind; a short one's of its version. */
  openReport(uri: string): OpenReport | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const checked = this.inWorker(document) ? this.checked.get(uri) : this.shortCheck(document);
    if (checked?.kind !== "report") return undefined;
    const { organ, year, detected, tables } = checked.summary;
    return { organ, year, detected, findings: checked.findings, tables };
  }

  /** What the lookup of last year's report matches an open document by: a long one's from its latest check. */
  identity(doc: TextDocument): ReportIdentity | undefined {
    const known = this.identities.get(doc.uri);
    if (known?.version === doc.version) return known.identity;
    if (isTooLarge(doc.getText(), this.settingsOf(doc.uri))) return undefined;
    if (!this.inWorker(doc)) {
      const { organ, year } = this.model(doc);
      return { organ, year };
    }
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
    this.identities.delete(uri);
    this.checked.delete(uri);
    this.background?.forget(uri);
  }

  /** For the tests: how many documents' models the session keeps whole. */
  wholeModels(): number {
    return this.models.size;
  }

  /** For the tests: how many documents the session keeps anything of. */
  kept(): number {
    return new Set([...this.models.keys(), ...this.analyses.keys(), ...this.identities.keys(), ...this.checked.keys()]).size;
  }
}
