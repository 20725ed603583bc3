import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { applyEdits, convertTableLayout, parse, tableAt, type TemplateLayout } from "../../server/src/core";
import { SAMPLES_DIR, sample } from "../helpers/samples";
import { figures, lineOf, skeleton } from "./fixtures";

/** Converts every table block of the text, last first so earlier ranges stay valid. */
function convertAll(text: string, layout: TemplateLayout): string {
  let out = text;
  for (const table of [...parse(text).tables].reverse()) {
    const edit = convertTableLayout(parse(out), table.range.start, layout);
    if (edit) out = applyEdits(out, [edit]).text;
  }
  return out;
}

describe("table layout conversion", () => {
  for (const name of readdirSync(SAMPLES_DIR).sort()) {
    it(`${name}: to each layout and back, every figure kept`, () => {
      const text = sample(name.slice(0, 3));
      const original = parse(text);
      for (const layout of ["tabs", "cell-per-line", "pipes"] as const) {
        const converted = parse(convertAll(text, layout));
        assert.deepEqual(figures(converted), figures(original), layout);
        assert.ok(converted.tables.every((t) => t.layout === layout), layout);
        assert.deepEqual(figures(parse(convertAll(convertAll(text, layout), original.tables[0].layout === "tabs" ? "tabs" : "cell-per-line"))), figures(original));
      }
    });
  }

  it("knows the layout under the cursor and offers the others", () => {
    const text = skeleton();
    assert.deepEqual(tableAt(parse(text), { line: lineOf(text, "规章\t0\t0\t0"), character: 0 }), { layout: "tabs", targets: ["cell-per-line", "pipes"] });
    assert.equal(tableAt(parse(text), { line: 0, character: 0 }), undefined);
    assert.equal(convertTableLayout(parse(text), { line: 0, character: 0 }, "pipes"), undefined);
  });

  it("writes a Markdown table with its separator row", () => {
    const text = skeleton();
    const edit = convertTableLayout(parse(text), { line: lineOf(text, "规章\t0\t0\t0"), character: 0 }, "pipes")!;
    const lines = edit.newText.split("\n");
    assert.equal(lines[0], "| 第二十条第（一）项 |  |  |  |");
    assert.equal(lines[1], "| --- | --- | --- | --- |");
    assert.ok(lines.includes("| 规章 | 0 | 0 | 0 |"));
  });
});
