import { writeFileSync } from "node:fs";
import { checkModel, parse, type Locale, type ReportModel } from "../../core";
import { localeOf, option, UsageError, type Args } from "../args";
import { ConfigLoader } from "../config";
import type { WordDraft } from "../../docx";
import { FileProblem, isWordFile, readDraft, readWordDraft } from "../files";
import { toHtml } from "../html";
import { toJson, toSarif, toStylish, type FileResult } from "../output";
import { previousReports, type LoadedReport } from "../previous";
import { toSummary, type CheckedReport } from "../summary";
import { collect } from "../targets";
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
  const loaded: LoadedReport[] = [];
  /** For each .docx, the Word location of each position of its converted text. */
  const wordLocations = new Map<string, WordDraft["locate"]>();
  let locale: Locale | undefined;
  for (const t of collect(args.paths, problems)) {
    const config = loader.forFile(t.file, (m) => configProblems.push(m));
    locale ??= localeOf(args, config);
    let model: ReportModel;
    try {
      const word = isWordFile(t.file) ? await readWordDraft(t.file) : undefined;
      if (word) wordLocations.set(t.file, word.locate);
      model = parse(word ? word.text : readDraft(t.file).text);
    } catch (e) {
      problems.push({ file: t.file, findings: [], problem: e instanceof FileProblem ? e.message : `无法读取 / cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    if (!t.explicit && !model.isReport) continue;
    loaded.push({ file: t.file, model, config });
  }
  const previous = previousReports(
    loaded,
    option(args, "--previous"),
    (file, problem) => problems.push({ file, findings: [], problem }),
    (note) => process.stderr.write(`gov-report: ${note}\n`),
  );
  const checked: CheckedReport[] = loaded.map((r, i) => ({ ...r, previous: previous[i], findings: checkModel(r.model, { config: r.config, previous: previous[i]?.model }) }));
  const results: FileResult[] = checked.map((r) => ({ file: r.file, findings: r.findings, word: wordLocations.get(r.file) }));
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

