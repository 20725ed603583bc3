import type { Range, Severity } from "../core/types";

/**
 * Requests of the live preview and the 年报检查 view, shared by the server and
 * the client. Only names and types: the client bundle takes nothing else.
 */

/** The report rendered as published, with its findings outlined. */
export const PREVIEW_REQUEST = "govReport/preview";

export interface PreviewParams {
  uri: string;
}

export interface PreviewResult {
  /** The document version the HTML shows. */
  version: number;
  /** An <article> fragment; all document text escaped. */
  html: string;
}

/**
 * The reports of the workspace with their findings, a page at a time, in
 * the order of their URIs as JavaScript compares strings: the first page
 * without `after`, each next one with the page's `next`, until a page has
 * no `next`. A list of every report in one answer took over a gigabyte to
 * encode for 20,000 reports.
 */
export const REVIEW_REQUEST = "govReport/review";

export interface ReviewParams {
  /** The `next` of the page before: this page lists the reports whose URI comes after it. */
  after?: string;
  /** At most this many reports (REVIEW_PAGE_LIMIT when absent; never more). */
  limit?: number;
}

/** The most reports a page lists. */
export const REVIEW_PAGE_LIMIT = 100;

export interface ReviewPage {
  reports: ReviewReport[];
  /**
   * Where the next page starts: the last URI this page went through (some
   * open documents are not reports). Reports whose URI is at most this one
   * are all in this page or the ones before. Absent on the last page.
   */
  next?: string;
}

export interface ReviewFinding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
}

/** A table's findings of one rule, read as one (core/group.ts). */
export interface ReviewGroup {
  rule: string;
  severity: Severity;
  /** `表三：155 个单元格为空（第 54–84 行）`. */
  message: string;
  /** The members: indexes into the report's findings, in order. */
  members: number[];
}

export interface ReviewReport {
  uri: string;
  organ?: string;
  year?: number;
  /** The format the tables follow, when a table says. */
  format?: string;
  findings: ReviewFinding[];
  groups: ReviewGroup[];
}

/** Sent when the workspace's reports changed (found, edited on disk, deleted). */
export const REVIEW_CHANGED_NOTIFICATION = "govReport/reviewChanged";
