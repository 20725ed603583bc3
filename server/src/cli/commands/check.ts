import { dirname, resolve } from "node:path";
import { parse, type Config, type Locale, type ReportIdentity } from "../../core";
import { localeOf, option, UsageError, type Args } from "../args";
import { sameFile, writeOutput } from "../atomic";
import { ConfigLoader } from "../../node/config";
import type { CheckedReport, Wanted } from "../digest";
import { readReportText, shownPath } from "../../node/files";
import { expandPattern } from "../../node/patterns";
import { ReviewLoader } from "../../node/review";
import { htmlPage } from "../html";
import { writeOpinions } from "../opinion";
import { toXlsx } from "../xlsx";
import { checkFile, type Job, type JobResult } from "../job";
import { toJson, toSarif, toStylish, type FileResult } from "../output";
import { checkFiles, PARALLEL_MIN_FILES, threadCount } from "../parallel";
import { previousReports, type LoadedReport, type PreviousReport } from "../previous";
import { toSummary } from "../summary";
import { collect, type Target } from "../targets";
import { VERSION } from "../version";

const FORMATS = ["stylish", "json", "sarif", "html", "xlsx", "docx"];

export async function check(args: Args): Promise<number> {
  if (!args.paths.length) throw new UsageError("请指定要检查的文件或文件夹 / no files given");
  const format = (option(args, "--format")) ?? "stylish";
  if (!FORMATS.includes(format)) throw new UsageError(`未知输出格式 / unknown format: ${format}`);
  const summary = args.options.has("--summary");
  if (summary && format !== "stylish") throw new UsageError("--summary 不能与 --format 同用 / --summary replaces --format");
  const output = summary ? "summary" : format;
  const file = option(args, "--output") ?? option(args, "-o");
  if (file && args.paths.some((p) => sameFile(file, p))) throw new UsageError(`输出文件不能是所查的文件 / the output must not be a file being checked: ${file}`);
  if ((format === "xlsx" || format === "docx") && !file) throw new UsageError(`--format ${format} 需要 -o 指定输出文件 / --format ${format} needs -o`);
  const { results, problems, configProblems, locale, reviews } = await checkPaths(args, output, { applyReview: true });
  const all = [...results, ...problems];
  // The review page comes in pieces, written as they are made.
  const renderers: Record<string, () => Iterable<string>> = {
    summary: () => [toSummary(results, locale)],
    json: () => [toJson(all, locale, !file && process.stdout.isTTY === true)],
    sarif: () => [toSarif(results, locale, VERSION)],
    html: () => htmlPage(results, problems, locale, reviews.decisions()),
    stylish: () => [toStylish(all, locale, process.stdout.isTTY === true)],
  };
  if (format === "xlsx") writeOutput(file!, await toXlsx(results, locale));
  else if (format === "docx") await writeOpinions(results, file!, args.paths, locale);
  else {
    const chunks = utf8(renderers[output](), ["\n"]);
    if (file) writeOutput(file, chunks);
    else for (const chunk of chunks) process.stdout.write(chunk);
  }
  if (problems.length || configProblems.length) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

/** The output's pieces as UTF-8, one at a time. */
function* utf8(...parts: Iterable<string>[]): Generator<Buffer> {
  for (const part of parts) for (const piece of part) yield Buffer.from(piece, "utf8");
}

/** The reports of the paths checked, the files that could not be, problems with configuration and review files (told on stderr), and the output's language. */
export interface CheckRun {
  results: CheckedReport[];
  problems: FileResult[];
  configProblems: string[];
  locale: Locale;
  reviews: ReviewLoader;
}

/**
 * Checks the paths. With applyReview, the findings a review file dismissed
 * are left out; without, every finding is kept with its fingerprint
 * (`review` compares them with the decisions).
 */
export async function checkPaths(args: Args, output: string, options: { applyReview: boolean }): Promise<CheckRun> {
  const problems: FileResult[] = [];
  const configProblems: string[] = [];
  const targets = collect(args.paths, problems);
  const reviews = new ReviewLoader();
  const { jobs, locale } = jobsFor(targets, args, configProblems, output, reviews);
  if (!options.applyReview) for (const job of jobs) (job.review = undefined), (job.wanted = { ...job.wanted, fingerprints: true });
  const threads = threadCount();
  const done = await checkFiles(jobs, threads > 1 && jobs.length >= PARALLEL_MIN_FILES ? threads : 1, __filename);
  const results = await withLastYear(done, jobs, option(args, "--previous"), problems);
  for (const m of configProblems) process.stderr.write(`gov-report: ${m}\n`);
  for (const p of problems) process.stderr.write(`gov-report: ${shownPath(p.file)}: ${p.problem}\n`);
  return { results, problems, configProblems, locale, reviews };
}

/**
 * One job per file with the configuration and the review decisions that apply to it and what the
 * output (summary, html, or findings only) needs of it, and the output's
 * language: --locale, else the first file's configuration.
 */
function jobsFor(targets: Target[], args: Args, configProblems: string[], output: string, reviews: ReviewLoader): { jobs: Job[]; locale: Locale } {
  const loader = new ConfigLoader(option(args, "--config"));
  const explicit = option(args, "--previous");
  let locale: Locale | undefined;
  const configs = targets.map((t) => {
    const config = loader.forFile(t.file, (m) => configProblems.push(m));
    locale ??= localeOf(args, config);
    return config;
  });
  locale ??= localeOf(args);
  const sent = output === "xlsx" || output === "docx";
  const wanted: Wanted = {
    facts: sent || output === "summary" || output === "html",
    tables: output === "stylish" || output === "html",
    review: output === "html" ? locale : undefined,
    fingerprints: output === "html" || output === "json",
    quotes: sent,
    fixable: output === "json",
  };
  const jobs = targets.map((t, i) => ({
    file: t.file,
    config: configs[i],
    explicit: t.explicit,
    deferred: (explicit ?? configs[i]?.previous) !== undefined,
    wanted,
    review: reviews.forFile(t.file, (m) => configProblems.push(m)),
    aggregate: regionUnits(t, configs[i], loader, args),
  }));
  return { jobs, locale };
}

/**
 * For a region's report, the patterns of its units' reports: --aggregate
 * (comma-separated, relative to the report's folder), else the `aggregate`
 * of the configuration in the report's own folder.
 */
function regionUnits(t: Target, config: Config | undefined, loader: ConfigLoader, args: Args): string[] | undefined {
  const flag = option(args, "--aggregate");
  if (flag === undefined) return loader.isRegionReport(t.file, config) ? config!.aggregate!.of : undefined;
  const dir = dirname(resolve(t.file));
  const patterns = flag.split(",").filter((p) => p.trim()).map((p) => resolve(dir, p.trim()));
  return t.explicit || isFolderRegion(t, dir, patterns) ? patterns : undefined;
}

/**
 * With --aggregate and a folder, the region's reports are those directly in
 * the folder, as with a configuration's `aggregate`; a file the patterns name
 * is a unit, not a region (its sum over the other units would be no total).
 */
function isFolderRegion(t: Target, dir: string, patterns: string[]): boolean {
  return t.folder !== undefined && resolve(t.folder) === dir && !patterns.some((p) => expandPattern(p).includes(resolve(t.file)));
}

type LoadedJob = LoadedReport<ReportIdentity> & { job: Job; checked?: CheckedReport };

/**
 * The reports in the files' order, files that are not reports left out; each
 * report that has last year's report (among the files, or named) is checked
 * again with it here, on the main thread, from its file.
 */
async function withLastYear(done: JobResult[], jobs: Job[], explicit: string | undefined, problems: FileResult[]): Promise<CheckedReport[]> {
  const loaded: LoadedJob[] = [];
  done.forEach((r, i) => {
    if (r.kind === "problem") problems.push({ file: r.file, findings: [], problem: r.problem });
    else if (r.kind === "report") loaded.push({ file: r.file, model: r.identity, config: jobs[i].config, job: jobs[i], checked: r.checked });
  });
  const previous = await previousReports(loaded, explicit, onPreviousProblem(problems), onNote);
  const results: CheckedReport[] = [];
  for (const [i, r] of loaded.entries()) {
    const p = previous[i];
    const checked = p || !r.checked ? await checkAgain(r.job, p, problems) : r.checked;
    if (checked) results.push(p ? { ...checked, previous: p.file } : checked);
  }
  return results;
}

/** Checks a report with last year's report (a model when named, else parsed from its file), or alone when that could not be read. */
async function checkAgain(job: Job, p: PreviousReport<ReportIdentity> | undefined, problems: FileResult[]): Promise<CheckedReport | undefined> {
  const last = p && ("lines" in p.model ? p.model : parse(await readReportText(p.file)));
  const r = await checkFile({ ...job, deferred: false }, last);
  if (r.kind === "problem") problems.push({ file: r.file, findings: [], problem: r.problem });
  return r.kind === "report" ? r.checked : undefined;
}

const onPreviousProblem = (problems: FileResult[]) => (file: string, problem: string) => problems.push({ file, findings: [], problem });
const onNote = (note: string) => process.stderr.write(`gov-report: ${note}\n`);
