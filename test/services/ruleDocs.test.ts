import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ruleById, ruleDocumentation, RULES } from "../../server/src/core";

describe("rule documentation", () => {
  it("every rule's page names it, describes it in the locale, shows how to silence it and links the online page", () => {
    for (const rule of RULES) {
      const zh = ruleDocumentation(rule, "zh-cn");
      assert.ok(zh.startsWith(`# ${rule.id}\n`));
      assert.ok(zh.includes(rule.description.zh) && zh.includes(rule.example.zh));
      assert.ok(zh.includes(`<!-- gov-report-disable-next-line ${rule.id} -->`));
      assert.ok(zh.includes(`docs/rules/${rule.id}.md`));
      assert.ok(ruleDocumentation(rule, "en").includes(rule.description.en));
    }
  });

  it("says whether the fix is applied by fix-all", () => {
    assert.match(ruleDocumentation(ruleById("table-cell-format")!, "zh-cn"), /可安全自动修复/);
    assert.match(ruleDocumentation(ruleById("balance-mismatch")!, "en"), /it may change a figure/);
  });
});
