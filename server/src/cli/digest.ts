import { deflateRawSync } from "node:zlib";
import { quotedText, renderTableHtml, reportFacts, tableExtents, type Finding, type Locale, type ReportFacts, type ReportModel, type TableExtent } from "../core";
import type { WordLocation } from "../docx/locations";

/**
 * What the output needs of a checked report besides its findings, as plain
 * data: a worker thread sends it back instead of the model (parallel.ts),
 * and the serial check builds the same, so the summary and the review page
 * are rendered from one kind of input whichever thread checked the file.
 * The digest is data: the outputs (output.ts, summary.ts, html.ts) import
 * it, it imports none of them.
 */

/** What to keep: the summary's facts (--summary, the review page), and the review page's extract in its language. */
export interface Wanted {
  facts: boolean;
  /** Where the tables stand: the outputs that group a table's findings for reading need it (stylish, the review page). */
  tables?: boolean;
  review?: Locale;
  /** Each finding's fingerprint (core/review.ts): the review page's decisions and `review --prune` name findings by it. */
  fingerprints?: boolean;
  /** The text each finding points at (the spreadsheet and the 审核意见 quote it). */
  quotes?: boolean;
  /** Whether each finding can be fixed: the JSON output says so. */
  fixable?: boolean;
}

export interface ReportDigest {
  /** With wanted.tables: where the tables stand, to group their findings for reading (core/group.ts). */
  tables?: TableExtent[];
  facts?: ReportFacts;
  review?: ReviewExtract;
  /** The text each finding points at, in the findings' order. */
  quotes?: string[];
}

/** A report as checked, ready for every output format. */
export interface CheckedReport {
  file: string;
  findings: Finding[];
  /** For a .docx: the Word location of each finding's start (paragraph, or table cell), in the findings' order. */
  word?: (WordLocation | undefined)[];
  digest: ReportDigest;
  /** With a review or wanted.fingerprints: each finding's fingerprint, in the findings' order. */
  fingerprints?: string[];
  /** With a review: whether the reviewer accepted each finding, in the findings' order. */
  accepted?: boolean[];
  /** Findings a reviewer dismissed, left out of findings. */
  excluded?: number;
  /** With wanted.fixable: whether each finding has a fix that changes the text, in the findings' order. */
  fixable?: boolean[];
  /** Last year's report it was compared with. */
  previous?: string;
}

/**
 * The findings as the output keeps them: without their fixes, which no output
 * of `check` shows and which are most of what a report's findings hold (a
 * table's fix-all repeats every empty cell's edit in each of its findings;
 * a missing table's fix is the whole table). Every report's findings are kept
 * until the output is written.
 */
export function keptFindings(findings: Finding[]): Finding[] {
  return findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range, fixes: [] }));
}

/** Whether a finding has a fix that changes the text (a fix that only selects cells to check changes nothing). */
export const isFixable = (f: Finding): boolean => f.fixes.some((x) => x.edits.length > 0);

export function digestReport(model: ReportModel, findings: Finding[], wanted: Wanted): ReportDigest {
  return {
    tables: wanted.tables ? tableExtents(model) : undefined,
    facts: wanted.facts ? reportFacts(model) : undefined,
    review: wanted.review ? reviewExtract(model, findings, wanted.review) : undefined,
    quotes: wanted.quotes ? quotesOf(model, findings) : undefined,
  };
}

function quotesOf(model: ReportModel, findings: Finding[]): string[] {
  const lines = model.lines.map((l) => l.text);
  return findings.map((f) => quotedText(lines, f));
}

/** What the review page shows of a report's text: the lines its findings quote, and its statistics tables with the cells in question outlined. */
export interface ReviewExtract {
  /** Source lines by 0-based number. */
  quoted: Record<number, string>;
  /**
   * The tables rendered (HTML, one a line), deflated UTF-8: every report's
   * extract is kept until the page is written, and its tables are most of
   * it (about 40 KB a report as a string, 3 KB deflated).
   */
  tables: Uint8Array;
}

/** Quoted lines per finding: enough to recognise the place, not a whole table. */
const MAX_QUOTED_LINES = 3;

export function reviewExtract(model: ReportModel, findings: Finding[], locale: Locale): ReviewExtract {
  const quoted: Record<number, string> = {};
  for (const f of findings) for (const i of quotedLines(f)) quoted[i] = model.lines[i]?.text ?? "";
  const tables = model.tables.map((table) => renderTableHtml(table, findings, locale)).join("\n");
  // Copied out of zlib's output buffer, which is several times the size of what it holds.
  return { quoted, tables: new Uint8Array(deflateRawSync(Buffer.from(tables, "utf8"))) };
}

/** The 0-based lines a finding's quote shows: its first MAX_QUOTED_LINES. */
export function quotedLines(f: Finding): number[] {
  const { start, end } = f.range;
  const last = Math.min(end.line, start.line + MAX_QUOTED_LINES - 1);
  return Array.from({ length: Math.max(0, last - start.line + 1) }, (_, k) => start.line + k);
}
