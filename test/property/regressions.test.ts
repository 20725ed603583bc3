/**
 * Counterexamples the property tests found, kept as plain examples so the
 * bug they exposed stays fixed even if the generators change.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkText, renderReport } from "../../server/src/core";
import { fillGuidance } from "../helpers/mutate";
import { SAMPLES } from "./arbitraries";
import { withinTimeBudget } from "./properties";

test("a blank one-cell-per-line template has no finding (tables were glued together without a blank line)", () => {
  for (const format of ["2019", "2021"] as const) {
    const text = fillGuidance(renderReport({ year: format === "2019" ? 2020 : 2022, format, layout: "cell-per-line", organ: "某某市人民政府办公室" }));
    assert.deepEqual(checkText(text).findings.map((f) => f.rule), []);
  }
});

test("a line with a long run of spaces inside stays within the per-character time budget (trimPadding was quadratic)", () => {
  withinTimeBudget(`${SAMPLES[0]}\n根${" ".repeat(40_000)}据\n`);
});

test("a paragraph with a long run of digits or Chinese numerals stays within the per-character time budget (count reading was quadratic)", () => {
  for (const digit of ["0", "一"]) withinTimeBudget(`${SAMPLES[0]}\n一、总体情况\n${digit.repeat(40_000)}\n`);
});

test("a line of unclosed [bookmark: debris stays within the per-character time budget (the debris pattern scanned to the line's end from each one)", () => {
  withinTimeBudget(`${SAMPLES[0]}\n${"[bookmark:".repeat(40_000)}\n`);
});

test("Word bookmarks are still recognised as debris", () => {
  const text = `${fillGuidance(renderReport({ year: 2022, organ: "某某市人民政府办公室" }))}[bookmark: _GoBack]结束\n`;
  assert.deepEqual(checkText(text).findings.map((f) => f.rule), ["conversion-artifact"]);
});
