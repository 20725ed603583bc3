import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { hasReportTitle } from "../../server/src/core";
import { SAMPLES_DIR, sample } from "../helpers/samples";

describe("content detection", () => {
  for (const name of readdirSync(SAMPLES_DIR).sort())
    it(`${name} (named only by a number) is a report`, () => assert.equal(hasReportTitle(sample(name.slice(0, 3))), true));

  it("a Markdown title counts, an ordinary text does not", () => {
    assert.equal(hasReportTitle("# 某某区人民政府2024年政府信息公开工作年度报告\n\n正文"), true);
    assert.equal(hasReportTitle("会议纪要\n\n一、总体情况\n本次会议讨论了年度工作。"), false);
    assert.equal(hasReportTitle(""), false);
  });

  it("only the opening lines are read", () => {
    assert.equal(hasReportTitle("正文\n".repeat(50) + "某某区人民政府2024年政府信息公开工作年度报告\n"), false);
  });
});
