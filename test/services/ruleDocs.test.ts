import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ruleById, ruleDocumentation, RULES } from "../../server/src/core";

describe("rule documentation", () => {
  it("every rule's page is titled by its description and names it in the locale, says what the format requires, a wrong and a right example, how to silence it", () => {
    for (const rule of RULES) {
      const zh = ruleDocumentation(rule, "zh-cn");
      assert.ok(zh.startsWith(`# ${rule.description.zh}\n\n规则 \`${rule.id}\`\n`), rule.id);
      assert.ok(zh.includes(`## 格式要求\n\n${rule.basis.zh}`), rule.id);
      assert.ok(zh.includes(`- 错误：${rule.example.zh}\n- 正确：${rule.correct.zh}`), rule.id);
      assert.ok(zh.includes(`<!-- gov-report-disable-next-line ${rule.id} -->`));
      const en = ruleDocumentation(rule, "en");
      assert.ok(en.includes(rule.description.en) && en.includes(rule.basis.en) && en.includes(`- Wrong: ${rule.example.en}\n- Right: ${rule.correct.en}`), rule.id);
    }
  });

  it("needs no network: the page links no web site", () => {
    for (const rule of RULES) assert.doesNotMatch(ruleDocumentation(rule, "zh-cn") + ruleDocumentation(rule, "en"), /https?:\/\//, rule.id);
  });

  it("each rule's basis cites the official format, the 条例 or a standard, and its right example differs from the wrong one", () => {
    for (const rule of RULES) {
      assert.match(rule.basis.zh, /国办公开办函〔20(21|19)〕(30|60)号|《条例》|政府信息公开条例|GB\/T \d+|立法法/, rule.id);
      assert.notEqual(rule.correct.zh, rule.example.zh, rule.id);
    }
    assert.match(ruleById("balance-mismatch")!.basis.zh, /本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和/, "the note of table 三");
  });

  it("says whether the fix is applied by fix-all", () => {
    assert.match(ruleDocumentation(ruleById("table-cell-format")!, "zh-cn"), /可安全自动修复/);
    assert.match(ruleDocumentation(ruleById("balance-mismatch")!, "en"), /it may change a figure/);
  });
});
