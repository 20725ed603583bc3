import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkText } from "../../server/src/core";
import { sample } from "../helpers/samples";

/**
 * The same draft in another layout of FORMATS.md §7 gives the same findings
 * on the same lines: tab rows as `|` rows with or without outer pipes, and
 * one-cell-per-line tables as one cell per line ending in ` |`.
 */

const bySeparator = (text: string, outer: boolean) =>
  text
    .split("\n")
    .map((l) => (l.includes("\t") ? (outer ? `| ${l.split("\t").join(" | ")} |` : l.split("\t").join(" | ")) : l))
    .join("\n");

const pipePerLine = (text: string) =>
  text
    .split("\n")
    .map((l) => (l.startsWith("\t") && !l.slice(1).includes("\t") ? (l.slice(1).trim() ? `${l.slice(1)} |` : "|") : l))
    .join("\n");

const findings = (text: string) => checkText(text).findings.map((f) => `${f.range.start.line + 1} ${f.rule}`);

describe("layout equivalence on the samples", () => {
  for (const id of ["000", "001", "004"]) {
    it(`${id}: tab rows as | rows, bare and with outer pipes`, () => {
      const original = findings(sample(id));
      assert.deepEqual(findings(bySeparator(sample(id), false)), original);
      assert.deepEqual(findings(bySeparator(sample(id), true)), original);
    });
  }
  for (const id of ["002", "003"]) {
    it(`${id}: one cell per line as cells ending in |`, () => {
      assert.deepEqual(findings(pipePerLine(sample(id))), findings(sample(id)));
    });
  }
});
