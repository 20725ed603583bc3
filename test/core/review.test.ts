import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyReview, checkModel, checkText, decisionMap, fingerprintFindings, parse, parseReviewFile, quotedText, staleDecisions, type Finding } from "../../server/src/core/index.ts";
import { sample } from "../helpers/samples.ts";
import { reportText, Y2021 } from "../fixtures/cross-year/reports.ts";

/** Fingerprints of findings: stable under edits elsewhere, new when the finding's own text changes. */

/** 乙镇's 2021 report with 自然人 3 new and 2 handled: table 三 unbalanced. */
const TEXT = reportText({ ...Y2021, organ: "乙镇人民政府", applications: { new: [3, 0], carried: [0, 0], granted: [2, 0], forward: [0, 0] } });

function fingerprinted(text: string): { findings: Finding[]; prints: string[] } {
  const model = parse(text);
  const findings = checkModel(model);
  return { findings, prints: fingerprintFindings(model.lines.map((l) => l.text), findings, "乙镇人民政府 2021") };
}

describe("finding fingerprints", () => {
  const base = fingerprinted(TEXT);

  it("the fixture has findings, each with its own fingerprint", () => {
    assert.ok(base.findings.length >= 2);
    assert.equal(new Set(base.prints).size, base.prints.length);
  });

  it("stay the same when lines are added above the findings", () => {
    const edited = TEXT.replace("一、总体情况\n", "一、总体情况\n\n本年度新增一段说明。\n\n又一段补充说明。\n");
    assert.notEqual(edited, TEXT);
    const after = fingerprinted(edited);
    assert.notDeepEqual(after.findings.map((f) => f.range.start.line), base.findings.map((f) => f.range.start.line));
    assert.deepEqual(after.prints, base.prints);
  });

  it("change when the text a finding points at changes", () => {
    const balance = base.findings.findIndex((f) => f.rule === "balance-mismatch");
    assert.ok(balance >= 0);
    const f = base.findings[balance];
    const lines = TEXT.split("\n");
    const line = lines[f.range.start.line];
    lines[f.range.start.line] = line.slice(0, f.range.start.character) + "9" + line.slice(f.range.end.character);
    const after = fingerprinted(lines.join("\n"));
    assert.ok(!after.prints.includes(base.prints[balance]));
  });

  it("depend on the report", () => {
    const model = parse(TEXT);
    const other = fingerprintFindings(model.lines.map((l) => l.text), base.findings, "甲镇人民政府 2021");
    assert.ok(other.every((p) => !base.prints.includes(p)));
  });
});

describe("applying a review", () => {
  const { findings, prints } = fingerprinted(TEXT);

  it("leaves dismissed findings out, counts them, and marks accepted ones", () => {
    const decisions = decisionMap([
      { fingerprint: prints[0], decision: "dismissed", reason: "口径不同" },
      { fingerprint: prints[1], decision: "accepted" },
    ]);
    const r = applyReview(findings, prints, decisions);
    assert.equal(r.excluded, 1);
    assert.equal(r.findings.length, findings.length - 1);
    assert.deepEqual(r.kept, findings.map((_, i) => i).slice(1));
    assert.equal(r.accepted[0], true);
    assert.ok(r.accepted.slice(1).every((a) => !a));
  });

  it("names decisions whose finding no longer occurs", () => {
    const decisions = [{ fingerprint: prints[0], decision: "accepted" as const }, { fingerprint: "0000000000000000", decision: "dismissed" as const }];
    assert.deepEqual(staleDecisions(decisions, new Set(prints)).map((d) => d.fingerprint), ["0000000000000000"]);
  });

  it("reads a review file, naming entries that are not decisions", () => {
    const r = parseReviewFile(JSON.stringify({ version: 1, decisions: [{ fingerprint: "ab", decision: "dismissed", reason: "x" }, { fingerprint: "cd", decision: "maybe" }] }));
    assert.equal(r.decisions.length, 1);
    assert.equal(r.problems.length, 1);
    assert.equal(parseReviewFile("{").problems.length, 1);
  });

  it("is FNV-1a over the rule, the report and the folded text before, of and after the finding (the definition, spelled out slowly)", () => {
    const fold = (t: string) => t.replace(/\s+/g, " ").trim();
    const fnv = (t: string) => {
      let h1 = 0x811c9dc5;
      let h2 = 0xcbf29ce4;
      for (let i = 0; i < t.length; i++) {
        h1 = Math.imul(h1 ^ t.charCodeAt(i), 0x01000193) >>> 0;
        h2 = Math.imul(h2 ^ t.charCodeAt(i) ^ (h1 >>> 16), 0x01000193) >>> 0;
      }
      return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
    };
    for (const id of ["000", "001", "002", "003", "004"]) {
      const { model, findings } = checkText(sample(id));
      const lines = model.lines.map((l) => l.text);
      const seen = new Map<string, number>();
      const expected = findings.map((f) => {
        const key = [f.rule, id, fold(lines[f.range.start.line].slice(0, f.range.start.character)), fold(quotedText(lines, f)), fold(lines[f.range.end.line].slice(f.range.end.character))].join("\u0000");
        const n = seen.get(key) ?? 0;
        seen.set(key, n + 1);
        return fnv(n ? `${key}\u0000${n}` : key);
      });
      assert.deepEqual(fingerprintFindings(lines, findings, id), expected, id);
    }
  });
});
