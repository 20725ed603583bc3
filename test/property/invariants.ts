/**
 * What must hold for any text, checked against an oracle of our own (LSP line
 * rules), not against the core's helpers: ranges inside the document, on
 * UTF-16 boundaries that keep surrogate pairs whole, fixes that edit only
 * inside their finding or the tables they name.
 */
import assert from "node:assert/strict";
import { applyEdits, parse, RULES, type Finding, type Fix, type Position, type Range, type ReportModel } from "../../server/src/core";
import type { Report } from "../../server/src/core/rules/types";

/** The document's lines as LSP counts them (LF, CRLF, CR); a leading BOM is hidden, as the core documents and editors do. */
export function documentLines(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\n|\r/);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function assertPosition(lines: string[], p: { line: number; character: number }, what: string): void {
  assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
  const line = lines[p.line];
  assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= line.length, `${what}: character ${p.character} outside line ${p.line} (length ${line.length})`);
  const splits = p.character > 0 && isHigh(line.charCodeAt(p.character - 1)) && isLow(line.charCodeAt(p.character));
  assert.ok(!splits, `${what}: ${p.line}:${p.character} splits a surrogate pair`);
}

export function assertRange(lines: string[], r: Range, what: string): void {
  assertPosition(lines, r.start, `${what} start`);
  assertPosition(lines, r.end, `${what} end`);
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: start after end ${JSON.stringify(r)}`);
}

const isRange = (v: unknown): v is Range =>
  typeof v === "object" && v !== null && "start" in v && "end" in v && typeof (v as Range).start?.line === "number";

/** Keys of the model that hold format data or source lines, not ranges. */
const NOT_MODEL = new Set(["spec", "column", "used", "lines", "missingRows"]);

/** Every range anywhere in the model (sections, tables, rows, cells …); format specs hold none. */
export function modelRanges(model: ReportModel): { path: string; range: Range }[] {
  const out: { path: string; range: Range }[] = [];
  const visit = (v: unknown, path: string) => {
    if (isRange(v)) out.push({ path, range: v });
    else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`));
    else if (typeof v === "object" && v !== null)
      for (const [k, x] of Object.entries(v)) if (!NOT_MODEL.has(k)) visit(x, `${path}.${k}`);
  };
  visit(model, "model");
  return out;
}

export function assertModelRanges(text: string, model: ReportModel): void {
  const lines = documentLines(text);
  assert.equal(model.lines.length, lines.length, "the model has as many lines as the document");
  for (const { path, range } of modelRanges(model)) assertRange(lines, range, path);
}

/**
 * The rules run without checkModel's safety net (which turns an exception
 * into an info finding), so a rule that throws fails the property.
 */
export function checkWithoutSafetyNet(model: ReportModel): Report[] {
  const reports: Report[] = [];
  const rules = RULES.filter((r) => !r.needsPrevious && (r.id === "not-a-report") !== model.isReport);
  for (const rule of rules) rule.check({ model, format: model.format.used, report: (r) => reports.push(r) });
  return reports;
}

/** Where each line starts in the text (after a BOM; CRLF counted as two). */
function lineStarts(text: string, lines: string[]): number[] {
  const starts: number[] = [];
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length;
    offset += text.startsWith("\r\n", offset) ? 2 : 1;
  }
  return starts;
}

const offsetOf = (starts: number[], p: { line: number; character: number }) => starts[p.line] + p.character;

/** An edit applied alone replaces exactly its range (each distinct edit once: fill-all fixes repeat theirs in every finding). */
function assertEditsReplaceTheirRange(text: string, starts: number[], findings: Finding[]): void {
  const seen = new Set<string>();
  for (const f of findings)
    for (const e of f.fixes.flatMap((x) => x.edits)) {
      const from = offsetOf(starts, e.range.start);
      const to = offsetOf(starts, e.range.end);
      const key = `${from} ${to} ${e.newText}`;
      if (seen.has(key)) continue;
      seen.add(key);
      assert.equal(applyEdits(text, [e]).text, text.slice(0, from) + e.newText + text.slice(to), `${f.rule}: the edit replaces exactly its range`);
    }
}

/** The edits of one fix do not overlap: applyEdits would drop part of the fix. */
function assertNoOverlap(starts: number[], rule: string, fix: Fix): void {
  const spans = fix.edits.map((e) => [offsetOf(starts, e.range.start), offsetOf(starts, e.range.end)]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < spans.length; i++) {
    const [prev, cur] = [spans[i - 1], spans[i]];
    const sameInsertion = cur[0] === prev[0] && cur[0] === cur[1];
    assert.ok(cur[0] >= prev[1] && !sameInsertion, `${rule}: edits of “${fix.title.en}” overlap`);
  }
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const within = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
const hull = (ranges: Range[]): Range => ({
  start: ranges.map((r) => r.start).reduce((a, b) => (before(a, b) ? a : b)),
  end: ranges.map((r) => r.end).reduce((a, b) => (before(a, b) ? b : a)),
});

/** Rules whose fixes rewrite the report's tables as a whole, from a finding on one table's heading. */
const REWRITES_TABLES = new Set(["template-version"]);

/**
 * What a fix may touch:
 *  - its finding's range (an insertion, which removes nothing: anywhere on the finding's lines); or
 *  - the table that holds its finding (“fill every empty cell of this table”); or,
 *    for a fix that rewrites the tables (template-version), the tables it rewrites:
 *    the lines from the first to the last table of one section of the report.
 * Nothing else: no paragraph, title or other section outside the tables.
 */
function fixScopes(model: ReportModel, f: Finding): Range[] {
  const own = model.tables.filter((t) => within(f.range, t.range)).map((t) => t.range);
  if (!REWRITES_TABLES.has(f.rule)) return [f.range, ...own];
  const sections = [...new Set(model.tables.map((t) => t.spec.section))];
  const spans = sections.map((s) => hull(model.tables.filter((t) => t.spec.section === s).map((t) => t.range)));
  // The rewrite replaces whole lines, so a span runs from its first line's start to its last line's end.
  const whole = spans.map((r) => ({ start: { line: r.start.line, character: 0 }, end: { line: r.end.line, character: model.lines[r.end.line].text.length } }));
  return [f.range, ...own, ...whole];
}

function assertFixScope(model: ReportModel, f: Finding, fix: Fix): void {
  const scopes = fixScopes(model, f);
  // An insertion removes nothing: it may stand anywhere on its finding's lines (a table inserted after a
  // heading goes at the line's end, past an invisible character the heading's range leaves out).
  const lines: Range = { start: { line: f.range.start.line, character: 0 }, end: { line: f.range.end.line, character: model.lines[f.range.end.line].text.length } };
  const isInsertion = (r: Range) => r.start.line === r.end.line && r.start.character === r.end.character;
  for (const e of fix.edits)
    assert.ok(
      scopes.some((s) => within(e.range, s)) || (isInsertion(e.range) && within(e.range, lines)),
      `${f.rule}: fix “${fix.title.en}” edits ${JSON.stringify(e.range)}, outside its finding ${JSON.stringify(f.range)} and the tables it names`,
    );
}

/**
 * Every finding's range and every edit's range lie in the document; edits
 * replace exactly their range, those of one fix do not overlap, and each
 * edits only inside its finding or the tables it names (fixScopes).
 */
export function assertFindings(text: string, model: ReportModel, findings: Finding[]): void {
  const lines = documentLines(text);
  const starts = lineStarts(text, lines);
  // Fill-all fixes are one object shared by every finding of a table: its edits are checked once, its scope per finding.
  const checked = new Set<Fix>();
  for (const f of findings) {
    assertRange(lines, f.range, `${f.rule} range`);
    for (const fix of f.fixes) {
      if (!checked.has(fix)) {
        checked.add(fix);
        for (const e of fix.edits) assertRange(lines, e.range, `${f.rule} fix “${fix.title.en}” edit`);
        assertNoOverlap(starts, f.rule, fix);
      }
      assertFixScope(model, f, fix);
    }
  }
  assertEditsReplaceTheirRange(text, starts, findings);
}

/** parse → rules without a safety net → every range checked. */
export function assertWellBehaved(text: string, findings: Finding[]): void {
  const model = parse(text);
  assertModelRanges(text, model);
  checkWithoutSafetyNet(model);
  assertFindings(text, model, findings);
}
