import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { checkModel, fixAll, modelToJson, parse, readConfig, renderReport, type Config, type Locale, type ReportModel } from "../core";
import { decode, encode, FileProblem, readDraft, walk } from "./files";
import { toJson, toSarif, toStylish, type FileResult } from "./output";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "dev";

const USAGE = `gov-report ${VERSION} — 政府信息公开工作年度报告检查工具

用法 / usage:
  gov-report check [--format stylish|json|sarif] [--locale zh-cn|en] [--config FILE] PATH…
  gov-report fix [--config FILE] PATH…
  gov-report parse --json FILE
  gov-report new --year YYYY [--organ 名称] [--format 2019|2021]

check  检查文件或文件夹（文件夹中的 .txt/.md 年报草稿）。退出码：0 无错误，1 有错误，2 用法或读写错误。
fix    就地应用安全修复（只改写法，不改数字）。
parse  以 JSON 输出解析结果。
new    输出指定年份的完整报告模板（格式按年份选择）。`;

interface Args {
  command: string;
  paths: string[];
  options: Map<string, string | true>;
}

const VALUED = new Set(["--format", "--locale", "--config", "--year", "--organ", "--output", "-o"]);

function parseArgs(argv: string[]): Args {
  const [command = "", ...rest] = argv;
  const options = new Map<string, string | true>();
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--") {
      paths.push(...rest.slice(i + 1));
      break;
    }
    if (a.startsWith("-") && a !== "-") {
      const [k, v] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
      if (VALUED.has(k)) {
        const value = v ?? rest[++i];
        if (value === undefined) throw new UsageError(`${k} 需要一个值 / ${k} needs a value`);
        options.set(k, value);
      } else options.set(k, true);
    } else paths.push(a);
  }
  return { command, paths, options };
}

class UsageError extends Error {}

function localeOf(args: Args, config?: Config): Locale {
  const flag = args.options.get("--locale");
  if (flag === "en" || flag === "zh-cn") return flag;
  if (flag !== undefined) throw new UsageError("--locale 应为 zh-cn 或 en / --locale must be zh-cn or en");
  if (config?.locale) return config.locale;
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  return /^en/i.test(env) ? "en" : "zh-cn";
}

/** `.govreportrc.json` from --config, else the nearest one above the file (cached per folder). */
class ConfigLoader {
  private cache = new Map<string, { config?: Config; path?: string }>();
  constructor(private explicit?: string) {}

  load(path: string): { config: Config; problems: string[]; path: string } {
    const { config, problems } = readConfig(JSON.parse(readFileSync(path, "utf8")));
    return { config, path, problems: problems.map((p) => `${path}: ${p.path || "(root)"}: ${p.message}`) };
  }

  forFile(file: string, onProblem: (msg: string) => void): Config | undefined {
    if (this.explicit) return this.cached(resolve(this.explicit), onProblem);
    let dir = dirname(resolve(file));
    for (;;) {
      const candidate = join(dir, ".govreportrc.json");
      if (this.cache.has(candidate) || existsSync(candidate)) return this.cached(candidate, onProblem);
      const up = dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  }

  private cached(path: string, onProblem: (msg: string) => void): Config | undefined {
    const hit = this.cache.get(path);
    if (hit) return hit.config;
    try {
      const { config, problems } = this.load(path);
      problems.forEach(onProblem);
      this.cache.set(path, { config, path });
      return config;
    } catch (e) {
      onProblem(`${path}: 配置文件无法读取 / cannot read config: ${(e as Error).message}`);
      this.cache.set(path, {});
      return undefined;
    }
  }
}

interface Target {
  file: string;
  /** Given explicitly (checked even when it is not a report) or found in a folder. */
  explicit: boolean;
}

function collect(paths: string[], problems: FileResult[]): Target[] {
  const targets: Target[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      problems.push({ file: p, findings: [], problem: `无法访问 / cannot access: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    if (st.isDirectory()) {
      for (const f of walk(p, (file, message) => problems.push({ file, findings: [], problem: message }))) targets.push({ file: f, explicit: false });
    } else targets.push({ file: p, explicit: true });
  }
  return targets;
}

function check(args: Args): number {
  if (!args.paths.length) throw new UsageError("请指定要检查的文件或文件夹 / no files given");
  const format = (args.options.get("--format") as string | undefined) ?? "stylish";
  if (!["stylish", "json", "sarif"].includes(format)) throw new UsageError(`未知输出格式 / unknown format: ${format}`);
  const loader = new ConfigLoader(args.options.get("--config") as string | undefined);
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

/** Writes through a temporary file and an atomic rename, keeping the file's permissions. */
function writeAtomically(path: string, data: Buffer): void {
  const tmp = join(dirname(path), `.${basename(path)}.gov-report-${process.pid}.tmp`);
  const mode = statSync(path).mode & 0o7777;
  const fd = openSync(tmp, "w", mode);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}

function fix(args: Args): number {
  if (!args.paths.length) throw new UsageError("请指定要修复的文件或文件夹 / no files given");
  const loader = new ConfigLoader(args.options.get("--config") as string | undefined);
  const problems: FileResult[] = [];
  let status = 0;
  for (const t of collect(args.paths, problems)) {
    try {
      const decoded = decode(readFileSync(t.file));
      const model = parse(decoded.text);
      if (!model.isReport) {
        if (t.explicit) process.stderr.write(`gov-report: ${t.file}: 未识别为年度报告，未修改 / not a report, left unchanged\n`);
        continue;
      }
      const config = loader.forFile(t.file, (m) => process.stderr.write(`gov-report: ${m}\n`));
      const { text, fixed } = fixAll(decoded.text, { config });
      if (text === decoded.text) continue;
      writeAtomically(t.file, encode(text, decoded.encoding));
      process.stdout.write(`${t.file}: 已修复 ${fixed} 处 / ${fixed} fixes applied\n`);
    } catch (e) {
      process.stderr.write(`gov-report: ${t.file}: ${(e as Error).message}\n`);
      status = 2;
    }
  }
  for (const p of problems) process.stderr.write(`gov-report: ${p.file}: ${p.problem}\n`);
  return problems.length ? 2 : status;
}

function parseCommand(args: Args): number {
  if (args.paths.length !== 1) throw new UsageError("parse 需要一个文件 / parse takes one file");
  const model = parse(readDraft(args.paths[0]).text);
  process.stdout.write(JSON.stringify(modelToJson(model), null, 2) + "\n");
  return 0;
}

function newCommand(args: Args): number {
  const year = Number(args.options.get("--year"));
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw new UsageError("--year 应为四位年份 / --year must be a year such as 2025");
  const format = args.options.get("--format");
  if (format !== undefined && format !== "2019" && format !== "2021") throw new UsageError("--format 应为 2019 或 2021 / --format must be 2019 or 2021");
  const organ = args.options.get("--organ");
  process.stdout.write(renderReport({ year, organ: typeof organ === "string" ? organ : undefined, format: format as "2019" | "2021" | undefined }));
  return 0;
}

export function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    if (args.options.has("--version")) {
      process.stdout.write(VERSION + "\n");
      return 0;
    }
    switch (args.command) {
      case "check":
        return check(args);
      case "fix":
        return fix(args);
      case "parse":
        return parseCommand(args);
      case "new":
        return newCommand(args);
      case "":
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(USAGE + "\n");
        return args.command === "" ? 2 : 0;
      default:
        throw new UsageError(`未知命令 / unknown command: ${args.command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`gov-report: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`gov-report: ${(e as Error).message}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
