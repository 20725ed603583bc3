import { checkModel, parse, type Config, type Finding, type ReportModel } from "../core";
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
  config: Config,
  previousOf: (model: ReportModel) => ReportModel | undefined = () => undefined,
): Analysis {
  if (!settings.enable) return { kind: "silent" };
  const ownLanguage = doc.languageId === REPORT_LANGUAGE;
  if (!ownLanguage && !settings.autoDetect) return { kind: "silent" };
  const text = doc.getText();
  if (text.length > settings.maxDocumentSize) return { kind: "too-large", size: text.length, limit: settings.maxDocumentSize };
  const model = parse(text);
  // Markdown and plain text are everyone's files: only a report is checked.
  if (!ownLanguage && !model.isReport) return { kind: "silent" };
  return { kind: "report", model, findings: checkModel(model, { config, previous: previousOf(model) }) };
}
