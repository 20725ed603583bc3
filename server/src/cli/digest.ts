import { reportFacts, type Finding, type Locale, type ReportFacts, type ReportModel } from "../core";
import type { WordLocation } from "../docx/locations";
import { reviewExtract, type ReviewExtract } from "./html";

/**
 * What the output needs of a checked report besides its findings, as plain
 * data: a worker thread sends it back instead of the model (parallel.ts),
 * and the serial check builds the same, so the summary and the review page
 * are rendered from one kind of input whichever thread checked the file.
 */

/** What to keep: the summary's facts (--summary, the review page), and the review page's extract in its language. */
export interface Wanted {
  facts: boolean;
  review?: Locale;
}

export interface ReportDigest {
  facts?: ReportFacts;
  review?: ReviewExtract;
}

/** A report as checked, ready for every output format. */
export interface CheckedReport {
  file: string;
  findings: Finding[];
  /** For a .docx: the Word location of each finding's start (paragraph, or table cell), in the findings' order. */
  word?: (WordLocation | undefined)[];
  digest: ReportDigest;
  /** Last year's report it was compared with. */
  previous?: string;
}

export function digestReport(model: ReportModel, findings: Finding[], wanted: Wanted): ReportDigest {
  return {
    facts: wanted.facts ? reportFacts(model) : undefined,
    review: wanted.review ? reviewExtract(model, findings, wanted.review) : undefined,
  };
}
