import { basename, resolve } from "node:path";
import {
  applyReview,
  checkModel,
  decisionMap,
  fingerprintFindings,
  parse,
  type Config,
  type Finding,
  type ReportIdentity,
  type ReportModel,
  type ReviewDecision,
  type UnitReport,
} from "../core";
import { digestReport, isFixable, keptFindings, type CheckedReport, type Wanted } from "./digest";
import { FileProblem, readReport, type ReportDraft } from "../node/files";
import { expandPattern } from "../node/patterns";
import { reportKeyOf } from "../node/review";

/**
 * One file of `check`: read (a text draft or a .docx), parsed and checked,
 * and what the output needs of it kept as plain data. The same function runs
 * on the main thread and in the worker threads (parallel.ts), so a file's
 * result does not depend on the thread that checked it.
 */

export interface Job {
  file: string;
  config?: Config;
  /** Named on the command line: checked even when it is not a report. */
  explicit: boolean;
  /** Last year's report is named for it (--previous, `previous`): it is checked once that report is read (commands/check.ts). */
  deferred: boolean;
  wanted: Wanted;
  /** A region's report: absolute patterns of the reports of the units it covers (aggregate-mismatch). */
  aggregate?: string[];
  /** The decisions of the report's folder's review file (node/review.ts). */
  review?: ReviewDecision[];
}

export type JobResult =
  | { kind: "problem"; file: string; problem: string }
  /** Found in a folder and not a report: left out. */
  | { kind: "skipped"; file: string }
  /** A report, with its organ and year to find last year's report by; checked unless its job was deferred. */
  | { kind: "report"; file: string; identity: ReportIdentity; checked?: CheckedReport };

/** What the check command reports for a file it cannot read. */
export function readProblem(e: unknown): string {
  return e instanceof FileProblem ? e.message : `无法读取 / cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
}

/** Reads, parses and checks one file, with last year's report when it is given (worker threads check without). */
export async function checkFile(job: Job, previous?: ReportModel): Promise<JobResult> {
  let draft: ReportDraft;
  let model: ReportModel;
  try {
    draft = await readReport(job.file);
    model = parse(draft.text);
  } catch (e) {
    return { kind: "problem", file: job.file, problem: readProblem(e) };
  }
  if (!job.explicit && !model.isReport) return { kind: "skipped", file: job.file };
  const identity = { organ: model.organ, year: model.year };
  if (job.deferred) return { kind: "report", file: job.file, identity };
  const units = job.aggregate && (await unitReports(job.file, job.aggregate));
  const reviewed = reviewFindings(job, model, checkModel(model, { config: job.config, previous, units }));
  const { findings } = reviewed;
  const locate = draft.locate;
  const word = locate && findings.map((f) => locate(f.range.start));
  const digest = digestReport(model, findings, job.wanted);
  const fixable = job.wanted.fixable ? findings.map(isFixable) : undefined;
  return { kind: "report", file: job.file, identity, checked: { file: job.file, ...reviewed, findings: keptFindings(findings), word, digest, fixable } };
}

/**
 * The reports of a region's units, each file the patterns name but the
 * region's own. Undefined when one cannot be read or is not a report: a sum
 * over some of the units would find differences that are not there.
 */
async function unitReports(region: string, patterns: string[]): Promise<UnitReport[] | undefined> {
  const files = [...new Set(patterns.flatMap(expandPattern))].filter((f) => resolve(f) !== resolve(region));
  const units: UnitReport[] = [];
  for (const file of files) {
    try {
      const model = parse((await readReport(file)).text);
      if (!model.isReport) return undefined;
      units.push({ name: model.organ ?? basename(file), model });
    } catch {
      return undefined;
    }
  }
  return units;
}

/**
 * The findings once the folder's review is applied (dismissed ones left out,
 * accepted ones marked), with their fingerprints when the output offers
 * decisions (the review page) or there are decisions to apply.
 */
function reviewFindings(job: Job, model: ReportModel, all: Finding[]): Pick<CheckedReport, "findings" | "fingerprints" | "accepted" | "excluded"> {
  if (!job.review?.length && !job.wanted.fingerprints) return { findings: all };
  const prints = fingerprintFindings(model.lines.map((l) => l.text), all, reportKeyOf(job.file, model));
  if (!job.review?.length) return { findings: all, fingerprints: prints };
  const r = applyReview(all, prints, decisionMap(job.review));
  return { findings: r.findings, fingerprints: r.kept.map((i) => prints[i]), accepted: r.accepted, excluded: r.excluded };
}
