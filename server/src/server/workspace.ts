import { readdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Connection, FileEvent } from "vscode-languageserver/node";
import { checkModel, organKey, parse, PredecessorIndex, tableExtents, type Locale, type ReportIdentity, type ReportModel, type TableExtent } from "../core";
import type { FormatId } from "../core/formats";
import { isWordFile, readDraft, readWordDraft, walk } from "../node/files";
import { isTooLarge } from "./analysis";
import { toDiagnostics, toReviewFinding } from "./convert";
import { REVIEW_CHANGED_NOTIFICATION, type ReviewFinding } from "./reviewProtocol";
import type { OpenReport, Session } from "./session";
import { fileUri } from "./uris";

/**
 * The workspace's reports beyond the open documents: last year's report of
 * the same organ for the cross-year rules, and — with `govReport.workspaceCheck`
 * — findings in Problems for every report on disk that is not open (an open
 * document's diagnostics are the Validator's). The folders are read once, in
 * the background, then kept current from file-change events. Word reports
 * (.docx) count as the CLI counts them: imported through the lazily loaded
 * Word bundle, Word's lock files (~$…) skipped, and a .docx beside a draft of
 * the same name left out as that draft's export.
 */

const DRAFT = /\.(txt|md|markdown|docx)$/i;
/** Word's lock file of a document it has open (~$报告.docx): not a document. */
const WORD_LOCK = /^~\$/;
const stem = (name: string) => name.slice(0, name.lastIndexOf("."));

/**
 * How long work over every report runs before other requests are answered.
 * A request waits about three slices: one before it is read, and the protocol
 * library writes each message in a turn of the event loop of its own (at
 * 20 ms a hover took 65 ms while the saved reports' findings were published;
 * at 5 ms, 18 ms).
 */
const SLICE_MS = 5;

/** Lets the event loop answer what came in once `since` is a slice ago; returns the start of the next slice. */
async function breather(since: number): Promise<number> {
  if (performance.now() - since < SLICE_MS) return since;
  await new Promise((resolve) => setImmediate(resolve));
  return performance.now();
}

/** A report of the workspace as the 年报检查 view lists it. */
export interface CheckedFile extends OpenReport {
  uri: string;
}

/**
 * What is kept of a saved report between uses: what the view, its
 * diagnostics and the lookup of last year's report read. Its model (some
 * 120 KB) is made again from the file when its findings are asked for or it
 * is found as last year's report (a parse takes about a millisecond).
 */
interface SavedReport extends ReportIdentity {
  detected?: FormatId;
  tables: TableExtent[];
  /** A Word report's text as imported (a few KB), parsed again without importing the file again. */
  wordText?: string;
}

function savedReport(model: ReportModel, wordText?: string): SavedReport {
  return { organ: model.organ, year: model.year, detected: model.format.detected, tables: tableExtents(model), wordText };
}

/** The organ a report is matched by as last year's report, when it names one. */
const organOf = (report: ReportIdentity | undefined) => (report?.organ ? organKey(report.organ) : undefined);

/** A page of the 年报检查 view: reports in the order of their URIs, and where the next page starts (absent on the last). */
export interface CheckedPage {
  files: CheckedFile[];
  next?: string;
}

export class WorkspaceReports {
  /** Saved reports by URI (files that are not reports are left out). */
  private readonly saved = new Map<string, SavedReport>();
  /** The URIs of saved reports by organ (organKey): a report's change concerns only its organ's reports. */
  private readonly byOrgan = new Map<string, Set<string>>();
  /** The URIs of `saved` in order, made again when one comes or goes. */
  private sortedSaved?: string[];
  /** Findings of saved reports in the view's form, dropped when a report of the same organ changes. */
  private readonly findings = new Map<string, { locale: Locale; findings: ReviewFinding[] }>();
  /** URIs whose findings this module published (to clear them). */
  private readonly published = new Set<string>();
  private scanning?: Promise<void>;
  /** Files named as last year's report, by path, read again when their size or time changes. */
  private readonly named = new Map<string, { stamp: string; model?: ReportModel }>();
  /** File-change events, applied in order (a Word report is imported asynchronously). */
  private updating: Promise<void> = Promise.resolve();
  /**
   * Organ and year of every report, for last year's report in one lookup: a
   * saved report's, or an open document's as edited.
   */
  private readonly identities = new PredecessorIndex<string>();
  /** The version of each open document whose organ and year `identities` holds. */
  private readonly openVersions = new Map<string, number>();
  /** The latest pass publishing every saved report's findings; an older one stops. */
  private publishing = 0;

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
    /** Called when the known reports changed: open documents' cross-year findings may be stale. */
    private readonly onReportsChanged: () => void,
  ) {}

  /** Reads the workspace folders once; later calls wait for the same scan. */
  scan(): Promise<void> {
    this.scanning ??= this.readFolders().then(() => this.changed());
    return this.scanning;
  }

  /**
   * Last year's report for a document: the file `.govreportrc.json` or the
   * govReport.previousReport setting names, else the one report of the same
   * organ and the year before in the workspace.
   */
  previousFor(uri: string, model: ReportIdentity): ReportModel | undefined {
    void this.scan();
    this.indexOpenDocuments(uri, model);
    const named = this.namedPrevious(uri);
    if (named) return this.modelOf(fileUri(named)) ?? this.namedModel(named);
    // Matched by organ and year alone; only the one found is needed whole.
    const found = this.identities.predecessorOf(uri, model);
    return found === undefined ? undefined : this.modelOf(found);
  }

  /**
   * Brings the open documents' organ and year up to date: the document being
   * checked from its model, the others once per version (a long document's
   * from its latest check, until its next check brings it here).
   */
  private indexOpenDocuments(checking: string, model: ReportIdentity): void {
    for (const doc of this.session.documents.all()) {
      if (doc.uri === checking) this.identities.set(checking, model);
      else if (this.openVersions.get(doc.uri) !== doc.version) this.identities.set(doc.uri, this.session.identity(doc));
      else continue;
      this.openVersions.set(doc.uri, doc.version);
    }
  }

  /** `.govreportrc.json` first (it decides where it speaks, as for the rules), then the setting. */
  private namedPrevious(uri: string): string | undefined {
    const fromRc = this.session.config(uri).previous;
    if (fromRc) return fromRc;
    const setting = this.session.settingsOf(uri).previousReport;
    if (!setting) return undefined;
    // Relative to the document's own workspace folder (multi-root), else the first one.
    const folders = this.session.folders.filter((f) => f.startsWith("file:"));
    const own = folders.filter((f) => uri.startsWith(f.endsWith("/") ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0];
    const folder = own ?? folders[0];
    if (folder) return resolve(fileURLToPath(folder), setting);
    return isAbsolute(setting) ? setting : undefined;
  }

  /**
   * At most `limit` reports of the workspace with their findings (open
   * documents as edited), those whose URI comes after `after`, in the order
   * of their URIs: the view asks page by page, and no answer holds every
   * report at once.
   */
  async page(after: string | undefined, limit: number): Promise<CheckedPage> {
    await this.scan();
    await this.updating;
    const uris = this.uris();
    const files: CheckedFile[] = [];
    let i = after === undefined ? 0 : firstAfter(uris, after);
    // Checking saved reports takes a millisecond or more each: other requests are answered between slices of it.
    let slice = performance.now();
    for (; i < uris.length && files.length < limit; i++) {
      slice = await breather(slice);
      const file = this.checkedFile(uris[i]);
      if (file) files.push(file);
    }
    return { files, next: i < uris.length ? uris[i - 1] : undefined };
  }

  private checkedFile(uri: string): CheckedFile | undefined {
    if (this.session.documents.get(uri)) {
      const open = this.session.openReport(uri);
      return open && { uri, ...open };
    }
    const report = this.saved.get(uri);
    const findings = report && this.findingsOf(uri, report);
    if (!report || !findings) return undefined;
    return { uri, organ: report.organ, year: report.year, detected: report.detected, findings, tables: report.tables };
  }

  /** The settings or a config file changed: every finding may have. */
  settingsChanged(): void {
    this.findings.clear();
    this.refresh();
  }

  /** Publishes the saved reports' findings (only `touched`'s when given) when the setting is on, clears them when it is off. */
  private refresh(touched?: Set<string>): void {
    if (!this.session.settings.workspaceCheck) {
      for (const uri of this.published) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.published.clear();
      return;
    }
    if (!this.scanning) {
      void this.scan();
      return;
    }
    void this.publishAll(touched);
  }

  /**
   * The saved reports' findings (only `touched`'s when given), in slices of
   * work between which requests are answered. A newer pass over all of them
   * stops this one; a pass over some stops none.
   */
  private async publishAll(touched?: Set<string>): Promise<void> {
    const pass = touched ? this.publishing : ++this.publishing;
    let slice = performance.now();
    for (const uri of touched ?? [...this.saved.keys()]) {
      slice = await breather(slice);
      if (pass !== this.publishing || !this.session.settings.workspaceCheck) return;
      const report = this.saved.get(uri);
      if (report && !this.session.documents.get(uri)) this.publish(uri, report);
    }
  }

  /** A document was closed: its saved version's findings stand in for the Validator's. */
  documentClosed(uri: string): void {
    this.openVersions.delete(uri);
    this.identities.set(uri, this.saved.get(uri));
    const report = this.saved.get(uri);
    if (report && this.session.settings.workspaceCheck) this.publish(uri, report);
  }

  /** Drafts and Word reports created, changed or deleted on disk. */
  filesChanged(changes: FileEvent[]): void {
    const drafts = changes.filter((c) => c.uri.startsWith("file:") && DRAFT.test(c.uri) && !WORD_LOCK.test(basename(fileURLToPath(c.uri))));
    for (const { uri } of drafts) this.named.delete(fileURLToPath(uri));
    if (!drafts.length || !this.scanning) return;
    this.updating = this.updating
      .then(() => this.apply(drafts))
      .catch((err: unknown) => this.connection.console.error(`gov-report: reading changed reports failed: ${String(err)}`));
  }

  private async apply(drafts: FileEvent[]): Promise<void> {
    // A draft's change decides whether the .docx of the same name beside it counts (as its export, it does not).
    // Each folder is listed once per batch of changes.
    const listings = new Map<string, string[]>();
    const names = (dir: string) => listings.get(dir) ?? listings.set(dir, listFolder(dir)).get(dir)!;
    const paths = new Set(drafts.flatMap(({ uri }) => [fileURLToPath(uri), ...wordSiblings(fileURLToPath(uri), names)]));
    /** The reports whose findings may have changed: those changed and the others of their organs, before and after. */
    const touched = new Set<string>();
    for (const path of paths) {
      const uri = fileUri(path);
      const before = this.saved.get(uri);
      const after = this.exists(path) && !shadowed(path, names) ? await this.readSaved(path) : undefined;
      this.setSaved(uri, after);
      for (const report of [uri, ...this.organMates(before), ...this.organMates(after)]) touched.add(report);
      if (!after && this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    for (const uri of touched) this.findings.delete(uri);
    this.changed(touched);
  }

  /** The saved reports of a report's organ (a report without one has none). */
  private organMates(report: SavedReport | undefined): Iterable<string> {
    const organ = organOf(report);
    return (organ !== undefined && this.byOrgan.get(organ)) || [];
  }

  private exists(path: string): boolean {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  }

  /** `touched`: the only saved reports whose findings may have changed (all when absent). */
  private changed(touched?: Set<string>): void {
    this.onReportsChanged();
    this.refresh(touched);
    void this.connection.sendNotification(REVIEW_CHANGED_NOTIFICATION);
  }

  private async readFolders(): Promise<void> {
    for (const folder of this.session.folders.filter((f) => f.startsWith("file:"))) {
      const paths = walk(fileURLToPath(folder), () => undefined).filter((p) => DRAFT.test(p));
      for (const path of paths) {
        // One file per turn of the event loop: requests are answered while a large workspace is read.
        await new Promise((resolve) => setImmediate(resolve));
        const report = await this.readSaved(path);
        if (report) this.setSaved(fileUri(path), report);
      }
    }
  }

  /** A saved report read, changed or gone; its organ and year stand for it unless it is open (then the document's do). */
  private setSaved(uri: string, report: SavedReport | undefined): void {
    const before = this.saved.get(uri);
    const organ = organOf(before);
    if (organ !== undefined) {
      const mates = this.byOrgan.get(organ)!;
      mates.delete(uri);
      if (!mates.size) this.byOrgan.delete(organ);
    }
    if (!before !== !report) this.sortedSaved = undefined;
    if (report) {
      this.saved.set(uri, report);
      const now = organOf(report);
      if (now !== undefined) (this.byOrgan.get(now) ?? this.byOrgan.set(now, new Set()).get(now)!).add(uri);
    } else this.saved.delete(uri);
    if (!this.openVersions.has(uri)) this.identities.set(uri, report);
  }

  /** What is kept of a report on disk; undefined for a file that is not one. */
  private async readSaved(path: string): Promise<SavedReport | undefined> {
    if (!isWordFile(path)) {
      const model = this.readDraftReport(path);
      return model && savedReport(model);
    }
    const text = await this.importWord(path);
    const model = text === undefined ? undefined : this.reportOf(text, path);
    return model && savedReport(model, text);
  }

  /** A saved report's model, made again: a draft read from disk again, a Word report from its imported text. */
  private savedModel(uri: string, report: SavedReport): ReportModel | undefined {
    const path = fileURLToPath(uri);
    return report.wordText === undefined ? this.readDraftReport(path) : this.reportOf(report.wordText, path);
  }

  /** A draft, or a Word report as imported (the Word bundle is loaded on the first one). */
  private async readReport(path: string): Promise<ReportModel | undefined> {
    if (!isWordFile(path)) return this.readDraftReport(path);
    const text = await this.importWord(path);
    return text === undefined ? undefined : this.reportOf(text, path);
  }

  private async importWord(path: string): Promise<string | undefined> {
    try {
      return (await readWordDraft(path)).text;
    } catch {
      // Not a Word document, or a damaged one: not a report this module can use.
      return undefined;
    }
  }

  private readDraftReport(path: string): ReportModel | undefined {
    try {
      // A character takes at most four bytes in any encoding a draft may have: larger files are certainly over the limit.
      if (statSync(path).size > 4 * this.settingsOfPath(path).maxDocumentSize) return undefined;
      return this.reportOf(readDraft(path).text, path);
    } catch {
      // Unreadable or binary: not a report this module can use.
      return undefined;
    }
  }

  private reportOf(text: string, path: string): ReportModel | undefined {
    if (isTooLarge(text, this.settingsOfPath(path))) return undefined;
    const model = parse(text);
    return model.isReport ? model : undefined;
  }

  private settingsOfPath(path: string) {
    return this.session.settingsOf(fileUri(path));
  }

  /**
   * A file named as last year's report. A text draft is read at once; a Word
   * report is imported in the background, and the reports that name it are
   * checked again when it is ready.
   */
  private namedModel(path: string): ReportModel | undefined {
    let stamp: string;
    try {
      const st = statSync(path);
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      this.named.delete(path);
      return undefined;
    }
    const hit = this.named.get(path);
    if (hit?.stamp === stamp) return hit.model;
    if (!isWordFile(path)) {
      const model = this.readDraftReport(path);
      this.named.set(path, { stamp, model });
      return model;
    }
    // Until a changed file is read, its former version stands.
    this.named.set(path, { stamp, model: hit?.model });
    void this.readReport(path).then((model) => {
      if (this.named.get(path)?.stamp !== stamp) return;
      this.named.set(path, { stamp, model });
      if (model !== hit?.model) this.changed();
    });
    return hit?.model;
  }

  /** Saved reports and open documents, in order. */
  private uris(): string[] {
    this.sortedSaved ??= [...this.saved.keys()].sort();
    const unsaved = this.session.documents.all().filter((d) => !this.saved.has(d.uri));
    return unsaved.length ? [...this.sortedSaved, ...unsaved.map((d) => d.uri)].sort() : this.sortedSaved;
  }

  /**
   * An open document as edited (unless it is too large to check), else the
   * saved file: the session's model of the document's version, which its
   * diagnostics share (a long document is parsed here only when it is the
   * report found as last year's; its diagnostics are the worker's).
   */
  private modelOf(uri: string): ReportModel | undefined {
    const doc = this.session.documents.get(uri);
    if (!doc) {
      const report = this.saved.get(uri);
      return report && this.savedModel(uri, report);
    }
    return isTooLarge(doc.getText(), this.session.settingsOf(uri)) ? undefined : this.session.model(doc);
  }

  /** A saved report's findings in its locale, checked again from its file when they are not kept; undefined when it can no longer be read. */
  private findingsOf(uri: string, report: SavedReport): ReviewFinding[] | undefined {
    const locale = this.session.locale(uri);
    const kept = this.findings.get(uri);
    if (kept?.locale === locale) return kept.findings;
    const model = this.savedModel(uri, report);
    if (!model) return undefined;
    const options = { config: this.session.config(uri), previous: this.previousFor(uri, model), review: this.session.reviews.forDocument(uri) };
    const findings = checkModel(model, options).map((f) => toReviewFinding(f, locale));
    this.findings.set(uri, { locale, findings });
    return findings;
  }

  private publish(uri: string, report: SavedReport): void {
    const findings = this.findingsOf(uri, report);
    if (!findings) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(findings, report.tables, uri, this.session.locale(uri)) });
    this.published.add(uri);
  }
}

/** The index of the first of the sorted `uris` after `uri`. */
function firstAfter(uris: string[], uri: string): number {
  let low = 0;
  let high = uris.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (uris[mid] <= uri) low = mid + 1;
    else high = mid;
  }
  return low;
}

function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The .docx files of a draft's name beside it (`names` lists a folder). */
function wordSiblings(path: string, names: (dir: string) => string[]): string[] {
  if (isWordFile(path)) return [];
  const name = stem(basename(path));
  return names(dirname(path))
    .filter((n) => isWordFile(n) && stem(n) === name)
    .map((n) => join(dirname(path), n));
}

/** A .docx beside a draft of the same name is that draft's export (as the CLI's walk decides). */
function shadowed(path: string, names: (dir: string) => string[]): boolean {
  if (!isWordFile(path)) return false;
  const name = stem(basename(path));
  return names(dirname(path)).some((n) => DRAFT.test(n) && !isWordFile(n) && stem(n) === name);
}
