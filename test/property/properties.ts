/**
 * The properties of issue 7, shared by the fixed-seed CI tests
 * (test/property/*.test.ts) and the open-ended search (`npm run fuzz`).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { checkText, fixAll, type Finding, type ReportModel } from "../../server/src/core";
import { formatById } from "../../server/src/core/formats";
import {
  cellKey,
  consistentReport,
  mutatedDraft,
  pathologicalDraft,
  render,
  SAMPLES,
  unicodeText,
  type GeneratedReport,
} from "./arbitraries";
import { assertWellBehaved } from "./invariants";
import { brokenRelations, locateCell } from "./oracle";

export interface NamedProperty {
  /** Short name for `npm run fuzz -- --property ID`. */
  id: string;
  name: string;
  property: fc.IRawProperty<[unknown]>;
  /** Cases per CI run; the fuzzer runs many more. */
  runs: number;
}

function wellBehaved(text: string): void {
  assertWellBehaved(text, checkText(text).findings);
}

/** Placed numeric figures by table, row and column: what fix-all must never change. */
function figuresOf(model: ReportModel): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of model.tables)
    for (const r of t.rows)
      for (const c of r.cells) if (c?.status === "number") out.set(`${t.spec.id}/${r.spec.id}/${c.column.id}`, c.value!);
  return out;
}

const withSafeFix = (findings: Finding[]) => findings.filter((f) => f.fixes.some((x) => x.safe));

/** fix-all is idempotent, leaves no finding it could fix, and changes no figure. */
function fixAllSettles(text: string): void {
  const before = checkText(text);
  const fixed = fixAll(text).text;
  const after = checkText(fixed);
  assert.deepEqual(withSafeFix(after.findings).map((f) => `${f.rule} ${JSON.stringify(f.range)}`), [], "findings with a safe fix survive fix-all");
  assert.equal(fixAll(fixed).text, fixed, "a second fix-all changes the text again");
  const figuresAfter = figuresOf(after.model);
  for (const [cell, value] of figuresOf(before.model))
    if (figuresAfter.has(cell)) assert.equal(figuresAfter.get(cell), value, `fix-all changed the figure ${cell}`);
}

function noError(report: GeneratedReport): void {
  const errors = checkText(report.text).findings.filter((f) => f.severity === "error");
  assert.deepEqual(errors.map((f) => `${f.rule} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message.en}`), []);
}

/** Cells of the tables that have relations (三 and 四): each takes part in at least one. */
function relatedCells(report: GeneratedReport): string[] {
  const format = formatById(report.format);
  return format.tables
    .filter((t) => t.relations.length)
    .flatMap((t) => t.rows.filter((r) => r.values !== false).flatMap((r) => t.columns.map((c) => cellKey(r.id, c.id))));
}

/**
 * One figure changed in a consistent report: the relation findings are exactly
 * the relation instances the new figures break, each at its target cell, and
 * nothing else is an error. In table 四 that is one finding; in table 三
 * every cell lies in a row relation and a column relation, so it is two or three.
 */
function brokenFigureReported({ report, pick, delta }: { report: GeneratedReport; pick: number; delta: number }): void {
  const cells = relatedCells(report);
  const key = cells[pick % cells.length];
  const old = report.figures.get(key)!;
  const figures = new Map(report.figures).set(key, old - delta >= 0 ? old - delta : old + delta);
  const format = formatById(report.format);
  const expected = brokenRelations(format, figures);
  assert.ok(expected.length >= 1, "every cell of tables 三 and 四 is in a relation");
  const relationRules = new Set(format.tables.flatMap((t) => t.relations.map((r) => r.rule)));
  const findings = checkText(render(report, figures)).findings;
  const describe = (rule: string, range: unknown) => `${rule} ${JSON.stringify(range)}`;
  assert.deepEqual(
    findings.filter((f) => relationRules.has(f.rule)).map((f) => describe(f.rule, f.range)).sort(),
    expected.map((e) => describe(e.rule, locateCell(report, figures, e.row, e.column))).sort(),
  );
  assert.deepEqual(findings.filter((f) => f.severity === "error" && !relationRules.has(f.rule)).map((f) => f.rule), []);
}

// ---------------------------------------------------------------- time budget

/** Documents shorter than this are charged as if they had this many characters: fixed costs dominate them. */
const MIN_CHARGED = 10_000;
/**
 * How much dearer per character than real drafts any document may be.
 * Generous: linear inputs measure below 6× even on a loaded machine, while
 * the quadratic cases this property found measured 70–200× at 20,000–40,000
 * characters.
 */
const FACTOR = 25;
/** Every sample, one after the other: real drafts, long enough to time steadily. */
const REFERENCE = SAMPLES.join("\n");

function elapsed(text: string): number {
  const t0 = performance.now();
  checkText(text);
  return performance.now() - t0;
}

/** The document's cost per charged character over the reference's, each the least of `rounds` interleaved runs (the least disturbed by other work). */
function relativeCost(text: string, rounds: number): number {
  let doc = Infinity;
  let ref = Infinity;
  for (let i = 0; i < rounds; i++) {
    doc = Math.min(doc, elapsed(text));
    ref = Math.min(ref, elapsed(REFERENCE));
  }
  return doc / Math.max(text.length, MIN_CHARGED) / (ref / REFERENCE.length);
}

/** parse + check costs at most FACTOR times what real drafts cost per character; a run over budget is re-measured before it fails. */
export function withinTimeBudget(text: string): void {
  if (relativeCost(text, 1) <= FACTOR) return;
  const cost = relativeCost(text, 5);
  assert.ok(cost <= FACTOR, `${cost.toFixed(1)}× the samples' cost per character (budget ${FACTOR}×) for ${text.length} characters`);
}

export const PROPERTIES: NamedProperty[] = [
  { id: "unicode", name: "random Unicode: parse and check never throw, every range valid", property: fc.property(unicodeText, wellBehaved), runs: 3000 },
  { id: "mutations", name: "mutated drafts: parse and check never throw, every range and fix valid", property: fc.property(mutatedDraft, wellBehaved), runs: 1500 },
  { id: "fix-all", name: "fix-all settles: idempotent, no fixable finding left, no figure changed", property: fc.property(fc.oneof(mutatedDraft, unicodeText), fixAllSettles), runs: 1000 },
  { id: "consistent", name: "consistent reports in every format and layout: no error", property: fc.property(consistentReport, noError), runs: 1000 },
  {
    id: "broken-figure",
    name: "one figure changed: exactly the broken relations are reported, at their cells",
    property: fc.property(fc.record({ report: consistentReport, pick: fc.nat(), delta: fc.integer({ min: 1, max: 40 }) }), brokenFigureReported),
    runs: 1000,
  },
  { id: "time", name: "pathological repetitions: parse and check stay within a per-character budget", property: fc.property(pathologicalDraft, (d) => withinTimeBudget(d.text)), runs: 150 },
];

/** CI's fixed seed: every run of the suite checks the same cases. */
export const CI_SEED = 20_261_123;

export function assertInCi(id: string): void {
  const p = PROPERTIES.find((x) => x.id === id)!;
  fc.assert(p.property, { seed: CI_SEED, numRuns: p.runs });
}

export const nameOf = (id: string) => PROPERTIES.find((x) => x.id === id)!.name;
