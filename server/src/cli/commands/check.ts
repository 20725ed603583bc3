import { checkModel, parse, type Locale, type ReportModel } from "../../core";
import { localeOf, option, UsageError, type Args } from "../args";
import { ConfigLoader } from "../config";
import { FileProblem, readDraft } from "../files";
import { toJson, toSarif, toStylish, type FileResult } from "../output";
import { collect } from "../targets";
import { VERSION } from "../version";

export function check(args: Args): number {
  if (!args.paths.length) throw new UsageError("请指定要检查的文件或文件夹 / no files given");
  const format = (option(args, "--format")) ?? "stylish";
  if (!["stylish", "json", "sarif"].includes(format)) throw new UsageError(`未知输出格式 / unknown format: ${format}`);
  const loader = new ConfigLoader(option(args, "--config"));
  const problems: FileResult[] = [];
  const configProblems: string[] = [];
  const results: FileResult[] = [];
  let locale: Locale | undefined;
  for (const t of collect(args.paths, problems)) {
    const config = loader.forFile(t.file, (m) => configProblems.push(m));
    locale ??= localeOf(args, config);
    let model: ReportModel;
    try {
      model = parse(readDraft(t.file).text);
    } catch (e) {
      problems.push({ file: t.file, findings: [], problem: e instanceof FileProblem ? e.message : `无法读取 / cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    if (!t.explicit && !model.isReport) continue;
    results.push({ file: t.file, findings: checkModel(model, { config }) });
  }
  locale ??= localeOf(args);
  const all = [...results, ...problems];
  for (const m of configProblems) process.stderr.write(`gov-report: ${m}\n`);
  for (const p of problems) process.stderr.write(`gov-report: ${p.file}: ${p.problem}\n`);
  const out =
    format === "json" ? toJson(all, locale) : format === "sarif" ? toSarif(results, locale, VERSION) : toStylish(all, locale, process.stdout.isTTY === true);
  process.stdout.write(out + "\n");
  if (problems.length || configProblems.length) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

