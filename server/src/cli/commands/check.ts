import { writeFileSync } from "node:fs";
import { checkModel, parse, type Config, type Finding, type Locale, type ReportIdentity, type ReportModel } from "../../core";
import { localeOf, option, UsageError, type Args } from "../args";
import { ConfigLoader } from "../config";
import type { WordDraft } from "../../docx";
import { isWordFile, readDraft, readWordDraft } from "../files";
import { toHtml } from "../html";
import { toJson, toSarif, toStylish, type FileResult } from "../output";
import { checkFiles, PARALLEL_MIN_FILES, readProblem, threadCount, type Job } from "../parallel";
import { previousReports, type LoadedReport } from "../previous";
import { toSummary, type CheckedReport } from "../summary";
import { collect, type Target } from "../targets";
import { VERSION } from "../version";

export async function check(args: Args): Promise<number> {
  if (!args.paths.length) throw new UsageError("请指定要检查的文件或文件夹 / no files given");
  const format = (option(args, "--format")) ?? "stylish";
  if (!["stylish", "json", "sarif", "html"].includes(format)) throw new UsageError(`未知输出格式 / unknown format: ${format}`);
  const summary = args.options.has("--summary");
  if (summary && format !== "stylish") throw new UsageError("--summary 不能与 --format 同用 / --summary replaces --format");
  const loader = new ConfigLoader(option(args, "--config"));
  const problems: FileResult[] = [];
  const configProblems: string[] = [];
  /** For each .docx, the Word location of each position of its converted text. */
  const wordLocations = new Map<string, WordDraft["locate"]>();
  let locale: Locale | undefined;
  const targets = collect(args.paths, problems);
  const threads = threadCount();
  // Only reports and findings are printed: the summary and the review page need the models, Word files their locations.
  const parallel =
    threads > 1 && targets.length >= PARALLEL_MIN_FILES && !summary && format !== "html" && !targets.some((t) => isWordFile(t.file));
  let checked: CheckedReport[] = [];
  let results: FileResult[];
  if (parallel) {
    const jobs = targets.map((t) => {
      const config = loader.forFile(t.file, (m) => configProblems.push(m));
      locale ??= localeOf(args, config);
      return { file: t.file, config };
    });
    results = await checkInParallel(jobs, targets, threads, args, problems);
  } else if (!summary && format !== "html") {
    results = await checkLean(targets, loader, args, problems, configProblems, wordLocations, (config) => (locale ??= localeOf(args, config)));
  } else {
    const loaded: LoadedReport[] = [];
    for (const t of targets) {
      const config = loader.forFile(t.file, (m) => configProblems.push(m));
      locale ??= localeOf(args, config);
      let model: ReportModel;
      try {
        const word = isWordFile(t.file) ? await readWordDraft(t.file) : undefined;
        if (word) wordLocations.set(t.file, word.locate);
        model = parse(word ? word.text : readDraft(t.file).text);
      } catch (e) {
        problems.push({ file: t.file, findings: [], problem: readProblem(e) });
        continue;
      }
      if (!t.explicit && !model.isReport) continue;
      loaded.push({ file: t.file, model, config });
    }
    const previous = await previousReports(loaded, option(args, "--previous"), onPreviousProblem(problems), onNote);
    checked = loaded.map((r, i) => ({ ...r, previous: previous[i], findings: checkModel(r.model, { config: r.config, previous: previous[i]?.model }) }));
    results = checked.map((r) => ({ file: r.file, findings: r.findings, word: wordLocations.get(r.file) }));
  }
  locale ??= localeOf(args);
  const all = [...results, ...problems];
  for (const m of configProblems) process.stderr.write(`gov-report: ${m}\n`);
  for (const p of problems) process.stderr.write(`gov-report: ${p.file}: ${p.problem}\n`);
  const lang = locale;
  const renderers: Record<string, () => string> = {
    summary: () => toSummary(checked, lang),
    json: () => toJson(all, lang),
    sarif: () => toSarif(results, lang, VERSION),
    html: () => toHtml(checked, problems, lang),
    stylish: () => toStylish(all, lang, process.stdout.isTTY === true),
  };
  const out = renderers[summary ? "summary" : format]();
  const output = option(args, "--output") ?? option(args, "-o");
  if (output) writeFileSync(output, out + "\n");
  else process.stdout.write(out + "\n");
  if (problems.length || configProblems.length) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

/** A report read for the lean path: its text is kept to be parsed again, its model is not. */
interface LeanReport extends LoadedReport<ReportIdentity> {
  text: string;
  /** Without last year's report; undefined when one is named for it (checked with it afterwards). */
  findings?: Finding[];
}

/**
 * The serial check when only findings are printed (no summary, no review
 * page): each report is parsed and checked as it is read and its model let
 * go, so the heap does not grow with the number of files (every model kept
 * alive made each young-generation collection copy it: a third of the run
 * went to the garbage collector on 1,000 files). Reports that turn out to
 * have last year's report are parsed again from their kept text and checked
 * with it: the findings are those of the full path.
 */
async function checkLean(
  targets: Target[],
  loader: ConfigLoader,
  args: Args,
  problems: FileResult[],
  configProblems: string[],
  wordLocations: Map<string, WordDraft["locate"]>,
  onConfig: (config: Config | undefined) => void,
): Promise<FileResult[]> {
  const explicit = option(args, "--previous");
  const loaded: LeanReport[] = [];
  for (const t of targets) {
    const config = loader.forFile(t.file, (m) => configProblems.push(m));
    onConfig(config);
    let text: string;
    let model: ReportModel;
    try {
      const word = isWordFile(t.file) ? await readWordDraft(t.file) : undefined;
      if (word) wordLocations.set(t.file, word.locate);
      text = word ? word.text : readDraft(t.file).text;
      model = parse(text);
    } catch (e) {
      problems.push({ file: t.file, findings: [], problem: readProblem(e) });
      continue;
    }
    if (!t.explicit && !model.isReport) continue;
    const named = explicit ?? config?.previous;
    loaded.push({
      file: t.file,
      model: { organ: model.organ, year: model.year },
      config,
      text,
      findings: named === undefined ? checkModel(model, { config }) : undefined,
    });
  }
  const previous = await previousReports(loaded, explicit, onPreviousProblem(problems), onNote);
  const textOf = new Map(loaded.map((r) => [r.model, r.text]));
  return loaded.map((r, i) => {
    const p = previous[i];
    const findings =
      p === undefined
        ? r.findings ?? checkModel(parse(r.text), { config: r.config })
        : checkModel(parse(r.text), { config: r.config, previous: "lines" in p.model ? p.model : parse(textOf.get(p.model)!) });
    return { file: r.file, findings, word: wordLocations.get(r.file) };
  });
}

const onPreviousProblem = (problems: FileResult[]) => (file: string, problem: string) => problems.push({ file, findings: [], problem });
const onNote = (note: string) => process.stderr.write(`gov-report: ${note}\n`);

/**
 * The files checked by every core (parallel.ts), with the serial path's
 * results in the same order: files that are not reports dropped unless named,
 * and each report that has last year's report checked again with it here.
 */
async function checkInParallel(jobs: Job[], targets: Target[], threads: number, args: Args, problems: FileResult[]): Promise<FileResult[]> {
  const done = await checkFiles(jobs, threads, __filename);
  const loaded: (LoadedReport<ReportIdentity> & { findings: Finding[] })[] = [];
  done.forEach((r, i) => {
    if (r.problem !== undefined) problems.push({ file: r.file, findings: [], problem: r.problem });
    else if (targets[i].explicit || r.isReport) loaded.push({ file: r.file, model: r.identity, config: jobs[i].config, findings: r.findings });
  });
  const previous = await previousReports(loaded, option(args, "--previous"), onPreviousProblem(problems), onNote);
  return loaded.map((r, i) => {
    const p = previous[i];
    if (!p) return { file: r.file, findings: r.findings };
    const model = parse(readDraft(r.file).text);
    const last = "lines" in p.model ? p.model : parse(readDraft(p.file).text);
    return { file: r.file, findings: checkModel(model, { config: r.config, previous: last }) };
  });
}

