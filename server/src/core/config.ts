import { RULES } from "./rules";
import type { Locale, Severity } from "./types";

/**
 * The settings shared by the editor and the CLI (`.govreportrc.json`):
 * per-rule severity or "off", the locale, last year's report.
 */
export type RuleSetting = Severity | "off";

export interface Config {
  rules: Record<string, RuleSetting>;
  locale?: Locale;
  /** Path of last year's report, relative to the config file. */
  previous?: string;
  /** The publication deadline ("MM-DD" of the year after the report year), where a local rule is stricter than the Regulations. */
  deadline?: string;
  /** A region's report: the reports of the units it covers (file patterns relative to the config file), whose tables it must sum. */
  aggregate?: { of: string[] };
}

export interface ConfigProblem {
  path: string;
  message: string;
}

/** The values a rule can be set to, in the settings and in `.govreportrc.json`. */
export const RULE_SETTINGS: RuleSetting[] = ["error", "warning", "info", "hint", "off"];

/** Validates plain JSON against the config's shape; every unknown key or wrong type is reported. */
export function readConfig(json: unknown): { config: Config; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: Config = { rules: {} };
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { config, problems: [{ path: "", message: "配置必须是 JSON 对象 / the config must be a JSON object" }] };
  }
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key === "$schema") continue;
    if (key === "rules") {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        problems.push({ path: "rules", message: "rules 必须是对象 / rules must be an object" });
        continue;
      }
      for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
        if (!RULES.some((r) => r.id === id)) problems.push({ path: `rules.${id}`, message: `未知规则 / unknown rule “${id}”` });
        else if (!RULE_SETTINGS.includes(setting as RuleSetting))
          problems.push({ path: `rules.${id}`, message: `应为 ${RULE_SETTINGS.join("|")} / must be one of ${RULE_SETTINGS.join(", ")}` });
        else config.rules[id] = setting as RuleSetting;
      }
    } else if (key === "locale") {
      if (value === "zh-cn" || value === "en") config.locale = value;
      else problems.push({ path: "locale", message: "应为 zh-cn 或 en / must be zh-cn or en" });
    } else if (key === "previous") {
      if (typeof value === "string") config.previous = value;
      else problems.push({ path: "previous", message: "应为文件路径字符串 / must be a file path" });
    } else if (key === "deadline") {
      if (typeof value === "string" && isMonthDay(value)) config.deadline = value;
      else problems.push({ path: "deadline", message: "应为 MM-DD 格式的日期，如 01-31 / must be a date as MM-DD, e.g. 01-31" });
    } else if (key === "aggregate") {
      const of = (value as { of?: unknown } | null)?.of;
      if (Array.isArray(of) && of.length && of.every((p) => typeof p === "string" && p.trim())) config.aggregate = { of: of as string[] };
      else problems.push({ path: "aggregate", message: "应为 { \"of\": [文件模式…] }，如 { \"of\": [\"乡镇/*.txt\"] } / must be { \"of\": [patterns…] }, e.g. { \"of\": [\"乡镇/*.txt\"] }" });
    } else problems.push({ path: key, message: `未知配置项 / unknown key “${key}”` });
  }
  return { config, problems };
}

/** A month and day as "MM-DD" that some year has (02-29 included). */
function isMonthDay(value: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}
