import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { applyEdits, checkModel, formatTables, parse } from "../../server/src/core";
import { SAMPLES_DIR, sample } from "../helpers/samples";
import { figures, skeleton } from "./fixtures";

describe("table formatting", () => {
  for (const name of readdirSync(SAMPLES_DIR).sort()) {
    it(`${name}: one row per line, canonical figures, no figure changed, idempotent`, () => {
      const text = sample(name.slice(0, 3));
      const before = parse(text);
      const formatted = applyEdits(text, formatTables(before)).text;
      const after = parse(formatted);
      assert.deepEqual(figures(after), figures(before));
      assert.ok(after.tables.every((t) => t.layout === "tabs"), "every table is in rows of one line");
      assert.deepEqual(checkModel(after).filter((f) => f.rule === "table-cell-format"), []);
      assert.deepEqual(formatTables(after), []);
      // Text outside the tables is untouched.
      const firstTable = before.tables[0].range.start.line;
      assert.equal(formatted.split("\n").slice(0, firstTable).join("\n"), text.split("\n").slice(0, firstTable).join("\n"));
    });
  }

  it("writes 减2 as -2 and full-width digits as ASCII", () => {
    const text = skeleton().replace("规章\t0\t0\t0", "规章\t０\t3\t\u3000１２ ");
    const formatted = applyEdits(text, formatTables(parse(text))).text;
    assert.ok(formatted.includes("规章\t0\t3\t12\n"));
    const signed = sample("003");
    assert.ok(applyEdits(signed, formatTables(parse(signed))).text.includes("\t-2\t"));
  });

  it("leaves a clean skeleton alone", () => {
    assert.deepEqual(formatTables(parse(skeleton())), []);
  });
});
