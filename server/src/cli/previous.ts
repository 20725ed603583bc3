import { resolve } from "node:path";
import { findPredecessors, isPredecessor, parse, type Config, type ReportIdentity, type ReportModel } from "../core";
import { UsageError } from "./args";
import { readReportText } from "../node/files";

/**
 * Last year's report for each checked report: the file named by --previous
 * (one report checked), else by `previous` in its .govreportrc.json, else the
 * report of the same organ and the year before among the files checked. A
 * named file may be a text draft or a Word report.
 */

/** A report to check; `model` is the parsed report (export), or only its organ and year (check: the model stays in the thread that checked it). */
export interface LoadedReport<M extends ReportIdentity = ReportModel> {
  file: string;
  model: M;
  config?: Config;
}

export interface PreviousReport<M extends ReportIdentity = ReportModel> {
  file: string;
  /** A file named by --previous or the config is parsed here; one among the checked files is their model. */
  model: M | ReportModel;
}

/** Named files are parsed once each; an unreadable one is reported through onProblem. */
class PreviousFiles {
  private cache = new Map<string, ReportModel | undefined>();
  constructor(private onProblem: (file: string, message: string) => void) {}

  async load(file: string): Promise<{ file: string; model: ReportModel } | undefined> {
    const path = resolve(file);
    if (!this.cache.has(path)) {
      try {
        this.cache.set(path, parse(await readReportText(path)));
      } catch (e) {
        this.onProblem(file, `上一年度报告无法读取 / cannot read last year's report: ${(e as Error).message}`);
        this.cache.set(path, undefined);
      }
    }
    const model = this.cache.get(path);
    return model && { file, model };
  }
}

export async function previousReports<M extends ReportIdentity>(
  reports: LoadedReport<M>[],
  explicit: string | undefined,
  onProblem: (file: string, message: string) => void,
  onNote: (message: string) => void,
): Promise<(PreviousReport<M> | undefined)[]> {
  if (explicit !== undefined && reports.length !== 1)
    throw new UsageError("--previous 只能在检查单个报告时使用 / --previous applies when checking a single report");
  const files = new PreviousFiles(onProblem);
  const found = findPredecessors(reports.map((r) => r.model));
  const out: (PreviousReport<M> | undefined)[] = [];
  for (const [i, r] of reports.entries()) out.push(await previousOf(r, i));
  return out;

  async function previousOf(r: LoadedReport<M>, i: number): Promise<PreviousReport<M> | undefined> {
    const named = explicit ?? r.config?.previous;
    if (named === undefined) {
      const j = found[i];
      return j === undefined ? undefined : { file: reports[j].file, model: reports[j].model };
    }
    const previous = await files.load(named);
    // A file named by the user is used as named; a mismatch is worth a note, not a refusal.
    if (previous && !isPredecessor(previous.model, r.model))
      onNote(`${r.file}: ${named} 不像是同一机关上一年度的报告 / does not look like the same organ's report of the year before`);
    return previous;
  }
}
