/**
 * Generates the editor contributions from the core, so nothing is written
 * twice: the whole-report snippets of both formats from core/templates (the
 * sections and tables come from completion, which knows the report's format
 * and offers its own, once), the JSON schema of `.govreportrc.json`, and
 * the `govReport.rules` setting (one property per rule, its description in
 * package.nls.json / package.nls.zh-cn.json). `--check` exits 1 when a file is
 * stale; `npm run generate` rewrites them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { FORMATS, RULES, renderReport } from "../server/src/core";
import { RULE_SETTINGS } from "../server/src/core/config";
import type { FormatSpec } from "../server/src/core/formats";

const ROOT = join(import.meta.dirname, "..");
const SNIPPETS = "snippets/gov-report.json";
const SCHEMA = "schemas/govreportrc.schema.json";
const RULE_KEY = (id: string) => `govReport.rules.${id}`;

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** Snippet syntax treats $, } and \ specially; template text is taken literally. */
const escape = (text: string) => text.replace(/[\\$}]/g, (c) => `\\${c}`);

/** Placeholders the skeleton's organ and year become; the year is mirrored into the statistics period. */
const ORGAN = "\u0000organ\u0000";

function skeleton(format: FormatSpec): Snippet {
  const year = format.firstYear;
  const text = escape(renderReport({ year, organ: ORGAN, format: format.id }))
    .replace(ORGAN, "${1:××机关}")
    .replace(`${year}年`, `\${2:${year}}年`)
    .replaceAll(`${year}年`, "$2年");
  return {
    prefix: ["年度报告", `gov-report-${format.id}`],
    body: text.split("\n"),
    description: `完整年度报告模板（${format.name.zh}，${format.notice}）/ Whole report skeleton (${format.name.en})`,
  };
}

function snippets(): Record<string, Snippet> {
  return Object.fromEntries(FORMATS.map((format) => [`年度报告模板（${format.name.zh}）`, skeleton(format)]));
}

const SEVERITY_ZH = { error: "错误", warning: "警告", info: "信息", hint: "提示" };

const ruleEnglish = (id: string) => {
  const rule = RULES.find((r) => r.id === id)!;
  return `${rule.description.en} (default: ${rule.severity})`;
};
const ruleChinese = (id: string) => {
  const rule = RULES.find((r) => r.id === id)!;
  return `${rule.description.zh}（默认：${SEVERITY_ZH[rule.severity]}）`;
};

function schema(): unknown {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: ".govreportrc.json",
    description: "gov-report 配置（编辑器与命令行共用）/ gov-report configuration, shared by the editor and the CLI",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      rules: {
        description: "各规则的级别或 off / Severity of each rule, or off",
        type: "object",
        additionalProperties: false,
        properties: Object.fromEntries(RULES.map((r) => [r.id, { enum: RULE_SETTINGS, description: `${ruleChinese(r.id)} / ${ruleEnglish(r.id)}` }])),
      },
      locale: { description: "消息语言 / Language of the messages", enum: ["zh-cn", "en"] },
      previous: { description: "上一年度报告的路径（相对于本文件）/ Path of last year's report, relative to this file", type: "string" },
      deadline: {
        description:
          "报告公布期限（报告年度次年的月-日，如 01-31），代替按机关层级确定的法定期限 / Publication deadline (MM-DD of the year after the report year), instead of the statutory one by organ level",
        type: "string",
        pattern: "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
      },
      aggregate: {
        description:
          "本文件夹中的报告是汇总报告：其表三、表四应等于所列单位报告之和（文件模式相对于本文件，如 乡镇/*.txt）/ The reports in this folder are a region's: their tables 三 and 四 must equal the sum of the listed units' reports (patterns relative to this file, e.g. 乡镇/*.txt)",
        type: "object",
        additionalProperties: false,
        required: ["of"],
        properties: { of: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } } },
      },
    },
  };
}

/** The `govReport.rules` setting's properties; their descriptions are localized through package.nls*.json. */
function ruleSettingProperties(): Record<string, unknown> {
  return Object.fromEntries(RULES.map((r) => [r.id, { type: "string", enum: RULE_SETTINGS, markdownDescription: `%${RULE_KEY(r.id)}%` }]));
}

/**
 * The generated keys of a package.nls file; every other key in it is written
 * by hand. Chinese in every UI language, the English after it in an English one.
 */
function ruleStrings(locale: "en" | "zh-cn"): Record<string, string> {
  return Object.fromEntries(RULES.map((r) => [RULE_KEY(r.id), locale === "en" ? `${ruleChinese(r.id)} / ${ruleEnglish(r.id)}` : ruleChinese(r.id)]));
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

type Json = Record<string, any>;

/** package.json with the generated rule properties in place (the rest of the file as it is). */
function withRuleSettings(pkg: Json): Json {
  const rules = pkg.contributes.configuration.properties["govReport.rules"];
  rules.properties = ruleSettingProperties();
  return pkg;
}

function withRuleStrings(nls: Json, locale: "en" | "zh-cn"): Json {
  const handWritten = Object.fromEntries(Object.entries(nls).filter(([k]) => !k.startsWith("govReport.rules.")));
  return { ...handWritten, ...ruleStrings(locale) };
}

/**
 * Every generated file with its up-to-date content. The files others edit too
 * (package.json, the nls files) are compared as JSON, so their formatting is
 * never a reason to call them stale.
 */
const OUTPUTS: { path: string; generate: () => unknown; asJson: boolean }[] = [
  { path: SNIPPETS, generate: snippets, asJson: false },
  { path: SCHEMA, generate: schema, asJson: false },
  { path: "package.json", generate: () => withRuleSettings(JSON.parse(read("package.json"))), asJson: true },
  { path: "package.nls.json", generate: () => withRuleStrings(JSON.parse(read("package.nls.json")), "en"), asJson: true },
  { path: "package.nls.zh-cn.json", generate: () => withRuleStrings(JSON.parse(read("package.nls.zh-cn.json")), "zh-cn"), asJson: true },
];

function isStale(path: string, value: unknown, asJson: boolean): boolean {
  if (!existsSync(join(ROOT, path))) return true;
  return asJson ? !isDeepStrictEqual(JSON.parse(read(path)), value) : read(path) !== json(value);
}

const check = process.argv.includes("--check");
const stale = OUTPUTS.map((o) => ({ ...o, value: o.generate() })).filter((o) => isStale(o.path, o.value, o.asJson));
if (check && stale.length) {
  process.stderr.write(`stale generated files (run npm run generate): ${stale.map((o) => o.path).join(", ")}\n`);
  process.exit(1);
}
if (!check)
  for (const o of stale) {
    mkdirSync(dirname(join(ROOT, o.path)), { recursive: true });
    writeFileSync(join(ROOT, o.path), json(o.value));
  }
