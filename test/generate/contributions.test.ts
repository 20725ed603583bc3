import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { FORMATS, readConfig, renderReport, RULES } from "../../server/src/core";

/** The snippets, the config schema and the rules setting are generated from the core and must not be stale. */

const ROOT = join(import.meta.dirname, "..", "..");
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), "utf8"));

describe("generated contributions", () => {
  it("are up to date (npm run generate)", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "generate-contributions.ts"), "--check"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
  });

  it("the skeleton snippet expands to the template of `gov-report new`", () => {
    const snippets = readJson("snippets/gov-report.json");
    for (const format of FORMATS) {
      const body = (snippets[`年度报告模板（${format.name.zh}）`].body as string[]).join("\n");
      // Expanding the placeholders with their defaults undoes the snippet syntax.
      const year = String(format.firstYear);
      const expanded = body.replace("${1:××机关}", "××机关").replace(`\${2:${year}}`, year).replaceAll("$2", year).replace(/\\([\\$}])/g, "$1");
      assert.equal(expanded, renderReport({ year: format.firstYear, format: format.id }));
    }
  });

  it("the snippets are the whole-report skeletons only: tables and sections come from completion, in the report's format", () => {
    const names = Object.keys(readJson("snippets/gov-report.json"));
    assert.deepEqual(names, FORMATS.map((format) => `年度报告模板（${format.name.zh}）`));
  });

  it("every rule is a property of the govReport.rules setting and of the schema, described in both languages", () => {
    const pkg = readJson("package.json");
    const setting = pkg.contributes.configuration.properties["govReport.rules"].properties;
    const schema = readJson("schemas/govreportrc.schema.json");
    const en = readJson("package.nls.json");
    const zh = readJson("package.nls.zh-cn.json");
    for (const rule of RULES) {
      assert.ok(setting[rule.id], rule.id);
      assert.ok(schema.properties.rules.properties[rule.id], rule.id);
      // Chinese in every UI language, then the English.
      assert.ok(en[`govReport.rules.${rule.id}`]?.startsWith(rule.description.zh), rule.id);
      assert.ok(en[`govReport.rules.${rule.id}`]?.includes(rule.description.en), rule.id);
      assert.ok(zh[`govReport.rules.${rule.id}`]?.startsWith(rule.description.zh), rule.id);
    }
  });

  it("the schema accepts what readConfig accepts", () => {
    const schema = readJson("schemas/govreportrc.schema.json");
    const example = { $schema: "./schemas/govreportrc.schema.json", rules: { [RULES[0].id]: "off" }, locale: "en", previous: "../2024/report.txt", deadline: "01-20", aggregate: { of: ["乡镇/*.txt", "部门/*.txt"] } };
    assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(example).sort());
    assert.deepEqual(readConfig(example).problems, []);
  });

  it("every %key% of package.json is translated in both nls files", () => {
    const keys = [...readFileSync(join(ROOT, "package.json"), "utf8").matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    const en = readJson("package.nls.json");
    const zh = readJson("package.nls.zh-cn.json");
    for (const key of keys) {
      assert.ok(en[key], `package.nls.json lacks ${key}`);
      assert.ok(zh[key], `package.nls.zh-cn.json lacks ${key}`);
    }
  });
});
