import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { decisionMap, parseReviewFile, reviewReportKey, type ReportReview, type ReviewDecision } from "../core";
import { FileProblem, readRegularFile, shownPath } from "./files";

/** The review file beside the reports: a reviewer's decisions on findings (core/review.ts). */
export const REVIEW_FILE = ".govreport-review.json";

/** Decisions are a few hundred bytes each; a larger file is not a review file. */
const MAX_REVIEW_BYTES = 16 * 1024 * 1024;

export const reviewPathFor = (report: string) => join(dirname(resolve(report)), REVIEW_FILE);

/** The key a report's fingerprints are made with: its organ and year, else its file's name. */
export const reportKeyOf = (file: string, model: { organ?: string; year?: { value: number } }) =>
  reviewReportKey({ organ: model.organ, year: model.year?.value }, basename(file));

/** Reads a review file; a missing one has no decisions. Problems are told with the file's name. */
export function readReviewFile(path: string, onProblem: (msg: string) => void): ReviewDecision[] {
  if (!existsSync(path)) return [];
  try {
    const data = readRegularFile(path, MAX_REVIEW_BYTES).data;
    const body = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
    const { decisions, problems } = parseReviewFile(body.toString("utf8"));
    for (const p of problems) onProblem(`${shownPath(path)}: ${p}`);
    return decisions;
  } catch (e) {
    onProblem(`${shownPath(path)}: 审核记录无法读取 / cannot read the review file: ${e instanceof FileProblem ? e.message : ((e as NodeJS.ErrnoException).code ?? "error")}`);
    return [];
  }
}

/** The decisions that apply to each report: its folder's review file, read once per folder. */
export class ReviewLoader {
  private readonly cache = new Map<string, ReviewDecision[]>();

  forFile(file: string, onProblem: (msg: string) => void): ReviewDecision[] {
    const path = reviewPathFor(file);
    let decisions = this.cache.get(path);
    if (!decisions) this.cache.set(path, (decisions = readReviewFile(path, onProblem)));
    return decisions;
  }

  /** A report's review as the core applies it (core/review.ts), or none when its folder has no decisions. */
  reviewOf(file: string, onProblem: (msg: string) => void): ReportReview | undefined {
    const decisions = this.forFile(file, onProblem);
    return decisions.length ? { decisions: decisionMap(decisions), fileName: basename(file) } : undefined;
  }

  /** Every decision read, of every folder. */
  decisions(): ReviewDecision[] {
    return [...this.cache.values()].flat();
  }
}
