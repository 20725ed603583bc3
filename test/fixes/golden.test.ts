import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkText, fixAll } from "../../server/src/core";
import { example, sample } from "../helpers/samples";

/**
 * Raw/fixed golden pairs: `fixAll` (safe fixes only) turns each raw draft
 * into its golden exactly, a second pass changes nothing, and the fixed
 * draft keeps every finding that no safe fix addresses.
 */
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "fixes");
const golden = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

const PAIRS: [string, () => string, string][] = [
  ["002: numerals of headings", () => sample("002"), "002.fixed.txt"],
  ["003: Word bookmark and 减2", () => sample("003"), "003.fixed.txt"],
  ["004: HTML tags and a variant heading", () => sample("004"), "004.fixed.txt"],
  ["the mistakes example", () => example("问题示例"), "mistakes-example.fixed.txt"],
];

const fixedRules = (text: string) => new Set(checkText(text).findings.filter((f) => f.fixes.some((x) => x.safe)).map((f) => f.rule));

describe("safe fixes: golden pairs", () => {
  for (const [name, raw, fixedName] of PAIRS) {
    it(name, () => {
      const before = raw();
      const expected = golden(fixedName);
      const { text } = fixAll(before);
      assert.equal(text, expected);
      assert.equal(fixAll(text).text, text, "a second pass changes nothing");
      assert.deepEqual([...fixedRules(text)], [], "no safe-fixable finding is left");
      const unfixable = (t: string) => checkText(t).findings.filter((f) => !f.fixes.some((x) => x.safe)).map((f) => `${f.rule}:${f.message.zh}`);
      assert.deepEqual(unfixable(text), unfixable(before), "nothing else changed");
    });
  }

  it("keeps CRLF line endings and only touches the fixed places", () => {
    const crlf = sample("002").replace(/\n/g, "\r\n");
    const { text } = fixAll(crlf);
    assert.equal(text, golden("002.fixed.txt").replace(/\n/g, "\r\n"));
  });

  it("never changes a figure: suggested fixes are not applied", () => {
    const text = example("问题示例");
    const fixed = fixAll(text).text;
    const figures = (t: string) => checkText(t).model.tables.flatMap((tb) => tb.rows.flatMap((r) => r.cells.map((c) => c?.value)));
    assert.deepEqual(figures(fixed), figures(text));
  });
});
