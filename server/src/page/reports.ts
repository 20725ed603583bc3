import { checkModel, findPredecessors, fixAll, localized, parse, type Finding, type Localized, type Position, type ReportModel } from "../core";
import { DocxError, importDocx } from "../docx";
import type { WordLocation } from "../docx/locations";
import { decodeDraft, MAX_FILE_BYTES, UnreadableFile } from "./decode";

/**
 * What the page checks: drafts dropped or pasted, each parsed and checked as
 * `gov-report check` checks the same files together — last year's report of
 * the same organ found among them — and the safe fixes applied as `fix` does.
 */

export interface Draft {
  name: string;
  text: string;
  /** For a Word report: where each position of its converted text stands in Word. */
  locate?: (position: Position) => WordLocation | undefined;
}

export interface PageReport extends Draft {
  model: ReportModel;
  findings: Finding[];
  /** Last year's report it was compared with. */
  previous?: PageReport;
}

export interface Unreadable {
  name: string;
  problem: Localized;
}

export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

const isWord = (name: string) => /\.docx$/i.test(name);

/** A dropped file as a draft: a text draft decoded, a Word report converted; what cannot be read says why. */
export async function readDropped(file: DroppedFile): Promise<Draft | Unreadable> {
  if (file.bytes.length > MAX_FILE_BYTES) return { name: file.name, problem: localized("文件过大（超过 64 MB）", "file too large (over 64 MB)") };
  try {
    if (!isWord(file.name)) return { name: file.name, text: decodeDraft(file.bytes) };
    const { text, locate } = await importDocx(file.bytes);
    return { name: file.name, text, locate };
  } catch (e) {
    if (e instanceof UnreadableFile || e instanceof DocxError) return { name: file.name, problem: e instanceof UnreadableFile ? e.problem : e.reason };
    throw e;
  }
}

/** The drafts checked together: each with last year's report when one of the others is it. */
export function checkDrafts(drafts: Draft[]): PageReport[] {
  const models = drafts.map((d) => parse(d.text));
  const found = findPredecessors(models);
  const reports = drafts.map((d, i): PageReport => ({ ...d, model: models[i], findings: [] }));
  reports.forEach((r, i) => {
    const previous = found[i] === undefined ? undefined : reports[found[i]!];
    r.previous = previous;
    r.findings = checkModel(r.model, { previous: previous?.model });
  });
  return reports;
}

export interface Fixed {
  report: PageReport;
  /** Findings fixed, by rule. */
  fixedByRule: Record<string, number>;
}

/** The safe fixes applied until none is left; the result is a text draft (a Word report's positions no longer hold). */
export function fixReport(report: PageReport): Fixed {
  const previous = report.previous?.model;
  const result = fixAll(report.text, { previous });
  return {
    report: { name: report.name, text: result.text, model: parse(result.text), findings: result.left, previous: report.previous },
    fixedByRule: result.fixedByRule,
  };
}
