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

/** Every report of the workspace with its findings. */
export const REVIEW_REQUEST = "govReport/review";

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
