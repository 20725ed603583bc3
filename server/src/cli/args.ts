import type { Config, Locale } from "../core";

/** Command-line arguments: a command, paths, and options (valued ones listed in VALUED). */
export interface Args {
  command: string;
  paths: string[];
  options: Map<string, string | true>;
}

export class UsageError extends Error {}

const VALUED = new Set(["--format", "--locale", "--config", "--year", "--organ", "--output", "-o", "--previous", "--aggregate"]);

export function parseArgs(argv: string[]): Args {
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

export function option(args: Args, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === "string" ? v : undefined;
}

export function localeOf(args: Args, config?: Config): Locale {
  const flag = args.options.get("--locale");
  if (flag === "en" || flag === "zh-cn") return flag;
  if (flag !== undefined) throw new UsageError("--locale 应为 zh-cn 或 en / --locale must be zh-cn or en");
  if (config?.locale) return config.locale;
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  return /^en/i.test(env) ? "en" : "zh-cn";
}

