import { checkModel, hasReportTitle, parse, type Config, type Finding, type ReportModel, type ReportReview } from "../core";
import type { Settings } from "./settings";

/**
 * What the server makes of a document: a checked report, a document too
 * large to check live, or nothing to say (checking is off, or a Markdown or
 * plain-text file that is not a report).
 */
export type Analysis =
  | { kind: "silent" }
  | { kind: "too-large"; size: number; limit: number }
  | { kind: "report"; model: ReportModel; findings: Finding[] };

export interface DocumentText {
  languageId: string;
  getText(): string;
}

export const REPORT_LANGUAGE = "gov-report";

export function analyse(
  doc: DocumentText,
  settings: Settings,
  /** The configuration, and the decisions of the review file beside the report. */
  { config, review }: { config: Config; review?: ReportReview },
  previousOf: (model: ReportModel) => ReportModel | undefined = () => undefined,
  /** The document's text parsed (the session passes its model of this version, parsed once). */
  parseText: (text: string) => ReportModel = parse,
): Analysis {
  const pre = preflight(doc, settings);
  if ("kind" in pre) return pre;
  const model = parseText(pre.text);
  if (isSilent(model, pre.ownLanguage)) return { kind: "silent" };
  return { kind: "report", model, findings: checkModel(model, { config, previous: previousOf(model), review }) };
}

/** Markdown and plain text are everyone's files: only a report is checked (here and in the check worker alike). */
export function isSilent(model: ReportModel, ownLanguage: boolean): boolean {
  return !ownLanguage && !model.isReport;
}

/**
 * What is decided before the text is parsed: silence (checking is off, or
 * content detection is), the size notice, or the text to parse and whether
 * the document is in the report language. analyse() and the background
 * check (background.ts) share it, so both decide alike.
 */
export function preflight(doc: DocumentText, settings: Settings): Exclude<Analysis, { kind: "report" }> | { text: string; ownLanguage: boolean } {
  if (!settings.enable) return { kind: "silent" };
  const ownLanguage = doc.languageId === REPORT_LANGUAGE;
  if (!ownLanguage && !settings.autoDetect) return { kind: "silent" };
  const text = doc.getText();
  if (isTooLarge(text, settings)) return tooLarge(text, ownLanguage, settings);
  return { text, ownLanguage };
}

/** Checked before anything reads the text: its length is known without scanning it. */
export function isTooLarge(text: string, settings: Settings): boolean {
  return text.length > settings.maxDocumentSize;
}

/** Enough of a draft's opening for content detection, however long the draft. */
const OPENING_CHARS = 8_000;

/** A Markdown or plain-text file too large to check is noticed only when its opening is a report's. */
function tooLarge(text: string, ownLanguage: boolean, settings: Settings): Exclude<Analysis, { kind: "report" }> {
  if (!ownLanguage && !hasReportTitle(text.slice(0, OPENING_CHARS))) return { kind: "silent" };
  return { kind: "too-large", size: text.length, limit: settings.maxDocumentSize };
}
